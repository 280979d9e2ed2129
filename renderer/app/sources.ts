import packText from '../../seeds/referentiel-annexe-1-2014.json?raw';
import gapsText from '../../seeds/demo/contrat-demo.gaps.json?raw';
import templateText from '../../templates/contrat-de-ville-2015.json?raw';
import type { GlossaryEntry, Referentiel } from '../../src/referential';
import { parseGlossary, parsePack } from '../../src/referential';
import { parseDemoGaps, type DemoGaps } from '../../src/training/gaps';
import { parseTemplate, type Template } from '../../src/template/load';

/**
 * The référentiels and the contract templates bundled with the renderer. They are parsed and validated once,
 * at start (design.md §3 rule 5): an invalid one stops the app with a French message instead of a wrong
 * checklist. Every `seeds/referentiel-*.json` and every `templates/*.json` is bundled (a new circular's pack and
 * its template need no code change: a template names the pack it is made for); the glossary and the demo's gaps
 * serve the training screens only, so a problem with them is shown there.
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
      glossary: Loaded<GlossaryEntry[]>;
      demoGaps: Loaded<DemoGaps>;
    }
  | { ok: false; error: string };

type Loaded<T> = { ok: true; value: T } | { ok: false; error: string };

/** The pack of a new contract, and the one checked when a project names none the app knows. */
export const DEFAULT_PACK_ID = 'annexe-1-2014';

const OTHER_PACKS = import.meta.glob<string>('../../seeds/referentiel-*.json', { query: '?raw', import: 'default', eager: true });
const OTHER_TEMPLATES = import.meta.glob<string>('../../templates/*.json', { query: '?raw', import: 'default', eager: true });
const GLOSSARY = import.meta.glob<string>('../../seeds/glossaire.json', { query: '?raw', import: 'default', eager: true });

let cached: Sources | undefined;
/** The pack the open project is checked against (the checklist, the guidance and the live check read it). */
let activeId = DEFAULT_PACK_ID;

const fileName = (path: string): string => path.split('/').pop() ?? path;

function loadGlossary(): Loaded<GlossaryEntry[]> {
  const [path, text] = Object.entries(GLOSSARY)[0] ?? [];
  if (!path || text === undefined) return { ok: false, error: 'Le glossaire n’est pas livré avec cette version de Pilier.' };
  const parsed = parseGlossary(text, fileName(path));
  return parsed.ok ? { ok: true, value: parsed.entries } : parsed;
}

export function loadSources(): Sources {
  if (cached) return cached;
  const pack = parsePack(packText, 'referentiel-annexe-1-2014.json');
  if (!pack.ok) return (cached = { ok: false, error: pack.error });
  const packs = [pack.pack];
  for (const [path, text] of Object.entries(OTHER_PACKS).sort(([a], [b]) => a.localeCompare(b))) {
    if (fileName(path) === 'referentiel-annexe-1-2014.json') continue;
    const other = parsePack(text, fileName(path));
    if (!other.ok) return (cached = { ok: false, error: other.error });
    packs.push(other.pack);
  }
  const template = parseTemplate(templateText, 'contrat-de-ville-2015.json');
  if (!template.ok) return (cached = { ok: false, error: template.error });
  const templates = [template.template];
  for (const [path, text] of Object.entries(OTHER_TEMPLATES).sort(([a], [b]) => a.localeCompare(b))) {
    if (fileName(path) === 'contrat-de-ville-2015.json') continue;
    const other = parseTemplate(text, fileName(path));
    if (!other.ok) return (cached = { ok: false, error: other.error });
    templates.push(other.template);
  }
  const gaps = parseDemoGaps(gapsText, 'contrat-demo.gaps.json');
  return (cached = { ok: true, pack: pack.pack, template: template.template, packs, templates, glossary: loadGlossary(), demoGaps: gaps });
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
