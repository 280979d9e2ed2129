import { stem, tokenize } from '../check/text';
import type { Kind, Level, Referentiel, Requirement } from './schema';

/**
 * Full-text search over a référentiel pack, for the référentiel browser: accent- and case-insensitive,
 * plural- and inflection-tolerant (the checker's French stemming), acronyms and former names found both ways
 * (« Pôle emploi » finds France Travail and « France Travail » finds Pôle emploi), ranked.
 */

export interface SearchHit {
  requirement: Requirement;
  score: number;
  /** The words/phrases of the requirement that matched (its vocabulary, title or id), as written in the pack. */
  matched: string[];
}

export interface SearchFilters {
  kind?: Kind;
  level?: Level;
  convention?: string;
  axis?: string;
}

/** One piece of searchable text of a requirement, with its weight in the ranking. */
interface Field {
  text: string;
  stems: string[];
  /** Normalised word forms, for prefix matching of the word being typed. */
  norms: string[];
  weight: number;
}

interface IndexedRequirement {
  requirement: Requirement;
  fields: Field[];
}

interface PackIndex {
  entries: IndexedRequirement[];
  /** Former name ↔ current name pairs of the whole pack, as stem sequences, both directions. */
  synonyms: Array<[string[], string[]]>;
}

/** Weights: the id and the title say most about a requirement, then its vocabulary, then its long source text. */
const WEIGHT = { id: 8, title: 5, acronym: 4, phrase: 3, formerName: 3, heading: 2, theme: 1, convention: 1, axis: 1, source: 1 };

const indexes = new WeakMap<Referentiel, PackIndex>();

function words(text: string): { stems: string[]; norms: string[] } {
  const tokens = tokenize(text).filter((t) => !t.w.stop);
  return { stems: tokens.map((t) => stem(t.w.norm)), norms: tokens.map((t) => t.w.norm) };
}

function field(text: string, weight: number): Field {
  return { text, weight, ...words(text) };
}

function indexPack(pack: Referentiel): PackIndex {
  const known = indexes.get(pack);
  if (known) return known;
  const conventions = new Map(pack.conventions.map((c) => [c.id, c]));
  const axes = new Map(pack.axes.map((a) => [a.id, a.label]));
  const synonyms: Array<[string[], string[]]> = [];
  const entries = pack.requirements.map((r) => {
    const e = r.evidence;
    const fields: Field[] = [field(r.id, WEIGHT.id), field(r.title, WEIGHT.title)];
    for (const a of e.acronyms) fields.push(field(a, WEIGHT.acronym));
    for (const p of e.phrases) fields.push(field(p, WEIGHT.phrase));
    for (const f of e.formerNames) {
      fields.push(field(f.term, WEIGHT.formerName), field(f.current, WEIGHT.formerName));
      const term = words(f.term).stems;
      const current = words(f.current).stems;
      if (term.length > 0 && current.length > 0) synonyms.push([term, current], [current, term]);
    }
    for (const a of e.ambiguous) fields.push(field(a.term, WEIGHT.acronym));
    for (const h of e.headings) fields.push(field(h, WEIGHT.heading));
    for (const t of e.themes) fields.push(field(t, WEIGHT.theme));
    const convention = r.convention ? conventions.get(r.convention) : undefined;
    if (convention) fields.push(field(`${convention.id} ${convention.ministry}`, WEIGHT.convention));
    const axis = axes.get(r.axis);
    if (axis) fields.push(field(axis, WEIGHT.axis));
    fields.push(field(r.source, WEIGHT.source));
    return { requirement: r, fields };
  });
  const index = { entries, synonyms };
  indexes.set(pack, index);
  return index;
}

/** Where `needle` occurs as a contiguous run in `hay`, or -1. */
function indexOfRun(hay: string[], needle: string[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

interface Variant {
  words: string[];
  /** For a variant, the substituted name: it must be found as a whole, not as words scattered over the fields. */
  name?: string[];
}

/** The query and its variants with a former name replaced by the current one, or the other way round. */
function variants(query: string[], synonyms: Array<[string[], string[]]>): Variant[] {
  const out: Variant[] = [{ words: query }];
  const seen = new Set([query.join(' ')]);
  for (const [from, to] of synonyms) {
    const at = indexOfRun(query, from);
    if (at < 0) continue;
    const words = [...query.slice(0, at), ...to, ...query.slice(at + from.length)];
    const key = words.join(' ');
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ words, name: to });
    }
  }
  return out;
}

/** Does query word `i` match word `j` of the field? The last query word also matches as a prefix (typing). */
function wordMatches(f: Field, j: number, q: string, qNorm: string | undefined): boolean {
  return f.stems[j] === q || (qNorm !== undefined && f.norms[j]!.startsWith(qNorm));
}

/** Scores one requirement for one variant of the query; 0 when some query word is found nowhere. */
function scoreVariant(entry: IndexedRequirement, variant: Variant, lastNorm: string | undefined, matched: Set<string>): number {
  const query = variant.words;
  const name = variant.name;
  if (name && !entry.fields.some((f) => indexOfRun(f.stems, name) >= 0)) return 0;
  const found = new Array<boolean>(query.length).fill(false);
  let score = 0;
  for (const f of entry.fields) {
    if (f.stems.length === 0) continue;
    if (query.length > 1 && indexOfRun(f.stems, query) >= 0) {
      // The whole query as a phrase: worth more than its words scattered, more still when it is the whole field.
      score += f.weight * (f.stems.length === query.length ? 4 : 2) * query.length;
      found.fill(true);
      matched.add(f.text);
      continue;
    }
    let hits = 0;
    query.forEach((q, i) => {
      const prefix = i === query.length - 1 ? lastNorm : undefined;
      for (let j = 0; j < f.stems.length; j++) {
        if (!wordMatches(f, j, q, prefix)) continue;
        found[i] = true;
        hits++;
        break;
      }
    });
    if (hits > 0) {
      score += f.weight * hits * (hits === f.stems.length ? 2 : 1);
      if (f.weight > WEIGHT.source || hits === query.length) matched.add(f.text);
    }
  }
  return found.every(Boolean) ? score : 0;
}

function passes(r: Requirement, filters: SearchFilters | undefined): boolean {
  if (!filters) return true;
  return (
    (filters.kind === undefined || r.kind === filters.kind) &&
    (filters.level === undefined || r.level === filters.level) &&
    (filters.convention === undefined || r.convention === filters.convention) &&
    (filters.axis === undefined || r.axis === filters.axis)
  );
}

/**
 * Accent- and case-insensitive full-text search over id, title, source, evidence vocabulary (phrases, acronyms,
 * formerNames both ways, themes), convention name; « Pôle emploi » finds France Travail and vice versa; ranked.
 * Every word of the query must be found (in any field); a whole-phrase match ranks higher. An empty query
 * lists the requirements that pass the filters, in pack order, with score 0.
 */
export function searchRequirements(pack: Referentiel, query: string, filters?: SearchFilters): SearchHit[] {
  const index = indexPack(pack);
  const tokens = tokenize(query).filter((t) => !t.w.stop);
  const candidates = index.entries.filter((e) => passes(e.requirement, filters));
  if (tokens.length === 0) return candidates.map((e) => ({ requirement: e.requirement, score: 0, matched: [] }));
  const stems = tokens.map((t) => stem(t.w.norm));
  const last = tokens[tokens.length - 1]!.w.norm;
  // The word being typed matches as a prefix once it has three letters and the query does not end with a space.
  const lastNorm = last.length >= 3 && !/\s$/.test(query) ? last : undefined;
  const queries = variants(stems, index.synonyms);
  const hits: SearchHit[] = [];
  for (const entry of candidates) {
    const matched = new Set<string>();
    let score = 0;
    queries.forEach((q, i) => {
      // Variants keep their replaced words' prefix only when the typed word survived the replacement.
      const prefix = i === 0 || q.words[q.words.length - 1] === stems[stems.length - 1] ? lastNorm : undefined;
      const local = new Set<string>();
      const s = scoreVariant(entry, q, prefix, local);
      if (s === 0) return;
      score = Math.max(score, s);
      for (const m of local) matched.add(m);
    });
    if (score > 0) hits.push({ requirement: entry.requirement, score, matched: [...matched] });
  }
  const order = new Map(pack.requirements.map((r, i) => [r, i]));
  return hits.sort((a, b) => b.score - a.score || order.get(a.requirement)! - order.get(b.requirement)!);
}
