import type { Requirement } from '../referential/schema';
import { figuresIn } from './analyze';
import { blockCount, quote, type CheckInput, type Mention } from './evidence';
import type { RequirementResult, Status } from './report';

/**
 * The rules that turn a requirement's mentions into a status, one per kind of requirement.
 * Each returns the mentions it rests on, strongest first, so the report can quote them.
 */

export interface Verdict {
  status: Status;
  confidence: number;
  reason: string;
  basis: Mention[];
  figure?: RequirementResult['figure'];
}

/** Written words that make a section substantial, or thin. */
const SUBSTANTIAL_WORDS = 30;
const THIN_WORDS = 8;
/** A pilier named otherwise: two theme sections of some substance, or one large one. */
const THEME_WORDS = 25;
const LARGE_THEME_WORDS = 80;

const live = (m: Mention): boolean => !m.deferred && !m.negated;

/** A heading counts as evidence only when its section holds written content (not an empty template title). */
const writtenHeading = (input: CheckInput, m: Mention): boolean =>
  m.heading && (input.layout.sections.get(m.block)?.liveWords ?? 0) >= THIN_WORDS;

/**
 * Separates the titles of empty sections (a skeleton's « Formation des conseillers citoyens » over a
 * placeholder) from the other mentions: such a title is not evidence, and alone it means « missing ».
 */
function withoutEmptyTitles(input: CheckInput, ms: Mention[]): { rest: Mention[]; empty?: Verdict } {
  const rest = ms.filter((m) => !m.heading || writtenHeading(input, m));
  if (rest.length > 0 || rest.length === ms.length) return { rest };
  const title = input.blocks[ms[0]!.block]!.text.trim();
  return { rest, empty: { status: 'missing', confidence: 0.85, reason: `Titre « ${title} » présent mais section vide ou « À compléter »`, basis: ms } };
}

/** The strongest mentions first, then the others (without repeating any). */
function strongestFirst(strong: Mention[], all: Mention[]): Mention[] {
  const first = new Set(strong);
  return [...strong, ...all.filter((m) => !first.has(m))];
}
const plural = (n: number, one: string, many: string): string => (n > 1 ? many : one);

function formerNameNote(ms: Mention[]): string {
  const former = ms.find((m) => m.ref.current);
  return former ? ` (sous son ancien nom ; aujourd'hui « ${former.ref.current} »)` : '';
}

/** Why nothing counts: deferred, negated, or absent. */
function absent(input: CheckInput, ms: Mention[], what: string): Verdict {
  const deferred = ms.filter((m) => m.deferred);
  if (deferred.length > 0) {
    return {
      status: 'missing',
      confidence: 0.85,
      reason: `Annoncé pour plus tard (« ${quote(input, deferred[0]!)} ») : ne compte pas comme présent`,
      basis: deferred,
    };
  }
  const negated = ms.filter((m) => m.negated);
  if (negated.length > 0) {
    return { status: 'missing', confidence: 0.85, reason: `Écarté explicitement : « ${quote(input, negated[0]!)} »`, basis: negated };
  }
  return { status: 'missing', confidence: 0.9, reason: what, basis: [] };
}

/**
 * The extent of writing a heading or a label introduces: a heading's section; for a labelled paragraph
 * (« Santé. Le contrat… », « Volet santé : … »), the paragraph and what follows it up to the next label or
 * heading — or the whole section when it opens the section (« Ce défi constitue le volet éducatif du contrat. »).
 */
function sectionOf(input: CheckInput, m: Mention): { live: number; blocks: number; setAside: number } {
  const { blocks, analyses, layout } = input;
  const own = layout.sections.get(m.block);
  if (m.heading && own) return { live: own.liveWords, blocks: own.blocks, setAside: own.deferredWords };
  const a = analyses[m.block]!;
  let live = Math.max(0, a.liveWords - 3);
  let setAside = a.words - a.liveWords;
  let count = 1;
  let k = m.block + 1;
  for (; k < blocks.length && blocks[k]!.type !== 'heading' && analyses[k]!.labelEnd < 0; k++) {
    live += analyses[k]!.liveWords;
    setAside += analyses[k]!.words - analyses[k]!.liveWords;
    count++;
  }
  const opensSection = blocks[m.block - 1]?.type === 'heading';
  const enclosing = opensSection ? layout.sections.get(m.block - 1) : undefined;
  if (enclosing && enclosing.end === k) return { live: enclosing.liveWords, blocks: enclosing.blocks, setAside: enclosing.deferredWords };
  return { live, blocks: count, setAside };
}

function sectionTitle(input: CheckInput, m: Mention): string {
  return input.blocks[m.block]!.text.trim();
}

/** A section the contract must hold (volet, pilier, annexe, clause). */
export function evaluateVolet(input: CheckInput, r: Requirement, ms: Mention[]): Verdict {
  if (r.presence === 'mention') return evaluateClause(input, r, ms);
  const headings = ms.filter((m) => (m.heading || m.label) && m.ref.role === 'heading' && !m.negated);
  let best: { m: Mention; live: number; blocks: number; setAside: number } | undefined;
  for (const m of headings) {
    const stats = sectionOf(input, m);
    if (m.deferred) stats.live = 0;
    if (!best || stats.live > best.live) best = { m, ...stats };
  }
  if (best && best.live >= SUBSTANTIAL_WORDS) {
    const where = best.m.heading ? `section « ${sectionTitle(input, best.m)} »` : `paragraphe « ${quote(input, best.m, 50)} »`;
    const size = best.m.heading ? `, ${best.blocks} ${plural(best.blocks, 'paragraphe', 'paragraphes')}` : '';
    return {
      status: 'covered',
      confidence: best.m.heading ? 0.92 : 0.8,
      reason: `Volet présent : ${where}${size} (${best.live} mots)`,
      basis: [best.m, ...ms.filter((x) => x !== best!.m && live(x))],
    };
  }
  const pillar = evaluateThemes(input, ms);
  if (pillar) return pillar;
  const body = ms.filter((m) => !m.heading && !m.signature && live(m));
  if (best && best.live >= THIN_WORDS) {
    return {
      status: 'partial',
      confidence: 0.7,
      reason: `Section « ${sectionTitle(input, best.m)} » très brève (${best.live} mots)`,
      basis: [best.m, ...body],
    };
  }
  if (best) {
    const title = sectionTitle(input, best.m);
    if (body.length > 0 && best.setAside === 0) {
      return {
        status: 'partial',
        confidence: 0.6,
        reason: `Titre « ${title} » sans contenu ; mentionné ailleurs ${body.length} ${plural(body.length, 'fois', 'fois')}`,
        basis: [best.m, ...body],
      };
    }
    const why = best.setAside > 0 ? 'sans contenu propre (différé, écarté ou contexte national seulement)' : 'section vide ou « À compléter »';
    return { status: 'missing', confidence: 0.85, reason: `Titre « ${title} » présent mais ${why} : ne compte pas comme présent`, basis: [best.m] };
  }
  return mentionsOnly(input, body, ms, 'Aucune section ni mention trouvée');
}

/** A pilier named otherwise: two sub-theme sections with content make it present. */
function evaluateThemes(input: CheckInput, ms: Mention[]): Verdict | undefined {
  const themed = new Map<number, Mention>();
  let large = false;
  for (const m of ms) {
    if (m.ref.role !== 'theme' || !m.heading || m.negated) continue;
    const s = input.layout.sections.get(m.block);
    if (s && s.liveWords >= THEME_WORDS) themed.set(m.block, m);
    if (s && s.liveWords >= LARGE_THEME_WORDS) large = true;
  }
  if (themed.size < 2 && !large) return undefined;
  const basis = [...themed.values()];
  const names = basis.slice(0, 3).map((m) => `« ${sectionTitle(input, m)} »`).join(', ');
  return { status: 'covered', confidence: 0.75, reason: `Présent sans son titre, par ses thèmes : ${names}`, basis };
}

function mentionsOnly(input: CheckInput, body: Mention[], all: Mention[], none: string): Verdict {
  if (body.length === 0) return absent(input, all, none);
  const local = body.filter((m) => !m.national);
  if (local.length === 0) {
    return { status: 'partial', confidence: 0.7, reason: 'Mentionné seulement comme contexte national', basis: body };
  }
  const n = local.length;
  const inList = local.every((m) => input.blocks[m.block]!.type === 'listItem');
  const reason =
    n === 1
      ? `Mentionné une fois${inList ? ', dans une liste' : ''}, sans section dédiée`
      : `Mentionné ${n} fois (${blockCount(local)} passages), sans section dédiée`;
  return { status: 'partial', confidence: 0.65, reason, basis: local };
}

/** A body that must sign: only the signature block counts. */
export function evaluateSignataire(input: CheckInput, _r: Requirement, ms: Mention[]): Verdict {
  const alive = ms.filter(live);
  const signing = alive.filter((m) => m.signature && !m.consult);
  if (signing.length > 0) {
    return {
      status: 'covered',
      confidence: 0.9,
      reason: `Signataire : « ${quote(input, signing[0]!)} »${formerNameNote(signing)}`,
      basis: signing,
    };
  }
  const consulted = alive.filter((m) => m.consult);
  if (consulted.length > 0 && alive.every((m) => m.consult || m.national)) {
    return { status: 'partial', confidence: 0.75, reason: `Seulement consulté ou informé, pas signataire : « ${quote(input, consulted[0]!)} »`, basis: consulted };
  }
  if (alive.length > 0) {
    const where = input.layout.hasSignatureBlock ? 'absent du bloc des signatures' : 'aucun bloc de signatures trouvé';
    return {
      status: 'partial',
      confidence: 0.75,
      reason: `Cité ${alive.length} fois dans le texte, mais ${where}${formerNameNote(alive)}`,
      basis: alive,
    };
  }
  return absent(input, ms, input.layout.hasSignatureBlock ? 'Absent du bloc des signatures' : 'Aucun bloc de signatures trouvé');
}

/** A partner to involve: named as a member, a partner, a signatory or with a commitment. */
export function evaluatePartenaire(input: CheckInput, _r: Requirement, all: Mention[]): Verdict {
  const { rest: ms, empty } = withoutEmptyTitles(input, all);
  if (empty) return empty;
  const alive = ms.filter(live);
  const signing = alive.filter((m) => m.signature && !m.consult);
  if (signing.length > 0) {
    return { status: 'covered', confidence: 0.9, reason: `Signataire du contrat : « ${quote(input, signing[0]!)} »`, basis: signing };
  }
  const engaged = alive.filter((m) => !m.consult && !m.national && !m.hedge);
  const strong = engaged.filter((m) => m.involve || m.heading);
  if (strong.length > 0 || blockCount(engaged) >= 2) {
    const basis = strong.length > 0 ? strongestFirst(strong, engaged) : engaged;
    return { status: 'covered', confidence: strong.length > 0 ? 0.85 : 0.7, reason: `Associé : « ${quote(input, basis[0]!)} »`, basis };
  }
  const consulted = alive.filter((m) => m.consult);
  if (consulted.length > 0) {
    return { status: 'partial', confidence: 0.75, reason: `Seulement consulté ou informé : « ${quote(input, consulted[0]!)} »`, basis: consulted };
  }
  const hedged = alive.filter((m) => m.hedge && !m.national);
  if (hedged.length > 0 && engaged.length === 0) {
    return { status: 'partial', confidence: 0.7, reason: `Association seulement envisagée : « ${quote(input, hedged[0]!)} »`, basis: hedged };
  }
  return mentionsOnly(input, alive, ms, 'Partenaire non cité');
}

/** A national commitment to decline locally. */
export function evaluateAction(input: CheckInput, _r: Requirement, all: Mention[]): Verdict {
  const { rest: ms, empty } = withoutEmptyTitles(input, all);
  if (empty) return empty;
  const alive = ms.filter(live);
  const local = alive.filter((m) => !m.national);
  const firm = local.filter((m) => !m.hedge && !m.consult);
  const declined = firm.filter((m) => m.commit || m.heading || m.label);
  if (declined.length > 0 || blockCount(firm) >= 2) {
    const basis = declined.length > 0 ? strongestFirst(declined, local) : firm;
    return { status: 'covered', confidence: declined.length > 0 ? 0.8 : 0.7, reason: `Décliné localement : « ${quote(input, basis[0]!)} »`, basis };
  }
  const hedged = local.filter((m) => m.hedge || m.consult);
  if (hedged.length > 0 && firm.length === 0) {
    return { status: 'partial', confidence: 0.7, reason: `Seulement envisagé, sans engagement ferme : « ${quote(input, hedged[0]!)} »`, basis: hedged };
  }
  return mentionsOnly(input, alive, ms, 'Non décliné dans le contrat');
}

/** A clause or an annex (`presence: mention`): a firm local statement is enough, no section is needed. */
function evaluateClause(input: CheckInput, r: Requirement, ms: Mention[]): Verdict {
  const verdict = evaluateAction(input, r, ms);
  if (verdict.status === 'covered') return { ...verdict, reason: verdict.reason.replace('Décliné localement', 'Présent') };
  if (verdict.reason === 'Non décliné dans le contrat') return { ...verdict, reason: 'Absent du contrat' };
  return verdict;
}

const YEAR = /^(19|20)\d{2}$/;

/** A national figure: the evidence is a local figure attached to the same dispositif. */
export function evaluateCible(input: CheckInput, r: Requirement, ms: Mention[]): Verdict {
  const target = r.target;
  const alive = ms.filter(live);
  const local = alive.filter((m) => !m.national);
  const national = target ? `${target.value} ${target.unit}` : '';
  for (const m of local) {
    const figure = figuresIn(input.analyses[m.block]!.text, m.sentence).find((f) => !YEAR.test(String(f.value)) && (!target || f.unit === target.unit || target.unit !== '%'));
    if (!figure) continue;
    const below = target ? (target.direction === 'min' ? figure.value < target.value : figure.value > target.value) : false;
    const unit = figure.unit === '%' ? ' %' : ` ${figure.unit}`;
    return {
      status: 'covered',
      confidence: 0.75,
      reason: `Objectif local : ${figure.value}${unit}${target ? ` (objectif national : ${national}${below ? ' — le chiffre local est en deçà' : ''})` : ''}`,
      basis: [m, ...local.filter((x) => x !== m)],
      ...(target ? { figure: { national: target.value, local: figure.value, unit: target.unit, belowNational: below } } : {}),
    };
  }
  const figure = target ? { figure: { national: target.value, unit: target.unit } } : {};
  if (local.length > 0) {
    return { status: 'partial', confidence: 0.7, reason: `Dispositif cité sans chiffre local${target ? ` (objectif national : ${national})` : ''}`, basis: local, ...figure };
  }
  const verdict = mentionsOnly(input, alive, ms, `Dispositif absent${target ? ` (objectif national : ${national})` : ''}`);
  return { ...verdict, ...figure };
}
