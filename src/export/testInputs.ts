import { check } from '../check/checker';
import { documentFromSections } from '../document/lexical';
import type { Referentiel } from '../referential/schema';
import { sectionsFromMarkdown } from '../template/fromMarkdown';
import type { Template } from '../template/schema';
import { buildSkeleton } from '../template/skeleton';
import { loadTemplateAndPack, META, type ReadRepoFile } from '../template/testFiles';
import { buildExportInput } from './fromProject';
import type { ExportInput } from './input';

/**
 * For the tests of src/export and src/cli: writers' inputs built the way the app builds them, from the real
 * template and pack, for the empty skeleton, the demo contract and the corpus drafts. The test passes the
 * function that reads repository files (this module stays pure).
 */

export const EXPORT_DATE = '2025-03-12';

export interface ExportFixtures {
  template: Template;
  pack: Referentiel;
  /** Sections of a stored project (the skeleton's, the demo's…), and the writers' input for them. */
  build(sections: { id: string; position: number; title: string; content: string }[], options?: { grille?: boolean }): ExportInput;
  skeleton(options?: { grille?: boolean }): ExportInput;
  demo(options?: { grille?: boolean }): ExportInput;
  /** A draft of seeds/corpus, by file name. */
  corpus(name: string): ExportInput;
}

export function exportFixtures(read: ReadRepoFile): ExportFixtures {
  const { template, pack } = loadTemplateAndPack(read);
  const build: ExportFixtures['build'] = (sections, options = {}) =>
    buildExportInput({
      meta: META,
      sections,
      template,
      pack,
      report: check(documentFromSections(sections), pack),
      date: EXPORT_DATE,
      options: { grille: options.grille ?? true, author: 'Équipe projet', organisation: 'Communauté d’agglomération du Val-de-Brume' },
    });
  return {
    template,
    pack,
    build,
    skeleton: (options) => build(buildSkeleton(template, pack, META), options),
    demo: (options) => build(sectionsFromMarkdown(read('seeds/demo/contrat-demo.md')), options),
    corpus: (name) => build(sectionsFromMarkdown(read(`seeds/corpus/${name}`))),
  };
}
