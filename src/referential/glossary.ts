import { z } from 'zod';
import { firstIssue } from './load';

/**
 * The glossary of the acronyms of politique de la ville (`seeds/glossaire.json`): what trainers and the
 * référentiel browser show beside the requirements. Data, validated on load (design.md §3 rule 5).
 */

export const GLOSSARY_SCHEMA_VERSION = 1;

const nonEmpty = z.string().trim().min(1);

export const GlossaryEntrySchema = z
  .object({
    /** As usually written (« QPV », « REP+ », « ACSé »). */
    acronym: nonEmpty,
    /** The words the acronym stands for. */
    expansion: nonEmpty,
    /** One line: what it is and why it matters for a contrat de ville. */
    definition: nonEmpty,
    /** The former or later name (« remplacé par la DREETS / DDETS en 2021 »). */
    formerOrLater: nonEmpty.optional(),
    /** The text that creates or defines it (« Loi n° 2014-173, art. 7 »). */
    source: nonEmpty.optional(),
  })
  .strict();

export const GlossarySchema = z
  .object({
    schemaVersion: z.literal(GLOSSARY_SCHEMA_VERSION),
    title: nonEmpty.optional(),
    entries: z.array(GlossaryEntrySchema).min(1),
  })
  .strict();

export type GlossaryEntry = z.infer<typeof GlossaryEntrySchema>;

/** The key two acronyms are compared on: « REP+ » and « rep+ » are one; « ACSé » and « ACSE » too. */
export function acronymKey(acronym: string): string {
  return acronym
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[.\s]/g, '')
    .toUpperCase();
}

/**
 * Parses and validates the glossary; every failure names the file and the field, in French. Entries come back
 * sorted alphabetically by acronym (French collation), each acronym once.
 */
export function parseGlossary(text: string, fileName: string): { ok: true; entries: GlossaryEntry[] } | { ok: false; error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `Le glossaire ${fileName} n’est pas du JSON valide (${(e as Error).message}).` };
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > GLOSSARY_SCHEMA_VERSION) {
    return {
      ok: false,
      error: `Le glossaire ${fileName} a été écrit par une version plus récente de Pilier (schemaVersion ${version}) : mettez Pilier à jour.`,
    };
  }
  const parsed = GlossarySchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: `Le glossaire ${fileName} est invalide : ${firstIssue(parsed.error, data)}.` };
  const seen = new Set<string>();
  for (const entry of parsed.data.entries) {
    const key = acronymKey(entry.acronym);
    if (seen.has(key)) return { ok: false, error: `Le glossaire ${fileName} est invalide : le sigle « ${entry.acronym} » est défini deux fois.` };
    seen.add(key);
  }
  const collator = new Intl.Collator('fr', { sensitivity: 'base' });
  return { ok: true, entries: [...parsed.data.entries].sort((a, b) => collator.compare(a.acronym, b.acronym)) };
}

/** Entries whose acronym, expansion, definition or former name contains the query (accents and case ignored). */
export function searchGlossary(entries: readonly GlossaryEntry[], query: string): GlossaryEntry[] {
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const q = fold(query.trim());
  if (!q) return [...entries];
  const exact = entries.filter((e) => fold(e.acronym) === q);
  const rest = entries.filter((e) => fold(e.acronym) !== q && [e.acronym, e.expansion, e.definition, e.formerOrLater ?? ''].some((s) => fold(s).includes(q)));
  return [...exact, ...rest];
}
