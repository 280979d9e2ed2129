import type { TokenBuffer, Word } from './text';

/**
 * Sentence-level cues of French administrative prose that change what a mention is worth: a deferral
 * (« fera l'objet d'un avenant »), a negation (« ne comporte pas de volet »), a national-context framing
 * (« au niveau national »), a mere consultation (« sera consulté »), a commitment (« s'engage à »).
 * Patterns are sequences of normalised word prefixes; `*` matches any one word.
 */

/** A pattern's words; a closing parenthesis only marks the end of a word (« a venir) »), it is not compared. */
type Pattern = string[];
/** Patterns indexed by their first word (as written). */
type PatternIndex = Map<string, Pattern[]>;

function compile(list: string[]): PatternIndex {
  const index: PatternIndex = new Map();
  for (const p of list) {
    const written = p.split(' ');
    const bucket = index.get(written[0]!) ?? [];
    bucket.push(written.map((w) => (w.endsWith(')') ? w.slice(0, -1) : w)));
    index.set(written[0]!, bucket);
  }
  return index;
}

function prefixes(list: string[]): RegExp {
  return new RegExp(`^(?:${list.join('|')})`);
}

/** Announced for later: the text is not there yet. */
const DEFERRAL = compile([
  'fera l objet',
  'feront l objet',
  'avenant ulterieur',
  'ulterieurement',
  'dans un second temps',
  'a ce stade',
  'pas encore',
  'pas pu etre',
  'n a pu etre',
  'en cours d elaboration',
  'en cours de redaction',
  'reste a elaborer',
  'reste a definir',
  'restent a definir',
  'reste a rediger',
  'annexe a venir',
  'annexes a venir',
  'volet a venir',
  'convention a venir',
  'a venir)',
  'prochaine actualisation',
  'lors de l actualisation',
  'a completer',
  'cet avenant',
  'un avenant',
  'par avenant',
  'futur avenant',
  'prochain avenant',
  'sera annexe',
  'sera annexee',
  'seront annexe',
  'seront annexee',
]);

/** Future passive that postpones content: « sera élaboré / précisé / défini / rédigé / complété ». */
const FUTURE_AUX = new Set(['sera', 'seront', 'fera', 'feront']);
const POSTPONED = prefixes(['elabor', 'precis', 'defin', 'redig', 'complet', 'finalis', 'formalis', 'arret', 'determin', 'ajout']);

const NATIONAL = compile([
  'au niveau national',
  'a l echelle nationale',
  'sur le plan national',
  'convention interministerielle',
  'conventions interministerielles',
  'l etat s est engage',
  'le gouvernement s est engage',
  'objectif national',
  'objectifs nationaux',
  'pour memoire',
  'annexe 1 de la circulaire',
  'la loi prevoit',
  'la loi dispose',
  'la loi impose',
  'la loi du 21 fevrier 2014 prevoit',
  'le legislateur',
  'la circulaire prevoit',
  'la circulaire demande',
  'les circulaires prevoient',
  'il est rappele',
  'rappelons que',
  'cadre national',
]);

/** Hedges that leave an action undecided: « pourra être invité », « le cas échéant ». */
const HEDGES = compile(['pourra', 'pourront', 'pourrait', 'pourraient', 'eventuellement', 'le cas echeant', 'si besoin', 'si possible', 'a terme']);

const CONSULT_WORDS = new Set([
  'consulte', 'consultee', 'consultes', 'consultees', 'informe', 'informee', 'informes', 'informees',
  'invite', 'invitee', 'invites', 'invitees', 'sollicite', 'sollicitee', 'sollicites', 'sollicitees', 'consultatif',
  'consultative',
]);

const COMMIT_PREFIXES = prefixes([
  'engag', 'prevu', 'mise', 'mettr', 'deploi', 'deploy', 'develop', 'renforc', 'cre', 'soutien', 'souten',
  'mobilis', 'pilot', 'financ', 'accompagn', 'organis', 'poursui', 'implant', 'ouvr', 'generalis',
  'program', 'anim', 'favoris', 'assur', 'contribu', 'facilit', 'amelior', 'porter', 'porte', 'ameliore', 'agir',
  'prior', 'cibl', 'recrut', 'form', 'propos', 'accueil', 'orient', 'pilote', 'lutter', 'lutte', 'prevoi',
]);

const INVOLVE_PREFIXES = prefixes([
  'associ', 'membre', 'comite', 'copil', 'cotech', 'pilotage', 'partenair', 'signatair', 'mobilis', 'particip',
  'engag', 'contribu', 'copilot', 'representant', 'represente', 'sieg', 'implique', 'coordon', 'pilote',
  'elabor', 'apport', 'finance', 'cofinanc', 'convention', 'instance',
]);

/** Verbs whose negation denies presence: « ne comporte pas », « n'est pas signataire », « n'a pas été élaboré ». */
const PRESENCE_PREFIXES = prefixes([
  'comport', 'prevoi', 'prevu', 'conten', 'contien', 'inclu', 'integr', 'dispos', 'exist', 'figur', 'trait',
  'abord', 'elabor', 'sign', 'retenu', 'associ', 'mobilis', 'constitu', 'mis', 'defini', 'redig', 'install',
  'cree', 'adopt', 'concerne', 'prevoit',
]);
const NO_NEGATIONS: readonly number[] = Object.freeze([]);
const NEGATORS = new Set(['pas', 'plus', 'jamais', 'aucun', 'aucune', 'ni', 'guere', 'point']);

export interface SentenceCues {
  deferral: boolean;
  national: boolean;
  consult: boolean;
  commit: boolean;
  involve: boolean;
  hedge: boolean;
  /** Token indices (in the block's token list) of negations that deny presence. */
  negations: readonly number[];
}

const CONSULT = 1;
const COMMIT = 2;
const INVOLVE = 4;
const PRESENCE = 8;
const NEGATOR = 16;
const NE = 32;
const FUTURE = 64;
const POSTPONES = 128;
const ABSENCE = 256;
/** The word starts one of the patterns of deferral, national context, hedge. */
const DEFERRAL_START = 512;
const NATIONAL_START = 1024;
const HEDGE_START = 2048;
/** « venir », the word « (à venir) » needs (a cheap test before its regex). */
const VENIR = 4096;

function matchesAt(tokens: TokenBuffer, i: number, pattern: Pattern, end: number): boolean {
  for (let k = 0; k < pattern.length; k++) {
    if (i + k >= end) return false;
    const p = pattern[k]!;
    if (p !== '*' && tokens.words[i + k]!.norm !== p) return false;
  }
  return true;
}

function startsPattern(tokens: TokenBuffer, i: number, to: number, patterns: PatternIndex): boolean {
  const bucket = patterns.get(tokens.words[i]!.norm);
  if (bucket) for (const p of bucket) if (matchesAt(tokens, i, p, to)) return true;
  return false;
}

/** Cue classes of a word, computed once per distinct word form. */
function cueFlags(w: Word): number {
  if (w.cues >= 0) return w.cues;
  const n = w.norm;
  let f = 0;
  if (CONSULT_WORDS.has(n)) f |= CONSULT;
  if (COMMIT_PREFIXES.test(n)) f |= COMMIT;
  if (n.length > 2 && INVOLVE_PREFIXES.test(n)) f |= INVOLVE;
  if (PRESENCE_PREFIXES.test(n)) f |= PRESENCE;
  if (NEGATORS.has(n)) f |= NEGATOR;
  if (n === 'ne' || n === 'n') f |= NE;
  if (FUTURE_AUX.has(n)) f |= FUTURE;
  if (POSTPONED.test(n)) f |= POSTPONES;
  if (n === 'aucun' || n === 'aucune' || n === 'absence' || n === 'faute') f |= ABSENCE;
  if (DEFERRAL.has(n)) f |= DEFERRAL_START;
  if (NATIONAL.has(n)) f |= NATIONAL_START;
  if (HEDGES.has(n)) f |= HEDGE_START;
  if (n === 'venir') f |= VENIR;
  w.cues = f;
  return f;
}

/** Reads the cues of one sentence: tokens[from, to) of a block. */
export function sentenceCues<T extends { start: number; end: number; words: number }>(
  tokens: TokenBuffer,
  from: number,
  to: number,
  text: string,
  start: number,
  end: number,
  words: number,
): SentenceCues & T {
  const cues = { start, end, words, deferral: false, national: false, hedge: false, consult: false, commit: false, involve: false, negations: NO_NEGATIONS };
  // Most sentences deny nothing: they share one empty list, a sentence that negates gets its own.
  let negations: number[] | undefined;
  let all = 0;
  for (let i = from; i < to; i++) {
    const f = cueFlags(tokens.words[i]!);
    all |= f;
    if (f & DEFERRAL_START && !cues.deferral && startsPattern(tokens, i, to, DEFERRAL)) cues.deferral = true;
    if (f & NATIONAL_START && !cues.national && startsPattern(tokens, i, to, NATIONAL)) cues.national = true;
    if (f & HEDGE_START && !cues.hedge && startsPattern(tokens, i, to, HEDGES)) cues.hedge = true;
    if (f & FUTURE) {
      for (let k = i + 1; k <= i + 3 && k < to; k++) if (cueFlags(tokens.words[k]!) & POSTPONES) cues.deferral = true;
    }
    if (f & NE) {
      for (let k = i + 1; k <= i + 4 && k < to; k++) {
        if (!(cueFlags(tokens.words[k]!) & NEGATOR)) continue;
        for (let v = i + 1; v <= k + 4 && v < to; v++) {
          if (v !== k && cueFlags(tokens.words[v]!) & PRESENCE) {
            (negations ??= []).push(k);
            break;
          }
        }
        break;
      }
    }
    if (f & ABSENCE && !negations?.includes(i)) (negations ??= []).push(i);
  }
  if (negations) cues.negations = negations;
  cues.consult = (all & CONSULT) !== 0;
  cues.commit = (all & COMMIT) !== 0;
  cues.involve = (all & INVOLVE) !== 0;
  if (!cues.deferral && all & VENIR && /\(\s*(annexe\s+)?à venir\s*\)/iu.test(text.slice(start, end))) {
    cues.deferral = true;
  }
  return cues as SentenceCues & T;
}
