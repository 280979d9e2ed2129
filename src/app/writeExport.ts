import { existsSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import type { Result } from '../api/contract';
import { publish, removeQuietly, temporaryPath } from '../project/files';

/**
 * Writing an exported file (the contract, the review report, the review package, the référentiel handout): whole,
 * under a temporary name beside its target, then moved into place, so a failure leaves the previous file untouched
 * and no temporary file behind. An existing file is replaced only when the save dialog answered its very path (the
 * dialog asked the user first).
 */

export interface WriteExportOptions {
  /** True only when the save dialog answered this path. */
  overwrite: boolean;
  /** The failure, as the start of a French sentence: « Le contrat n’a pas pu être exporté ». */
  what: string;
  /** With its dot: `.docx`, `.pilier-relecture`. */
  extension: string;
  /** « DOCX »: the format named in the extension message (« … pour un export DOCX »), if any. */
  format?: string;
  /** « Exporter… »: the dialog that can authorise replacing a file, if it has a name the user knows. */
  dialog?: string;
}

export type TargetOptions = Omit<WriteExportOptions, 'what'>;

export interface Written {
  path: string;
  sizeBytes: number;
}

function why(error: unknown): string {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'EACCES' || code === 'EPERM') return 'accès refusé';
  if (code === 'ENOSPC') return 'le disque est plein';
  if (code === 'ENOENT') return 'le dossier n’existe plus';
  if (code === 'EROFS') return 'le support est en lecture seule';
  if (code === 'ENOTDIR') return 'une partie du chemin n’est pas un dossier';
  return `erreur ${code || 'inconnue'}`;
}

/** What is wrong with the target, if anything: checked before building the file, and again before writing it. */
export function exportTargetProblem(path: string, options: TargetOptions): string | undefined {
  const name = basename(path);
  if (extname(path).toLowerCase() !== options.extension) {
    const purpose = options.format ? ` pour un export ${options.format}` : '';
    return `Le fichier « ${name} » doit porter l’extension ${options.extension}${purpose} : choisissez le fichier dans la boîte de dialogue.`;
  }
  const folder = dirname(path);
  if (!existsSync(folder)) return `Le dossier « ${folder} » n’existe pas (ou plus) : choisissez un dossier existant pour « ${name} ». Rien n’a été écrit.`;
  if (!statSync(folder).isDirectory()) return `« ${folder} » est un fichier, pas un dossier : choisissez un dossier pour « ${name} ». Rien n’a été écrit.`;
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) return `« ${name} » est un dossier : indiquez un nom de fichier.`;
    if (!options.overwrite) {
      const dialog = options.dialog ? ` « ${options.dialog} »` : '';
      return `Le fichier « ${name} » existe déjà : Pilier ne le remplace que si vous le choisissez dans la boîte de dialogue${dialog}. Rien n’a été écrit.`;
    }
  }
  return undefined;
}

/** Writes `bytes` to `path` whole, or not at all. */
export function writeExportFile(path: string, bytes: Uint8Array, options: WriteExportOptions): Result<Written> {
  const problem = exportTargetProblem(path, options);
  if (problem) return { ok: false, error: problem };
  const name = basename(path);
  const temporary = temporaryPath(path);
  try {
    writeFileSync(temporary, bytes);
    publish(temporary, path, options.overwrite);
  } catch (error) {
    removeQuietly(temporary);
    if ((error as { code?: string }).code === 'EEXIST') {
      return { ok: false, error: `Le fichier « ${name} » vient d’apparaître : Pilier ne l’a pas remplacé. Exportez à nouveau et choisissez le fichier dans la boîte de dialogue.` };
    }
    return {
      ok: false,
      error: `${options.what} dans « ${name} », dossier « ${dirname(path)} » (${why(error)}) : aucun fichier n’a été écrit ni remplacé. Choisissez un autre dossier et réessayez.`,
    };
  }
  return { ok: true, value: { path, sizeBytes: bytes.length } };
}

/** The path with `extension` (added when the user typed a name without it). */
export function withFileExtension(path: string, extension: string): string {
  return path.toLowerCase().endsWith(extension) ? path : `${path}${extname(path) === '.' ? extension.slice(1) : extension}`;
}
