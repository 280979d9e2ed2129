import type { Referentiel, Requirement } from './schema';

/**
 * What changes between two référentiel packs (e.g. Annexe 1 of 2014 → Engagements Quartiers 2030), for the
 * comparison view and for a project that switches packs.
 */

export interface PackChange {
  /** The requirement's id in the newer pack. */
  id: string;
  title: string;
  /** Which fields differ: `id` (renamed), `title`, `kind`, `level`, `source`, `target`. */
  fields: string[];
  /** The id in the older pack, when the requirement was matched by its title under another id. */
  fromId?: string;
}

export interface PackComparison {
  added: Requirement[];
  removed: Requirement[];
  changed: PackChange[];
  unchanged: number;
}

/** The fields a comparison looks at, in the order they are reported. */
export const COMPARED_FIELDS = ['title', 'kind', 'level', 'source', 'target'] as const;

/** A title as compared across packs: case, accents, apostrophes, quotes and spacing do not count. */
export function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/[’'«»"“”]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Stable JSON of a value (object keys sorted), so two targets written in another key order compare equal. */
function stable(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function differences(from: Requirement, to: Requirement): string[] {
  const fields: string[] = [];
  if (from.id !== to.id) fields.push('id');
  for (const name of COMPARED_FIELDS) {
    const a = name === 'target' ? stable(from.target) : from[name];
    const b = name === 'target' ? stable(to.target) : to[name];
    if (a !== b) fields.push(name);
  }
  return fields;
}

/**
 * Requirements matched by id, then by normalised title for renamed ids; fields compared: title, kind, level,
 * source, target. Added and removed keep their pack order; changed follow the newer pack's order.
 */
export function comparePacks(from: Referentiel, to: Referentiel): PackComparison {
  const fromById = new Map(from.requirements.map((r) => [r.id, r]));
  const toIds = new Set(to.requirements.map((r) => r.id));
  // Older requirements whose id is gone are candidates for a match by title (first one of each title wins).
  const orphansByTitle = new Map<string, Requirement>();
  for (const r of from.requirements) {
    const key = normalizeTitle(r.title);
    if (!toIds.has(r.id) && !orphansByTitle.has(key)) orphansByTitle.set(key, r);
  }
  const matchedFrom = new Set<string>();
  const added: Requirement[] = [];
  const changed: PackChange[] = [];
  let unchanged = 0;
  for (const r of to.requirements) {
    let old = fromById.get(r.id);
    if (!old) {
      const key = normalizeTitle(r.title);
      const candidate = orphansByTitle.get(key);
      if (candidate && !matchedFrom.has(candidate.id)) old = candidate;
    }
    if (!old) {
      added.push(r);
      continue;
    }
    matchedFrom.add(old.id);
    const fields = differences(old, r);
    if (fields.length === 0) unchanged++;
    else changed.push(old.id === r.id ? { id: r.id, title: r.title, fields } : { id: r.id, title: r.title, fields, fromId: old.id });
  }
  const removed = from.requirements.filter((r) => !matchedFrom.has(r.id));
  return { added, removed, changed, unchanged };
}
