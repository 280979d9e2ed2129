import { extname } from 'node:path';
import type { ExportDone, ExportFormat, Result } from '../api/contract';
import { check } from '../check/index';
import { documentFromSections } from '../document/lexical';
import { buildContractDocx } from '../export/docx/index';
import { buildExportInput } from '../export/fromProject';
import { buildContractOdt } from '../export/odt/index';
import type { ProjectFile } from '../project';
import { safeFileName } from './fileNames';
import type { ContractSources } from './sources';
import { exportTargetProblem, type TargetOptions, writeExportFile } from './writeExport';

/**
 * « Exporter… »: the open project as a DOCX or ODT file. The service reads the sections as stored (the renderer
 * flushes its autosave first), the template and the pack, checks the text afresh (the report printed in the grille
 * is never a stale one), writes the file whole under a temporary name beside its target and then moves it into
 * place. An existing file is replaced only when the save dialog answered its very path (the dialog asked the user).
 */

export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { docx: '.docx', odt: '.odt' };

export interface ExportJob {
  path: string;
  format: ExportFormat;
  grille: boolean;
  /** True only when the save dialog answered this path. */
  overwrite: boolean;
}

const fail = <T = never>(error: string): Result<T> => ({ ok: false, error });

/** The name the save dialog suggests: the title made safe, with the format's extension. */
export function exportFileName(suggested: string, format: ExportFormat): string {
  return safeFileName(suggested, EXPORT_EXTENSIONS[format], 'Contrat de ville');
}

/** The path with the format's extension (added when the user typed a name without it). */
export function withExportExtension(path: string, format: ExportFormat): string {
  const extension = EXPORT_EXTENSIONS[format];
  return extname(path).toLowerCase() === extension ? path : `${path}${extension}`;
}

/** The local calendar day of `now`, ISO (YYYY-MM-DD): the date printed on the title page. */
export function localIsoDate(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function targetOptions(job: ExportJob): TargetOptions {
  return { extension: EXPORT_EXTENSIONS[job.format], format: job.format.toUpperCase(), dialog: 'Exporter…', overwrite: job.overwrite };
}

/** Exports the project's stored sections to `job.path`. Everything is read before the first `await`. */
export async function exportProject(project: ProjectFile, sources: ContractSources, today: Date, job: ExportJob): Promise<Result<ExportDone>> {
  const problem = exportTargetProblem(job.path, targetOptions(job));
  if (problem) return fail(problem);
  const meta = project.getMeta();
  const sections = project.listSections();
  if (!sections.ok) return sections;
  if (sections.value.length === 0) return fail('Le contrat ne contient aucune section : rien n’a été exporté.');
  const template = sources.template(meta.referentiel.id);
  if (!template.ok) return template;
  const pack = sources.pack(meta.referentiel.id, meta.referentiel.version);
  if (!pack.ok) return pack;
  const report = check(documentFromSections(sections.value), pack.value);
  const input = buildExportInput({
    meta,
    sections: sections.value,
    template: template.value,
    pack: pack.value,
    report,
    date: localIsoDate(today),
    options: { grille: job.grille },
  });
  const bytes = job.format === 'docx' ? await buildContractDocx(input) : buildContractOdt(input);
  const written = writeExportFile(job.path, bytes, { ...targetOptions(job), what: 'Le contrat n’a pas pu être exporté' });
  if (!written.ok) return written;
  const missingObligatoires = report.requirements.filter((r) => r.level === 'obligatoire' && r.status === 'missing').length;
  return { ok: true, value: { ...written.value, format: job.format, missingObligatoires } };
}
