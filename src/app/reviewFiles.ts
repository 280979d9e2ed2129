import { existsSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import type { Result } from '../api/contract';
import { publish, removeQuietly, temporaryPath } from '../project/files';

/**
 * Writing what a review produces (the report, the package) the way « Exporter… » writes a contract
 * (src/app/exportContract.ts): whole, under a temporary name beside the target, then moved into place; an existing
 * file is replaced only when the save dialog answered its very path (the dialog asked the user first).
 */

export interface WriteJob {
  path: string;
  /** With its dot: `.docx`, `.pilier-relecture`. */
  extension: string;
  /** « Le rapport d’analyse », « La relecture »: the subject of the messages. */
  what: string;
  /** « Exporter le rapport… »: the dialog that can authorise replacing a file. */
  dialog: string;
  overwrite: boolean;
}

function why(error: unknown): string {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'EACCES' || code === 'EPERM') return 'accès refusé';
  if (code === 'ENOSPC') return 'le disque est plein';
  if (code === 'ENOENT') return 'le dossier n’existe plus';
  if (code === 'EROFS') return 'le support est en lecture seule';
  return `erreur ${code || 'inconnue'}`;
}

/** What is wrong with the target, if anything. */
export function targetProblem(job: WriteJob): string | undefined {
  const name = basename(job.path);
  if (!job.path.toLowerCase().endsWith(job.extension)) return `Le fichier « ${name} » doit porter l’extension ${job.extension} : choisissez le fichier dans la boîte de dialogue.`;
  if (!existsSync(dirname(job.path))) return `Le dossier de « ${name} » n’existe pas : choisissez un dossier existant. Rien n’a été écrit.`;
  if (existsSync(job.path)) {
    if (statSync(job.path).isDirectory()) return `« ${name} » est un dossier : indiquez un nom de fichier.`;
    if (!job.overwrite) return `Le fichier « ${name} » existe déjà : Pilier ne le remplace que si vous le choisissez dans la boîte de dialogue « ${job.dialog} ». Rien n’a été écrit.`;
  }
  return undefined;
}

/** Writes `bytes` to `job.path` whole, or not at all. */
export function writeWhole(job: WriteJob, bytes: Uint8Array): Result<{ path: string; sizeBytes: number }> {
  const problem = targetProblem(job);
  if (problem) return { ok: false, error: problem };
  const name = basename(job.path);
  const temporary = temporaryPath(job.path);
  try {
    writeFileSync(temporary, bytes);
    publish(temporary, job.path, job.overwrite);
  } catch (error) {
    removeQuietly(temporary);
    if ((error as { code?: string }).code === 'EEXIST') {
      return { ok: false, error: `Le fichier « ${name} » vient d’apparaître : Pilier ne l’a pas remplacé. Recommencez et choisissez le fichier dans la boîte de dialogue.` };
    }
    return { ok: false, error: `${job.what} n’a pas pu être écrit dans « ${name} » (${why(error)}) : aucun fichier n’a été écrit ni remplacé. Choisissez un autre dossier et réessayez.` };
  }
  return { ok: true, value: { path: job.path, sizeBytes: bytes.length } };
}

/** The path with `extension` (added when the user typed a name without it). */
export function withFileExtension(path: string, extension: string): string {
  return path.toLowerCase().endsWith(extension) ? path : `${path}${extname(path) === '.' ? extension.slice(1) : extension}`;
}
