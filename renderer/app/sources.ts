import gapsText from '../../seeds/demo/contrat-demo.gaps.json?raw';
import type { GlossaryEntry, Referentiel } from '../../src/referential';
import { parseGlossary, parsePack } from '../../src/referential';
import { parseDemoGaps, type DemoGaps } from '../../src/training/gaps';
import { parseTemplate, type Template } from '../../src/template/load';

/**
 * The référentiels and the contract templates bundled with the renderer. They are parsed and validated once,
 * at start (design.md §3 rule 5): an invalid one stops the app with a French message instead of a wrong
 * checklist. Every `seeds/referentiel-*.json` and every `templates/*.json` is bundled (a new circular's pack and
 * its template need no code change: a template names the pack it is made for); the glossary and the demo's gaps
 * serve the training screens only: they are parsed when those ask, and a problem with them is shown there.
 */
export type Sources =
  | {
      ok: true;
      pack: Referentiel;
      /** The default template (the default pack's). */
      template: Template;
      packs: Referentiel[];
      /** Every bundled template, in file-name order. */
      templates: Template[];
    }
  | { ok: false; error: string };

type Loaded<T> = { ok: true; value: T } | { ok: false; error: string };

/** The pack of a new contract, and the one checked when a project names none the app knows. */
export const DEFAULT_PACK_ID = 'annexe-1-2014';

const PACKS = import.meta.glob<string>('../../seeds/referentiel-*.json', { query: '?raw', import: 'default', eager: true });
const TEMPLATES = import.meta.glob<string>('../../templates/*.json', { query: '?raw', import: 'default', eager: true });
const GLOSSARY = import.meta.glob<string>('../../seeds/glossaire.json', { query: '?raw', import: 'default', eager: true });

let cached: Sources | undefined;
/** The pack the open project is checked against (the checklist, the guidance and the live check read it). */
let activeId = DEFAULT_PACK_ID;

const fileName = (path: string): string => path.split('/').pop() ?? path;

let glossaryCache: Loaded<GlossaryEntry[]> | undefined;
let gapsCache: Loaded<DemoGaps> | undefined;

/** The glossary, parsed the first time the training screens ask (not at start). */
export function glossary(): Loaded<GlossaryEntry[]> {
  if (glossaryCache) return glossaryCache;
  const [path, text] = Object.entries(GLOSSARY)[0] ?? [];
  if (!path || text === undefined) return (glossaryCache = { ok: false, error: 'Le glossaire n’est pas livré avec cette version de Pilier.' });
  const parsed = parseGlossary(text, fileName(path));
  return (glossaryCache = parsed.ok ? { ok: true, value: parsed.entries } : parsed);
}

/** The demo contract's deliberate gaps (the exercise's explanations), parsed the first time they are asked for. */
export function demoGaps(): Loaded<DemoGaps> {
  return (gapsCache ??= parseDemoGaps(gapsText, 'contrat-demo.gaps.json'));
}

/** Parses every bundled file of a glob, in file-name order; the first invalid one stops with its message. */
function parseAll<T>(files: Record<string, string>, parse: (text: string, name: string) => Loaded<T>): Loaded<T[]> {
  const parsed: T[] = [];
  for (const [path, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const one = parse(text, fileName(path));
    if (!one.ok) return one;
    parsed.push(one.value);
  }
  return { ok: true, value: parsed };
}

export function loadSources(): Sources {
  if (cached) return cached;
  const packs = parseAll(PACKS, (text, name) => {
    const parsed = parsePack(text, name);
    return parsed.ok ? { ok: true, value: parsed.pack } : parsed;
  });
  if (!packs.ok) return (cached = packs);
  const templates = parseAll(TEMPLATES, (text, name) => {
    const parsed = parseTemplate(text, name);
    return parsed.ok ? { ok: true, value: parsed.template } : parsed;
  });
  if (!templates.ok) return (cached = templates);
  const pack = packs.value.find((p) => p.id === DEFAULT_PACK_ID);
  const template = templates.value.find((t) => t.referentiel === DEFAULT_PACK_ID);
  if (!pack || !template) return (cached = { ok: false, error: `Le référentiel « ${DEFAULT_PACK_ID} » ou son modèle de contrat n’est pas livré avec cette version de Pilier.` });
  return (cached = { ok: true, pack, template, packs: packs.value, templates: templates.value });
}

/** The bundled pack with this id, if any. */
export function packById(id: string): Referentiel | undefined {
  const loaded = loadSources();
  return loaded.ok ? loaded.packs.find((p) => p.id === id) : undefined;
}

/** The bundled template made for the pack `packId` (the one whose `referentiel` is that id), if any. */
export function templateFor(packId: string): Template | undefined {
  const loaded = loadSources();
  return loaded.ok ? loaded.templates.find((t) => t.referentiel === packId) : undefined;
}

/** A pack's short name for selectors and headings: its title up to the first dash, with the year (« Annexe 1 (2014) »). */
export function packLabel(pack: Referentiel): string {
  const short = pack.title.split(' — ')[0]!.trim();
  return short === pack.title ? short : `${short} (${pack.date.slice(0, 4)})`;
}

/** Points the checklist at the pack the open project is checked against (the default one when it is unknown). */
export function setActivePack(id: string): void {
  activeId = packById(id) ? id : DEFAULT_PACK_ID;
}

/**
 * The sources, for code that only runs once `loadSources()` succeeded (the app shows an error screen otherwise).
 * `pack` is the open project's pack and `template` the template made for it (the outline, the guidance and
 * « Insérer la section » follow it); the default template when no bundled template is made for that pack.
 */
export function sources(): { pack: Referentiel; template: Template; packs: Referentiel[] } {
  const loaded = loadSources();
  if (!loaded.ok) throw new Error(loaded.error);
  const pack = packById(activeId) ?? loaded.pack;
  return { pack, template: templateFor(pack.id) ?? loaded.template, packs: loaded.packs };
}
