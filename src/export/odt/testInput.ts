import { check } from '../../check';
import { documentFromSections } from '../../document/lexical';
import type { Referentiel } from '../../referential/schema';
import type { Template } from '../../template/schema';
import type { NewSection, SkeletonMeta } from '../../template/skeleton';
import { buildExportInput } from '../fromProject';
import type { ExportInput, ExportOptions } from '../input';

/**
 * For the tests and the benchmark of the ODT writer: the ExportInput of project sections (a skeleton, or a draft
 * read from Markdown) as the app builds it: checked, each section given the requirement ids of its template
 * section (or what the report found in it), placeholders in their exported form. Pure.
 */
export function exportInput(sections: NewSection[], pack: Referentiel, meta: SkeletonMeta, template: Template | undefined, options: Partial<ExportOptions> = {}): ExportInput {
  const report = check(documentFromSections(sections), pack);
  return buildExportInput({
    meta,
    sections,
    ...(template ? { template } : {}),
    pack,
    report,
    date: '2025-03-01',
    options: { grille: true, author: 'Équipe projet politique de la ville', organisation: 'Communauté d’agglomération', ...options },
  });
}
