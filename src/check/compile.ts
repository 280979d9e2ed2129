import type { Referentiel, Requirement } from '../referential/schema';
import { normalizeWord, phraseStems, stem } from './text';

/**
 * A pack compiled for matching: every phrase of every requirement reduced to stems and indexed by its
 * first stem, acronyms indexed by their capitalised form. Built once per pack and cached.
 */

export type Role = 'term' | 'heading' | 'theme';

export interface PhraseRef {
  req: number;
  role: Role;
  /** For ambiguous terms: phrases (as stems) of which one must occur in the block, its table row or headings. */
  requireAny?: string[][];
  /** For a former name: the current name to show. */
  current?: string;
}

export interface Phrase {
  label: string;
  stems: string[];
  acronym?: string;
  refs: PhraseRef[];
}

/**
 * A node of the phrase trie: the phrases whose stems lead here. Matching walks the trie word by word instead of
 * trying every phrase that shares a first stem (up to 29 of them: « politique de la ville… »).
 */
export interface StemNode {
  /** Ids of the phrases that end at this node, ascending. */
  ends: number[];
  next: Map<string, StemNode> | undefined;
}

export interface CompiledPack {
  pack: Referentiel;
  phrases: Phrase[];
  /** The phrase trie, by first stem. */
  byFirstStem: Map<string, StemNode>;
  /** First three letters of every first stem, to skip stemming words that cannot start a phrase. */
  prefixes: Set<string>;
  /** First stems shorter than three letters. */
  shortStems: Set<string>;
  acronyms: Map<string, number[]>;
}

const ACRONYM = /^[\p{Lu}\d]{2,}$/u;

function acronymKey(term: string): string | undefined {
  const compact = term.replace(/[.\s+]/g, '');
  return ACRONYM.test(compact) ? normalizeWord(compact).toUpperCase() : undefined;
}

const cache = new WeakMap<Referentiel, CompiledPack>();

export function compilePack(pack: Referentiel): CompiledPack {
  const cached = cache.get(pack);
  if (cached) return cached;
  const compiled: CompiledPack = {
    pack,
    phrases: [],
    byFirstStem: new Map(),
    prefixes: new Set(),
    shortStems: new Set(),
    acronyms: new Map(),
  };
  const byKey = new Map<string, number>();

  const add = (label: string, ref: PhraseRef, forceAcronym = false): void => {
    const acronym = acronymKey(label) ?? (forceAcronym ? label.toUpperCase() : undefined);
    const stems = acronym ? [] : phraseStems(label);
    if (!acronym && stems.length === 0) return;
    const key = acronym ? `A:${acronym}` : `P:${stems.join(' ')}`;
    let id = byKey.get(key);
    if (id === undefined) {
      id = compiled.phrases.length;
      byKey.set(key, id);
      compiled.phrases.push({ label, stems, ...(acronym ? { acronym } : {}), refs: [] });
      if (acronym) {
        const list = compiled.acronyms.get(acronym) ?? [];
        list.push(id);
        compiled.acronyms.set(acronym, list);
      } else {
        const first = stems[0]!;
        let node = compiled.byFirstStem.get(first);
        if (!node) compiled.byFirstStem.set(first, (node = { ends: [], next: undefined }));
        for (let k = 1; k < stems.length; k++) {
          node.next ??= new Map();
          let child = node.next.get(stems[k]!);
          if (!child) node.next.set(stems[k]!, (child = { ends: [], next: undefined }));
          node = child;
        }
        node.ends.push(id);
        if (first.length >= 3) compiled.prefixes.add(first.slice(0, 3));
        else compiled.shortStems.add(first);
      }
    }
    const refs = compiled.phrases[id]!.refs;
    if (!refs.some((r) => r.req === ref.req && r.role === ref.role)) refs.push(ref);
  };

  pack.requirements.forEach((r: Requirement, req) => {
    const e = r.evidence;
    for (const p of e.phrases) add(p, { req, role: 'term' });
    for (const a of e.acronyms) add(a, { req, role: 'term' }, true);
    for (const f of e.formerNames) {
      add(f.term, { req, role: 'term', current: f.current });
      add(f.current, { req, role: 'term' });
    }
    for (const a of e.ambiguous) {
      add(a.term, { req, role: 'term', requireAny: a.requireAny.map(phraseStems).filter((p) => p.length > 0) });
    }
    const headings = e.headings.length > 0 ? e.headings : r.kind === 'volet' ? e.phrases : [];
    for (const h of headings) add(h, { req, role: 'heading' });
    for (const t of e.themes) add(t, { req, role: 'theme' });
  });
  cache.set(pack, compiled);
  return compiled;
}

/** True when a normalised word may start one of the pack's phrases (so it is worth stemming). */
export function mayStartPhrase(compiled: CompiledPack, norm: string): boolean {
  if (norm.length <= 3 && compiled.shortStems.size > 0 && compiled.shortStems.has(stem(norm))) return true;
  return compiled.prefixes.has(norm.slice(0, 3));
}
