import type { Result } from '../api/contract';
import { buildReferentielDocx } from '../export/referentiel/index';
import { localIsoDate } from './exportContract';
import type { ContractSources } from './sources';
import { exportTargetProblem, type TargetOptions, writeExportFile } from './writeExport';

/**
 * « Imprimer / exporter (DOCX)… » in the référentiel browser: the pack (or the filtered list) as a training
 * handout, written as every export is (src/app/writeExport.ts): whole or not at all; an existing file is replaced
 * only when the save dialog answered its very path.
 */

export interface ReferentielJob {
  path: string;
  packId: string;
  requirementIds?: readonly string[];
  title?: string;
  /** True only when the save dialog answered this path. */
  overwrite: boolean;
}

export interface ReferentielDone {
  path: string;
  sizeBytes: number;
  requirements: number;
}

const fail = <T = never>(error: string): Result<T> => ({ ok: false, error });

function targetOptions(job: ReferentielJob): TargetOptions {
  return { extension: '.docx', overwrite: job.overwrite };
}

/** Writes the handout of pack `job.packId` (its newest installed version) to `job.path`. */
export async function exportReferentiel(sources: ContractSources, today: Date, job: ReferentielJob): Promise<Result<ReferentielDone>> {
  const problem = exportTargetProblem(job.path, targetOptions(job));
  if (problem) return fail(problem);
  const packs = sources.packs();
  if (!packs.ok) return packs;
  const pack = packs.value.filter((p) => p.id === job.packId).at(-1);
  if (!pack) return fail(`Le référentiel « ${job.packId} » n’est pas disponible dans cette installation de Pilier : choisissez-en un autre ou mettez Pilier à jour.`);
  const built = await buildReferentielDocx({
    pack,
    date: localIsoDate(today),
    ...(job.requirementIds ? { requirementIds: job.requirementIds } : {}),
    ...(job.title ? { title: job.title } : {}),
  });
  if (!built.ok) return built;
  const written = writeExportFile(job.path, built.bytes, { ...targetOptions(job), what: 'Le référentiel n’a pas pu être exporté' });
  if (!written.ok) return written;
  return { ok: true, value: { ...written.value, requirements: built.requirements } };
}
