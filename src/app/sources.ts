import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NewProjectMetaSchema, type NewProjectMeta } from '../api/contract';
import type { NewSection } from '../project';
import { parsePack, type Referentiel } from '../referential';
import { buildSkeleton, parseTemplate, sectionsFromMarkdown, type Template } from '../template';

/**
 * Where new contracts come from: the templates and the référentiel packs shipped with the app (parsed and
 * validated on load, then kept), and the demo contract. Every failure is a French sentence.
 *
 * Which template a contract follows is data: each `templatesDir/*.json` names its `referentiel`, and a contract
 * checked against a pack follows the template made for that pack (a new generation needs no code change).
 */

/** The default template: what `template()` gives when no pack is named (the 2015 generation). */
export const TEMPLATE_FILE_NAME = 'contrat-de-ville-2015.json';
export const DEMO_MARKDOWN = join('demo', 'contrat-demo.md');
export const DEMO_FILE_NAME = 'Contrat de démonstration.pilier';

type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** The demo contract's metadata (a fictitious territory), beside its text: data, validated on load. */
export const DEMO_META_FILE = join('demo', 'contrat-demo.meta.json');

export interface ContractSources {
  /** The sections of a new contract for `meta`, from the template and the pack `meta.referentiel` names. */
  skeleton(meta: NewProjectMeta): Result<NewSection[]>;
  /** The demo contract's metadata and sections. */
  demo(): Result<{ meta: NewProjectMeta; sections: NewSection[] }>;
  /**
   * The contract template made for the pack `packId` (what an export prints as guidance and which requirements
   * each section serves); without `packId`, the default one (`TEMPLATE_FILE_NAME`).
   */
  template(packId?: string): Result<Template>;
  /** Every valid template of `templatesDir/*.json`, in file-name order. */
  templates(): Result<Template[]>;
  /** The référentiel pack with this id and version. */
  pack(id: string, version: string): Result<Referentiel>;
  /** Every valid pack of `seedsDir/referentiel-*.json`, by id then version (the newest version last). */
  packs(): Result<Referentiel[]>;
}

function readText(path: string, what: string): Result<string> {
  try {
    return { ok: true, value: readFileSync(path, 'utf8') };
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'erreur inconnue';
    return { ok: false, error: `${what} est introuvable ou illisible (${code}) : réinstallez Pilier.` };
  }
}

/**
 * Reads and validates every file of `dir` whose name matches, in name order: the valid ones, and the problem of the
 * first invalid one (the others still count). A file that cannot be read at all stops the scan.
 */
function scanFolder<T>(dir: string, pattern: RegExp, what: string, parse: (text: string, name: string) => Result<T>): Result<{ items: T[]; problem?: string }> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => pattern.test(name)).sort();
  } catch {
    names = [];
  }
  const items: T[] = [];
  let problem: string | undefined;
  for (const name of names) {
    const text = readText(join(dir, name), `${what} ${name}`);
    if (!text.ok) return text;
    const parsed = parse(text.value, name);
    if (parsed.ok) items.push(parsed.value);
    else problem ??= parsed.error;
  }
  return { ok: true, value: problem === undefined ? { items } : { items, problem } };
}

/** « 1.10.0 » after « 1.9.2 »: a positive number when `a` is the newer version. */
function compareVersions(a: string, b: string): number {
  return a.split('.').map(Number).reduce((d, n, i) => d || n - Number(b.split('.')[i] ?? 0), 0);
}

export function contractSources(seedsDir: string, templatesDir: string): ContractSources {
  let defaultTemplate: Template | undefined;
  const packs = new Map<string, Referentiel>();

  /** The default template, read by its name so that a missing or broken file says so precisely. */
  function loadDefaultTemplate(): Result<Template> {
    if (defaultTemplate) return { ok: true, value: defaultTemplate };
    const text = readText(join(templatesDir, TEMPLATE_FILE_NAME), `Le modèle de contrat ${TEMPLATE_FILE_NAME}`);
    if (!text.ok) return text;
    const parsed = parseTemplate(text.value, TEMPLATE_FILE_NAME);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    defaultTemplate = parsed.template;
    return { ok: true, value: defaultTemplate };
  }

  let templates: Template[] | undefined;
  let templateProblem: string | undefined;

  /** Reads and validates every `templatesDir/*.json` once; the first invalid one is remembered. */
  function scanTemplates(): Result<Template[]> {
    if (templates) return { ok: true, value: templates };
    const scan = scanFolder(templatesDir, /\.json$/, 'Le modèle de contrat', (text, name) => {
      const parsed = parseTemplate(text, name);
      return parsed.ok ? { ok: true, value: parsed.template } : parsed;
    });
    if (!scan.ok) return scan;
    templateProblem = scan.value.problem;
    templates = scan.value.items;
    return { ok: true, value: templates };
  }

  function loadTemplate(packId?: string): Result<Template> {
    if (packId === undefined) return loadDefaultTemplate();
    const scan = scanTemplates();
    if (!scan.ok) return scan;
    // Two templates for one pack: the newer version wins.
    const made = scan.value.filter((t) => t.referentiel === packId).sort((a, b) => compareVersions(b.version, a.version));
    if (made[0]) return { ok: true, value: made[0] };
    return {
      ok: false,
      error:
        templateProblem ??
        `Aucun modèle de contrat n’est prévu pour le référentiel « ${packId} » dans cette installation de Pilier : choisissez un autre référentiel ou mettez Pilier à jour.`,
    };
  }

  let scanned = false;
  let scanProblem: string | undefined;

  /** Reads and validates every `seedsDir/referentiel-*.json` once; the first invalid one is remembered. */
  function scanPacks(): Result<null> {
    if (scanned) return { ok: true, value: null };
    const scan = scanFolder(seedsDir, /^referentiel-.*\.json$/, 'Le référentiel', (text, name) => {
      const parsed = parsePack(text, name);
      return parsed.ok ? { ok: true, value: parsed.pack } : parsed;
    });
    if (!scan.ok) return scan;
    scanProblem = scan.value.problem;
    for (const pack of scan.value.items) packs.set(`${pack.id}@${pack.version}`, pack);
    scanned = true;
    return { ok: true, value: null };
  }

  /** Finds the pack by id and version among `seedsDir/referentiel-*.json`, each validated on load. */
  function loadPack(id: string, version: string): Result<Referentiel> {
    const known = packs.get(`${id}@${version}`);
    if (known) return { ok: true, value: known };
    const scan = scanPacks();
    if (!scan.ok) return scan;
    const found = packs.get(`${id}@${version}`);
    if (found) return { ok: true, value: found };
    return {
      ok: false,
      error: scanProblem ?? `Le référentiel « ${id} » (version ${version}) n’est pas disponible dans cette installation de Pilier : choisissez-en un autre ou mettez Pilier à jour.`,
    };
  }

  function listPacks(): Result<Referentiel[]> {
    const scan = scanPacks();
    if (!scan.ok) return scan;
    if (packs.size === 0) return { ok: false, error: scanProblem ?? 'Aucun référentiel n’est installé avec Pilier : réinstallez Pilier.' };
    return { ok: true, value: [...packs.values()].sort((a, b) => (a.id === b.id ? compareVersions(a.version, b.version) : a.id < b.id ? -1 : 1)) };
  }

  return {
    template: loadTemplate,
    templates() {
      const scan = scanTemplates();
      if (!scan.ok) return scan;
      if (scan.value.length === 0) return { ok: false, error: templateProblem ?? 'Aucun modèle de contrat n’est installé avec Pilier : réinstallez Pilier.' };
      return scan;
    },
    pack: loadPack,
    packs: listPacks,
    skeleton(meta) {
      const pack = loadPack(meta.referentiel.id, meta.referentiel.version);
      if (!pack.ok) return pack;
      const loaded = loadTemplate(meta.referentiel.id);
      if (!loaded.ok) return loaded;
      return { ok: true, value: buildSkeleton(loaded.value, pack.value, meta) };
    },
    demo() {
      const text = readText(join(seedsDir, DEMO_MARKDOWN), 'Le contrat de démonstration');
      if (!text.ok) return text;
      const metaText = readText(join(seedsDir, DEMO_META_FILE), 'La description du contrat de démonstration');
      if (!metaText.ok) return metaText;
      let meta: NewProjectMeta;
      try {
        meta = NewProjectMetaSchema.parse(JSON.parse(metaText.value));
      } catch {
        return { ok: false, error: 'La description du contrat de démonstration est invalide : réinstallez Pilier.' };
      }
      const sections = sectionsFromMarkdown(text.value);
      if (sections.length === 0) return { ok: false, error: 'Le contrat de démonstration est vide : réinstallez Pilier.' };
      return { ok: true, value: { meta, sections } };
    },
  };
}
