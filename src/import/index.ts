import { parseMarkdown, parsePlainText } from '../document/markdown';
import { withHeadingPaths, type ContractDocument } from '../document/model';
import { decodeText, emptyFileError, sniff } from './bytes';
import { readDocx, type ContentControl } from './docx';
import { withoutGrilleBlocks } from './grille';
import { readOdt } from './odt';
import { CANCELLED_MESSAGE, readPdf } from './pdf';

export { CANCELLED_MESSAGE } from './pdf';

export type { ContentControl } from './docx';

export type ImportFormat = 'docx' | 'odt' | 'pdf' | 'markdown' | 'text';

export interface ImportOptions {
  /** Called at the start, after each step (each page of a PDF) and at the end; `label` is French, for the user. */
  onProgress?: (done: number, total: number, label: string) => void;
  /** Checked between steps (between the pages of a PDF): an aborted import answers `cancelled`. An `AbortSignal`. */
  signal?: { readonly aborted: boolean };
}

export type ImportResult =
  | { ok: true; format: ImportFormat; document: ContractDocument; warnings: string[]; contentControls?: ContentControl[] }
  | { ok: false; error: string; cancelled?: boolean };

/** The answer to an import stopped by its `AbortSignal`. */
export const cancelledResult = (): ImportResult => ({ ok: false, cancelled: true, error: CANCELLED_MESSAGE });

const FORMAT_NAMES: Record<ImportFormat, string> = {
  docx: 'un document Word (.docx)',
  odt: 'un document OpenDocument (.odt)',
  pdf: 'un PDF',
  markdown: 'un texte Markdown',
  text: 'un texte',
};

const EXTENSIONS: Record<string, ImportFormat> = {
  docx: 'docx',
  docm: 'docx',
  dotx: 'docx',
  odt: 'odt',
  ott: 'odt',
  fodt: 'odt',
  pdf: 'pdf',
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
  text: 'text',
};

/** The format a file's name announces, if it is one Pilier reads. */
export function formatFromName(fileName: string): ImportFormat | undefined {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return ext ? EXTENSIONS[ext] : undefined;
}

/** First non-blank byte (after a UTF-8 BOM) is « < »: possibly a flat OpenDocument file. */
function startsLikeXml(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && i < 1024 && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c;
}

/**
 * The format the bytes are in. A ZIP is told apart by its directory (Word's `word/document.xml`, OpenDocument's
 * `content.xml`); what has no signature is text, Markdown when the name says so. Old Office and RTF files, and a
 * ZIP that is neither, go to the reader the name points at (the DOCX reader by default), which refuses them
 * with the right message.
 */
export function detectFormat(bytes: Uint8Array, fileName: string): ImportFormat {
  const named = formatFromName(fileName);
  switch (sniff(bytes)) {
    case 'pdf':
      return 'pdf';
    case 'zip': {
      // The names of the parts are in the archive's directory, at its end; the readers inspect it fully.
      if (tailHas(bytes, 'word/document.xml')) return 'docx';
      if (tailHas(bytes, 'content.xml') && tailHas(bytes, 'mimetype')) return 'odt';
      return named === 'odt' ? 'odt' : 'docx';
    }
    case 'ole':
    case 'rtf':
      return named === 'odt' ? 'odt' : 'docx';
    default:
      if (named === 'odt' || (named !== 'markdown' && named !== 'text' && startsLikeXml(bytes) && /<office:document[\s>]/.test(headText(bytes)))) return 'odt';
      return named === 'markdown' ? 'markdown' : 'text';
  }
}

/** Whether an ASCII name occurs in the last megabyte of the file (where a ZIP's central directory lies). */
function tailHas(bytes: Uint8Array, name: string): boolean {
  const code = Array.from(name, (c) => c.charCodeAt(0));
  const from = Math.max(0, bytes.length - 1024 * 1024);
  outer: for (let i = bytes.length - code.length; i >= from; i--) {
    for (let k = 0; k < code.length; k++) if (bytes[i + k] !== code[k]) continue outer;
    return true;
  }
  return false;
}

function headText(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < Math.min(bytes.length, 4096); i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/**
 * Reads a received contract from its bytes; the format comes from the bytes (sniff), the name only for messages.
 * DOCX, ODT, PDF, Markdown and plain text. A file whose extension does not match its content (a PDF named
 * `.docx`) is read by its content, with a warning. Progress is reported at the start and end, and per page for
 * a PDF; an aborted `signal` stops the import between steps with `{ ok: false, cancelled: true }`. Never throws
 * for a bad file: every refusal is a French message naming the file.
 */
export async function importDocument(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportResult> {
  const { onProgress, signal } = options;
  if (signal?.aborted) return cancelledResult();
  if (bytes.length === 0) return { ok: false, error: emptyFileError(fileName) };
  const format = detectFormat(bytes, fileName);
  const named = formatFromName(fileName);
  const warnings: string[] = [];
  if (named && named !== format && !(named === 'markdown' && format === 'text') && !(named === 'text' && format === 'markdown')) {
    warnings.push(`Le fichier ${fileName} n’est pas ${FORMAT_NAMES[named]} comme l’annonce son extension, mais ${FORMAT_NAMES[format]} : il a été lu d’après son contenu.`);
  }
  if (format === 'pdf') {
    const read = await readPdf(bytes, fileName, options);
    if (!read.ok) return read;
    return { ok: true, format, document: read.document, warnings: [...warnings, ...read.warnings] };
  }
  onProgress?.(0, 1, `Lecture de ${fileName}`);
  const result = await readOther(format, bytes, fileName);
  if (signal?.aborted) return cancelledResult();
  if (result.ok) onProgress?.(1, 1, `${fileName} lu`);
  if (!result.ok) return result;
  const document = withoutGrille(result.document);
  if (document !== result.document) warnings.push(`La « Grille de complétude » annexée à ${fileName} n’a pas été relue : elle est recalculée à partir du texte.`);
  return { ...result, document, warnings: [...warnings, ...result.warnings] };
}

/**
 * The document without a Pilier « Grille de complétude » (its heading up to the next heading of its level): it
 * repeats every requirement's title, which would read as evidence. The readers drop it when its tags survive;
 * LibreOffice loses them when it converts a DOCX to ODT, so it is also found here by its title.
 */
export function withoutGrille(document: ContractDocument): ContractDocument {
  const kept = withoutGrilleBlocks(document.blocks);
  if (!kept) return document;
  return { ...document, blocks: withHeadingPaths(kept.map(({ headingPath: _path, ...b }) => b)) };
}

async function readOther(format: Exclude<ImportFormat, 'pdf'>, bytes: Uint8Array, fileName: string): Promise<ImportResult> {
  switch (format) {
    case 'docx': {
      const read = await readDocx(bytes, fileName);
      if (!read.ok) return read;
      return { ok: true, format, document: read.document, warnings: read.warnings, contentControls: read.contentControls };
    }
    case 'odt': {
      const read = await readOdt(bytes, fileName);
      if (!read.ok) return read;
      const contentControls: ContentControl[] = read.sections.map((s) => ({ tag: s.name, requirements: s.requirements, blockIds: s.blockIds }));
      return { ok: true, format, document: read.document, warnings: read.warnings, contentControls };
    }
    default: {
      const decoded = decodeText(bytes, fileName);
      if (!decoded.ok) return decoded;
      const document = format === 'markdown' ? parseMarkdown(decoded.text) : parsePlainText(decoded.text);
      return { ok: true, format, document, warnings: decoded.warnings };
    }
  }
}
