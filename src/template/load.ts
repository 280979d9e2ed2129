import { firstIssue } from '../referential/load';
import type { Referentiel } from '../referential/schema';
import { TEMPLATE_SCHEMA_VERSION, TemplateSchema, type Template, type TemplateSection } from './schema';

export type TemplateResult = { ok: true; template: Template } | { ok: false; error: string };

/** Deepest sub-section level: sections (title), then `h2`, then `h3`. */
const MAX_DEPTH = 3;

/** Every section and sub-section, depth first, with its depth (1 = top-level section). */
export function walkSections(sections: TemplateSection[], depth = 1): { section: TemplateSection; depth: number }[] {
  return sections.flatMap((section) => [{ section, depth }, ...walkSections(section.children ?? [], depth + 1)]);
}

function crossCheck(template: Template): string | undefined {
  const ids = new Set<string>();
  let tables = 0;
  for (const { section, depth } of walkSections(template.sections)) {
    if (ids.has(section.id)) return `l'identifiant de section « ${section.id} » est utilisé deux fois`;
    ids.add(section.id);
    if (depth > MAX_DEPTH) return `section « ${section.id} » : trop profonde (trois niveaux au plus : section, sous-section, sous-sous-section)`;
    if (section.signatureTable) {
      tables++;
      if (depth !== 1) return `section « ${section.id} » : le tableau des signatures doit être une section de premier niveau`;
    }
  }
  if (tables > 1) return 'un seul tableau des signatures est permis';
  if (template.signatories.length > 0 && tables === 0) return 'des signataires sont définis mais aucune section ne porte le tableau des signatures (signatureTable)';
  return undefined;
}

/**
 * Parses and validates a contract template. Every failure names the file and the field, in French.
 * Beyond the schema: unique section ids, at most three levels, one signature table.
 */
export function parseTemplate(text: string, fileName: string): TemplateResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `Le modèle ${fileName} n'est pas du JSON valide (${(e as Error).message}).` };
  }
  return validateTemplate(data, fileName);
}

/** Validates an already-parsed template (e.g. one bundled with the app). */
export function validateTemplate(data: unknown, fileName: string): TemplateResult {
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > TEMPLATE_SCHEMA_VERSION) {
    return {
      ok: false,
      error: `Le modèle ${fileName} a été écrit par une version plus récente de Pilier (schemaVersion ${version}) : mettez Pilier à jour.`,
    };
  }
  const parsed = TemplateSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: `Le modèle ${fileName} est invalide : ${firstIssue(parsed.error, data)}.` };
  const problem = crossCheck(parsed.data);
  if (problem) return { ok: false, error: `Le modèle ${fileName} est invalide : ${problem}.` };
  return { ok: true, template: parsed.data };
}

/**
 * What a template and a référentiel disagree on, in French (empty when they fit): requirement ids the pack does
 * not know, signature rows for requirements that are not signataires, and `obligatoire` or `attendu`
 * requirements no section serves.
 */
export function templateProblems(template: Template, pack: Referentiel): string[] {
  const byId = new Map(pack.requirements.map((r) => [r.id, r]));
  const problems: string[] = [];
  const served = new Set<string>();
  if (template.referentiel !== pack.id) {
    problems.push(`le modèle « ${template.id} » est prévu pour le référentiel « ${template.referentiel} », pas « ${pack.id} »`);
  }
  for (const { section } of walkSections(template.sections)) {
    for (const id of section.requirements) {
      if (!byId.has(id)) problems.push(`section « ${section.id} » : exigence « ${id} » inconnue du référentiel`);
      served.add(id);
    }
  }
  for (const s of template.signatories) {
    const r = byId.get(s.requirement);
    if (!r) problems.push(`signataire « ${s.institution} » : exigence « ${s.requirement} » inconnue du référentiel`);
    else if (r.kind !== 'signataire') problems.push(`signataire « ${s.institution} » : l'exigence « ${s.requirement} » n'est pas un signataire`);
  }
  for (const r of pack.requirements) {
    if (r.level !== 'recommandé' && !served.has(r.id)) problems.push(`exigence ${r.level} « ${r.id} » servie par aucune section`);
  }
  return problems;
}

/** The section (or sub-section) that serves a requirement first, with the ids from its top-level section down. */
export function sectionForRequirement(template: Template, requirementId: string): { section: TemplateSection; path: string[] } | undefined {
  const find = (sections: TemplateSection[], above: string[]): { section: TemplateSection; path: string[] } | undefined => {
    for (const s of sections) {
      const path = [...above, s.id];
      const below = find(s.children ?? [], path);
      if (below) return below;
      if (s.requirements.includes(requirementId)) return { section: s, path };
    }
    return undefined;
  };
  return find(template.sections, []);
}

/**
 * The période a template is written for, read from its title (« Contrat de ville 2024-2030 … »): the default of a
 * new contract made on it. None when the title names no span of years.
 */
export function templatePeriode(title: string): { debut: string; fin: string } | undefined {
  const years = /\b(\d{4})\s*[-–]\s*(\d{4})\b/.exec(title);
  return years ? { debut: years[1]!, fin: years[2]! } : undefined;
}

/** The first span of years a text names (« 2015-2020 », « 2024 – 2030 », « 2024 à 2030 »), or undefined. */
export function periodeIn(text: string | undefined): { debut: string; fin: string } | undefined {
  const years = text ? /\b((?:19|20)\d{2})\s*[-–à]+\s*((?:19|20)\d{2})\b/.exec(text) : null;
  return years && years[2]! >= years[1]! ? { debut: years[1]!, fin: years[2]! } : undefined;
}

/**
 * The template a contract of période `debut` was written on: among the templates whose title names their years,
 * the one that starts latest but not after `debut` (a 2015-2020 contract prolonged to 2023 still belongs to the 2015
 * generation; a 2024-2030 one to the next). `undefined` when the year is unknown or precedes every template.
 */
export function templateForYear(templates: readonly Template[], debut: string | undefined): Template | undefined {
  const year = debut ? Number(debut.slice(0, 4)) : NaN;
  if (!Number.isFinite(year)) return undefined;
  let best: { template: Template; start: number } | undefined;
  for (const template of templates) {
    const start = Number(templatePeriode(template.title)?.debut ?? NaN);
    if (Number.isFinite(start) && start <= year && (!best || start > best.start)) best = { template, start };
  }
  return best?.template;
}

export type { Template, TemplateSection } from './schema';
