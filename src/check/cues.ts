import type { Token } from './text';

/**
 * Sentence-level cues of French administrative prose that change what a mention is worth: a deferral
 * (« fera l'objet d'un avenant »), a negation (« ne comporte pas de volet »), a national-context framing
 * (« au niveau national »), a mere consultation (« sera consulté »), a commitment (« s'engage à »).
 * Patterns are sequences of normalised word prefixes; `*` matches any one word.
 */

type Pattern = string[];
/** Patterns indexed by their first word. */
type PatternIndex = Map<string, Pattern[]>;

function compile(list: string[]): PatternIndex {
  const index: PatternIndex = new Map();
  for (const p of list) {
    const words = p.split(' ');
    const bucket = index.get(words[0]!) ?? [];
    bucket.push(words);
    index.set(words[0]!, bucket);
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
const NEGATORS = new Set(['pas', 'plus', 'jamais', 'aucun', 'aucune', 'ni', 'guere', 'point']);

export interface SentenceCues {
  deferral: boolean;
  national: boolean;
  consult: boolean;
  commit: boolean;
  involve: boolean;
  hedge: boolean;
  /** Token indices (in the block's token list) of negations that deny presence. */
  negations: number[];
}


function matchesAt(tokens: Token[], i: number, pattern: Pattern, end: number): boolean {
  for (let k = 0; k < pattern.length; k++) {
    const t = tokens[i + k];
    if (!t || i + k >= end) return false;
    const p = pattern[k]!;
    if (p === '*') continue;
    if (p.endsWith(')')) {
      if (t.norm !== p.slice(0, -1)) return false;
    } else if (t.norm !== p) return false;
  }
  return true;
}

function anyPattern(tokens: Token[], from: number, to: number, patterns: PatternIndex): boolean {
  for (let i = from; i < to; i++) {
    const bucket = patterns.get(tokens[i]!.norm);
    if (bucket) for (const p of bucket) if (matchesAt(tokens, i, p, to)) return true;
  }
  return false;
}

/** Reads the cues of one sentence: tokens[from, to) of a block. */
export function sentenceCues(tokens: Token[], from: number, to: number, rawText: string): SentenceCues {
  const cues: SentenceCues = {
    deferral: anyPattern(tokens, from, to, DEFERRAL),
    national: anyPattern(tokens, from, to, NATIONAL),
    hedge: anyPattern(tokens, from, to, HEDGES),
    consult: false,
    commit: false,
    involve: false,
    negations: [],
  };
  if (/\(\s*(annexe\s+)?à venir\s*\)/iu.test(rawText)) cues.deferral = true;
  for (let i = from; i < to; i++) {
    const w = tokens[i]!.norm;
    if (CONSULT_WORDS.has(w)) cues.consult = true;
    if (!cues.commit && COMMIT_PREFIXES.test(w)) cues.commit = true;
    if (!cues.involve && INVOLVE_PREFIXES.test(w) && w.length > 2) cues.involve = true;
    if (FUTURE_AUX.has(w)) {
      for (let k = i + 1; k <= i + 3 && k < to; k++) {
        if (POSTPONED.test(tokens[k]!.norm)) cues.deferral = true;
      }
    }
    if (w === 'ne' || w === 'n') {
      for (let k = i + 1; k <= i + 4 && k < to; k++) {
        if (!NEGATORS.has(tokens[k]!.norm)) continue;
        let presence = false;
        for (let v = i + 1; v <= k + 4 && v < to; v++) {
          if (v !== k && PRESENCE_PREFIXES.test(tokens[v]!.norm)) presence = true;
        }
        if (presence) cues.negations.push(k);
        break;
      }
    }
    if ((w === 'aucun' || w === 'aucune' || w === 'absence' || w === 'faute') && !cues.negations.includes(i)) {
      cues.negations.push(i);
    }
  }
  return cues;
}
