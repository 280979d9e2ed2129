import type { z } from 'zod';
import { PACK_SCHEMA_VERSION, PackSchema, type Referentiel } from './schema';

export type PackResult = { ok: true; pack: Referentiel } | { ok: false; error: string };

/** Where a zod issue lies, naming array items by their `id` when they have one (« requirements[3 « JUS-1 »].kind »). */
export function describePath(path: ReadonlyArray<PropertyKey>, data: unknown): string {
  let where = '';
  let node: unknown = data;
  for (const key of path) {
    if (typeof key === 'number') {
      const item = Array.isArray(node) ? (node[key] as unknown) : undefined;
      const id = item && typeof item === 'object' && 'id' in item ? String((item as { id: unknown }).id) : '';
      where += id ? `[${key} « ${id} »]` : `[${key}]`;
      node = item;
    } else {
      where += where ? `.${String(key)}` : String(key);
      node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    }
  }
  return where || '(racine)';
}

/** The first problem of a zod error as « champ <path> : <message> », in French. */
export function firstIssue(error: z.ZodError, data: unknown): string {
  const issue = error.issues[0];
  if (!issue) return 'contenu invalide';
  const field = describePath(issue.path, data);
  return `champ ${field} : ${issue.message}`;
}

/**
 * Parses and validates a référentiel pack. Every failure names the file and the field, in French.
 * Beyond the schema, checks what JSON Schema cannot: unique ids, known parents, conventions and axes.
 */
export function parsePack(text: string, fileName: string): PackResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `Le référentiel ${fileName} n'est pas du JSON valide (${(e as Error).message}).` };
  }
  return validatePack(data, fileName);
}

/** Validates an already-parsed pack (e.g. one bundled with the app). */
export function validatePack(data: unknown, fileName: string): PackResult {
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > PACK_SCHEMA_VERSION) {
    return {
      ok: false,
      error: `Le référentiel ${fileName} a été écrit par une version plus récente de Pilier (schemaVersion ${version}) : mettez Pilier à jour.`,
    };
  }
  const parsed = PackSchema.safeParse(data);
  if (!parsed.success) {
    return { ok: false, error: `Le référentiel ${fileName} est invalide : ${firstIssue(parsed.error, data)}.` };
  }
  const pack = parsed.data;
  const problem = crossCheck(pack);
  if (problem) return { ok: false, error: `Le référentiel ${fileName} est invalide : ${problem}.` };
  return { ok: true, pack };
}

function crossCheck(pack: Referentiel): string | undefined {
  const ids = new Set<string>();
  const conventions = new Set(pack.conventions.map((c) => c.id));
  const axes = new Set(pack.axes.map((a) => a.id));
  for (const r of pack.requirements) {
    if (ids.has(r.id)) return `l'identifiant « ${r.id} » est utilisé deux fois`;
    ids.add(r.id);
    if (r.convention && !conventions.has(r.convention)) {
      return `champ requirements « ${r.id} ».convention : convention « ${r.convention} » inconnue`;
    }
    if (r.origin === 'annexe' && !r.convention) {
      return `champ requirements « ${r.id} ».convention : obligatoire pour un engagement de l'annexe`;
    }
    if (!axes.has(r.axis)) return `champ requirements « ${r.id} ».axis : axe « ${r.axis} » inconnu`;
    const e = r.evidence;
    if (e.phrases.length + e.acronyms.length + e.formerNames.length + e.headings.length === 0) {
      return `champ requirements « ${r.id} ».evidence : aucun mot ne permet de reconnaître cette exigence`;
    }
  }
  for (const r of pack.requirements) {
    if (r.parent && !ids.has(r.parent)) {
      return `champ requirements « ${r.id} ».parent : exigence parente « ${r.parent} » inconnue`;
    }
  }
  return undefined;
}
