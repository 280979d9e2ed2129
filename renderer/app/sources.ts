import packText from '../../seeds/referentiel-annexe-1-2014.json?raw';
import templateText from '../../templates/contrat-de-ville-2015.json?raw';
import type { Referentiel } from '../../src/referential';
import { parsePack } from '../../src/referential';
import { parseTemplate, type Template } from '../../src/template/load';

/**
 * The référentiel and the contract template bundled with the renderer. They are parsed and validated once,
 * at start (design.md §3 rule 5): an invalid one stops the app with a French message instead of a wrong
 * checklist.
 */
export type Sources = { ok: true; pack: Referentiel; template: Template } | { ok: false; error: string };

let cached: Sources | undefined;

export function loadSources(): Sources {
  if (cached) return cached;
  const pack = parsePack(packText, 'referentiel-annexe-1-2014.json');
  if (!pack.ok) return (cached = { ok: false, error: pack.error });
  const template = parseTemplate(templateText, 'contrat-de-ville-2015.json');
  if (!template.ok) return (cached = { ok: false, error: template.error });
  return (cached = { ok: true, pack: pack.pack, template: template.template });
}

/** The sources, for code that only runs once `loadSources()` succeeded (the app shows an error screen otherwise). */
export function sources(): { pack: Referentiel; template: Template } {
  const loaded = loadSources();
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded;
}
