import type { Stats } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { MAX_DOCX_BYTES, MAX_TEXT_BYTES, emptyFileError, tooLargeError } from '../import/bytes';
import { importDocument, type ImportFormat, type ImportOptions, type ImportResult } from '../import/index';
import { MAX_ODT_BYTES } from '../import/odt';
import { MAX_PDF_BYTES } from '../import/pdf';

export type InputFormat = ImportFormat;

const FORMATS: Record<string, InputFormat> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.docx': 'docx',
  '.odt': 'odt',
  '.pdf': 'pdf',
};

/** The size each format is read up to, and what the message calls such files. */
const LIMITS: Record<InputFormat, [number, string]> = {
  markdown: [MAX_TEXT_BYTES, 'fichiers texte'],
  text: [MAX_TEXT_BYTES, 'fichiers texte'],
  docx: [MAX_DOCX_BYTES, 'documents Word'],
  odt: [MAX_ODT_BYTES, 'documents OpenDocument'],
  pdf: [MAX_PDF_BYTES, 'PDF'],
};

/** The extensions a folder's files are taken with, for messages. */
export const READ_EXTENSIONS = '.md, .markdown, .txt, .docx, .odt ou .pdf';

export interface Input {
  /** Absolute path. */
  path: string;
  /** The name shown to the user: as typed, or folder/name for a folder's files. */
  display: string;
  format: InputFormat;
}

export function formatOf(path: string): InputFormat | undefined {
  return FORMATS[extname(path).toLowerCase()];
}

/** A French message for a failed file-system call. */
export function describeFsError(error: unknown, display: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `Le fichier ou dossier ${display} est introuvable.`;
    case 'ENOTDIR':
      return `Le chemin ${display} est invalide : une de ses parties n'est pas un dossier.`;
    case 'EACCES':
    case 'EPERM':
      return `Impossible de lire ${display} : accès refusé.`;
    case 'EISDIR':
      return `${display} est un dossier, pas un fichier.`;
    case 'ELOOP':
      return `Impossible de lire ${display} : trop de liens symboliques.`;
    case 'EMFILE':
    case 'ENFILE':
      return `Impossible de lire ${display} : trop de fichiers ouverts.`;
    default:
      return `Impossible de lire ${display}${code ? ` (${code})` : ''}.`;
  }
}

function unsupportedError(display: string): string {
  const ext = extname(display).toLowerCase();
  if (ext === '.doc') {
    return `Le fichier ${display} est au format Word 97-2003 (.doc) : ouvrez-le dans Word ou LibreOffice et enregistrez-le au format .docx.`;
  }
  if (ext === '.rtf') {
    return `Le format ${ext} n'est pas encore lu par la commande pilier (${display}) : enregistrez le document au format .docx ou .odt, ou son texte en .txt.`;
  }
  return `Format non pris en charge : ${display}. La commande pilier lit les fichiers ${READ_EXTENSIONS.replace(' ou ', ' et ')}.`;
}

/**
 * Turns the command line's files and folders into the files to read. A folder gives its files of the
 * supported formats, in name order, without its sub-folders (hidden files and Word's `~$` lock files are
 * skipped). What cannot be used gives a French message, and the rest goes on.
 */
export async function expandInputs(args: string[], cwd: string): Promise<{ inputs: Input[]; errors: string[] }> {
  const inputs: Input[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (input: Input): void => {
    if (seen.has(input.path)) return;
    seen.add(input.path);
    inputs.push(input);
  };
  for (const arg of args) {
    const path = resolve(cwd, arg);
    let info: Stats;
    try {
      info = await stat(path);
    } catch (e) {
      errors.push(describeFsError(e, arg));
      continue;
    }
    if (info.isDirectory()) {
      const found = await folderInputs(path, arg);
      if (!found.ok) errors.push(found.error);
      else if (found.inputs.length === 0) {
        errors.push(
          `Le dossier ${arg} ne contient aucun fichier à vérifier (${READ_EXTENSIONS}) ; les sous-dossiers ne sont pas parcourus.`,
        );
      } else found.inputs.forEach(add);
      continue;
    }
    if (!info.isFile()) {
      errors.push(`${arg} n'est pas un fichier ordinaire.`);
      continue;
    }
    const format = formatOf(path);
    if (!format) errors.push(unsupportedError(arg));
    else add({ path, display: arg, format });
  }
  return { inputs, errors };
}

async function folderInputs(path: string, display: string): Promise<{ ok: true; inputs: Input[] } | { ok: false; error: string }> {
  let names: string[];
  try {
    names = await readdir(path);
  } catch (e) {
    return { ok: false, error: describeFsError(e, display) };
  }
  const inputs: Input[] = [];
  for (const name of names.sort((a, b) => a.localeCompare(b, 'fr'))) {
    const format = formatOf(name);
    if (!format || name.startsWith('.') || name.startsWith('~$')) continue;
    const child = join(path, name);
    try {
      if (!(await stat(child)).isFile()) continue;
    } catch {
      continue; // a dangling link: not one of the user's documents
    }
    inputs.push({ path: child, display: join(display, name), format });
  }
  return { ok: true, inputs };
}

/**
 * Reads one file into the document model through `importDocument` (the format comes from the content; the
 * extension only chose the file). Sizes are checked before reading, so a 200 Mo file costs nothing.
 */
export async function readInput(input: Input, options: ImportOptions = {}): Promise<ImportResult> {
  const { path, display, format } = input;
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.size === 0) return { ok: false, error: emptyFileError(display) };
    const [limit, what] = LIMITS[format];
    if (info.size > limit) return { ok: false, error: tooLargeError(display, info.size, limit, what) };
    bytes = await readFile(path);
  } catch (e) {
    return { ok: false, error: describeFsError(e, display) };
  }
  return importDocument(bytes, display, options);
}
