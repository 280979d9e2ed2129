import { existsSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import type { Result } from '../api/contract';
import { buildReferentielDocx } from '../export/referentiel/index';
import { publish, removeQuietly, temporaryPath } from '../project/files';
import { localIsoDate } from './exportContract';
import type { ContractSources } from './sources';

/**
 * « Imprimer / exporter (DOCX)… » in the référentiel browser: the pack (or the filtered list) as a training
 * handout. Written whole under a temporary name beside its target, then moved into place, as the contract export
 * does; an existing file is replaced only when the save dialog answered its very path.
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

function writeProblem(error: unknown, name: string): string {
  const code = (error as { code?: string }).code ?? '';
  const why: Record<string, string> = { EACCES: 'accès refusé', EPERM: 'accès refusé', ENOSPC: 'le disque est plein', ENOENT: 'le dossier n’existe plus', EROFS: 'le support est en lecture seule' };
  return `Le référentiel n’a pas pu être exporté dans « ${name} » (${why[code] ?? `erreur ${code || 'inconnue'}`}) : aucun fichier n’a été écrit ni remplacé. Choisissez un autre dossier et réessayez.`;
}

function targetProblem(job: ReferentielJob): string | undefined {
  const name = basename(job.path);
  if (extname(job.path).toLowerCase() !== '.docx') return `Le fichier « ${name} » doit porter l’extension .docx : choisissez le fichier dans la boîte de dialogue.`;
  if (!existsSync(dirname(job.path))) return `Le dossier de « ${name} » n’existe pas : choisissez un dossier existant. Rien n’a été écrit.`;
  if (existsSync(job.path)) {
    if (statSync(job.path).isDirectory()) return `« ${name} » est un dossier : indiquez un nom de fichier.`;
    if (!job.overwrite) return `Le fichier « ${name} » existe déjà : Pilier ne le remplace que si vous le choisissez dans la boîte de dialogue. Rien n’a été écrit.`;
  }
  return undefined;
}

/** Writes the handout of pack `job.packId` (its newest installed version) to `job.path`. */
export async function exportReferentiel(sources: ContractSources, today: Date, job: ReferentielJob): Promise<Result<ReferentielDone>> {
  const problem = targetProblem(job);
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
  const temporary = temporaryPath(job.path);
  try {
    writeFileSync(temporary, built.bytes);
    publish(temporary, job.path, job.overwrite);
  } catch (error) {
    removeQuietly(temporary);
    if ((error as { code?: string }).code === 'EEXIST') {
      return fail(`Le fichier « ${basename(job.path)} » vient d’apparaître : Pilier ne l’a pas remplacé. Exportez à nouveau et choisissez le fichier dans la boîte de dialogue.`);
    }
    return fail(writeProblem(error, basename(job.path)));
  }
  return { ok: true, value: { path: job.path, sizeBytes: built.bytes.length, requirements: built.requirements } };
}
