import { parsePack } from '../referential/load';
import type { Referentiel } from '../referential/schema';
import { parseTemplate } from './load';
import type { Template } from './schema';
import type { SkeletonMeta } from './skeleton';

/**
 * For the tests of src/template and src/document: the real template and pack, read by the test through the
 * function it passes (tests may touch the disk; this module stays pure).
 */

/** Reads a file of the repository by its path from the root (`templates/…`, `seeds/…`). */
export type ReadRepoFile = (path: string) => string;

export const TEMPLATE_FILE = 'contrat-de-ville-2015.json';
export const PACK_FILE = 'referentiel-annexe-1-2014.json';

export function loadTemplateAndPack(read: ReadRepoFile): { template: Template; pack: Referentiel } {
  const template = parseTemplate(read(`templates/${TEMPLATE_FILE}`), TEMPLATE_FILE);
  if (!template.ok) throw new Error(template.error);
  const pack = parsePack(read(`seeds/${PACK_FILE}`), PACK_FILE);
  if (!pack.ok) throw new Error(pack.error);
  return { template: template.template, pack: pack.pack };
}

/** The demo's territory (seeds/demo/contrat-demo.meta.json says the same). */
export const META: SkeletonMeta = {
  territoire: 'Val-de-Brume',
  epci: 'Communauté d’agglomération du Val-de-Brume',
  communes: ['Brumeval', 'Saint-Aubin-sur-Brume', 'Orvilliers-la-Forêt'],
  qpv: [
    { nom: 'Les Hauts-de-Brume', code: 'QN09901M' },
    { nom: 'Le Moulin-Neuf', code: 'QN09902M' },
    { nom: 'La Garenne', code: 'QN09903M' },
  ],
  periode: { debut: '2015', fin: '2020' },
};
