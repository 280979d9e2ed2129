import { Inflate } from 'fflate';
import type { ContractDocument } from '../document/model';

/**
 * Byte-level checks shared by the readers: what kind of file this really is, whether a text file is text,
 * and what a ZIP archive declares before anything is decompressed. Runs in the browser and in Node.
 */

/** What every reader returns: a document, or a French message naming the file. */
export type ReadResult = { ok: true; document: ContractDocument; warnings: string[] } | { ok: false; error: string };

export type TextResult = { ok: true; text: string; warnings: string[] } | { ok: false; error: string };

// `lib` has no DOM and core code takes no Node types: declare the one web API used here.
declare const TextDecoder: {
  new (label?: string, options?: { fatal?: boolean }): { decode(input: Uint8Array): string };
};

const MB = 1024 * 1024;
/** Larger DOCX files are refused before parsing. */
export const MAX_DOCX_BYTES = 100 * MB;
/** Larger text files are refused before reading. */
export const MAX_TEXT_BYTES = 20 * MB;
/** A DOCX whose parts declare more than this, uncompressed, is refused (zip bomb guard). */
export const MAX_UNCOMPRESSED_BYTES = 500 * MB;
/** Real Word documents hold tens to a few hundred parts. */
export const MAX_ZIP_ENTRIES = 10_000;

export type Sniffed = 'empty' | 'zip' | 'ole' | 'pdf' | 'rtf' | 'unknown';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: ArrayLike<number>): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** Tells a file's real format from its first bytes. */
export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, OLE_MAGIC)) return 'ole';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf';
  return 'unknown';
}

/** « 0 octet », « 512 octets », « 1,5 Mo », « 200 Mo ». */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes < 2 ? 'octet' : 'octets'}`;
  const [value, unit] = bytes < MB ? [bytes / 1024, 'Ko'] : bytes < 1024 * MB ? [bytes / MB, 'Mo'] : [bytes / (1024 * MB), 'Go'];
  const shown = value >= 10 ? Math.round(value).toString() : (Math.round(value * 10) / 10).toString().replace('.', ',');
  return `${shown}\u00a0${unit}`;
}

export function emptyFileError(fileName: string): string {
  return `Le fichier ${fileName} est vide (0 octet) : il n'y a rien à vérifier.`;
}

export function tooLargeError(fileName: string, size: number, limit: number, what: string): string {
  return `Le fichier ${fileName} est trop volumineux (${formatSize(size)}) : Pilier lit les ${what} jusqu'à ${formatSize(limit)}.`;
}

function countControlBytes(bytes: Uint8Array, limit: number): number {
  let count = 0;
  const end = Math.min(bytes.length, limit);
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) count++;
  }
  return count;
}

/**
 * Decodes a text file: UTF-8 (with or without BOM) or UTF-16 with a BOM. Text that is not valid UTF-8 but has
 * no control bytes is read as Windows-1252 (French files from older Windows tools), with a warning. NUL bytes,
 * control bytes or a known binary signature mean it is not text.
 */
export function decodeText(bytes: Uint8Array, fileName: string): TextResult {
  if (bytes.length === 0) return { ok: false, error: emptyFileError(fileName) };
  if (bytes.length > MAX_TEXT_BYTES) {
    return { ok: false, error: tooLargeError(fileName, bytes.length, MAX_TEXT_BYTES, 'fichiers texte') };
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      return { ok: true, text: new TextDecoder(label, { fatal: true }).decode(bytes.subarray(2)), warnings: [] };
    } catch {
      return { ok: false, error: notTextError(fileName, 'encodage UTF-16 invalide') };
    }
  }
  const kind = sniff(bytes);
  if (kind === 'zip') return { ok: false, error: notTextError(fileName, 'c’est une archive ZIP, peut-être un document Word (.docx) renommé') };
  if (kind === 'ole') return { ok: false, error: notTextError(fileName, 'c’est un ancien document Office (.doc) ou un fichier protégé') };
  if (kind === 'pdf') return { ok: false, error: notTextError(fileName, 'c’est un PDF') };
  if (bytes.includes(0)) return { ok: false, error: notTextError(fileName, 'il contient des données binaires') };
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body), warnings: [] };
  } catch {
    // Not UTF-8: text from an older Windows editor, or binary data.
  }
  if (countControlBytes(body, 1 * MB) > 0) {
    return { ok: false, error: notTextError(fileName, 'il contient des données binaires') };
  }
  return {
    ok: true,
    text: decodeWindows1252(body),
    warnings: [
      `Le fichier ${fileName} n'est pas en UTF-8 : il a été lu comme du Windows-1252 (Latin-1). Si des accents sont faux, enregistrez-le en UTF-8.`,
    ],
  };
}

// 0x80–0x9F in Windows-1252 (undefined slots kept as the C1 code point). Decoded here because some Node
// versions' TextDecoder reads this label as ISO-8859-1, losing « œ », « € », « ’ ».
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)));
  }
  return out;
}

function notTextError(fileName: string, why: string): string {
  return `Le fichier ${fileName} n'est pas un fichier texte (${why}).`;
}

export interface ZipEntry {
  name: string;
  uncompressedSize: number;
  encrypted: boolean;
}

/** Where an entry's data lies, for the size check. */
interface StoredEntry {
  name: string;
  encrypted: boolean;
  /** 0 = stored, 8 = deflated. */
  method: number;
  compressedSize: number;
  /** Where the entry's local header starts. */
  offset: number;
}

export type ZipInspection = { ok: true; entries: ZipEntry[]; totalUncompressed: number } | { ok: false; problem: string };

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
/** Compressed bytes inflated per step when counting real sizes: a step yields at most ~17 Mo (DEFLATE's ratio is at most 1032). */
const INFLATE_STEP = 16 * 1024;
const MAX_DEFLATE_RATIO = 1032;
/** How much more than it declares an entry may inflate to before the archive is refused as a zip bomb. */
const LIE_MARGIN = 16 * 1024 * 1024;

/**
 * Reads a ZIP archive's central directory: entry names, the sizes they declare once uncompressed, and whether
 * they are encrypted. Handles ZIP64. A missing or inconsistent directory (a truncated download, a damaged file)
 * is reported as a problem, in French. When the declared sizes are within the readers' limit, an entry whose
 * compressed data could hide far more than it declares is inflated once, its bytes counted and dropped (zip bomb).
 */
export function inspectZip(bytes: Uint8Array): ZipInspection {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = bytes.length;
  let eocd = -1;
  for (let p = len - 22; p >= 0 && p >= len - 22 - 0xffff; p--) {
    if (view.getUint32(p, true) === EOCD_SIGNATURE) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) return { ok: false, problem: 'archive ZIP incomplète : la fin du fichier manque' };
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE) {
      return { ok: false, problem: 'archive ZIP64 illisible' };
    }
    const z64 = Number(view.getBigUint64(locator + 8, true));
    if (!Number.isSafeInteger(z64) || z64 < 0 || z64 + 56 > len || view.getUint32(z64, true) !== ZIP64_EOCD_SIGNATURE) {
      return { ok: false, problem: 'archive ZIP64 illisible' };
    }
    count = Number(view.getBigUint64(z64 + 32, true));
    cdSize = Number(view.getBigUint64(z64 + 40, true));
    cdOffset = Number(view.getBigUint64(z64 + 48, true));
  }
  if (count > MAX_ZIP_ENTRIES) return { ok: false, problem: `archive anormale : ${count} fichiers internes` };
  if (cdOffset + cdSize > len) return { ok: false, problem: 'archive ZIP incomplète ou illisible' };
  const utf8 = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  const stored: StoredEntry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > len || view.getUint32(p, true) !== CENTRAL_HEADER_SIGNATURE) {
      return { ok: false, problem: 'répertoire de l’archive ZIP illisible' };
    }
    const flags = view.getUint16(p + 8, true);
    let size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > len) return { ok: false, problem: 'répertoire de l’archive ZIP illisible' };
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    let compressedSize = view.getUint32(p + 20, true);
    let offset = view.getUint32(p + 42, true);
    if (size === 0xffffffff || compressedSize === 0xffffffff || offset === 0xffffffff) {
      // The ZIP64 extra field holds, in this order, the values whose 32-bit slot says 0xffffffff.
      const values = zip64Values(view, p + 46 + nameLength, extraLength);
      const take = (slot: number): number => (slot === 0xffffffff ? (values.shift() ?? -1) : slot);
      size = take(size);
      compressedSize = take(compressedSize);
      offset = take(offset);
      if (size < 0 || compressedSize < 0 || offset < 0) return { ok: false, problem: 'répertoire de l’archive ZIP illisible' };
    }
    entries.push({ name, uncompressedSize: size, encrypted: (flags & 1) === 1 });
    stored.push({ name, encrypted: (flags & 1) === 1, method: view.getUint16(p + 10, true), compressedSize, offset });
    total += size;
    p = next;
  }
  // Past the limit the callers refuse on the declared sizes alone; below it, the data must not hide much more.
  if (total <= MAX_UNCOMPRESSED_BYTES) {
    const liar = hiddenBomb(bytes, view, stored, entries);
    if (liar) return { ok: false, problem: `archive ZIP trompeuse : la partie ${liar.name.slice(0, 80)} se décompresse en bien plus que les ${formatSize(liar.uncompressedSize)} annoncés` };
  }
  return { ok: true, entries, totalUncompressed: total };
}

/**
 * The entry, if any, whose data inflates to far more than it declares. The readers (mammoth's JSZip, fflate)
 * trust the declared sizes and would inflate a lying entry whole into memory (a « 4 Ko » part that is really
 * 1 Go): here the data is inflated in small steps, its bytes counted and dropped, up to the declared size plus
 * a margin. Smaller lies and damaged data are left to the readers, which report them in their own words.
 */
function hiddenBomb(bytes: Uint8Array, view: DataView, stored: StoredEntry[], entries: ZipEntry[]): ZipEntry | undefined {
  for (let i = 0; i < stored.length; i++) {
    const entry = stored[i]!;
    const budget = entries[i]!.uncompressedSize + LIE_MARGIN;
    // DEFLATE inflates at most 1032 times: most entries are too small to hide anything.
    if (entry.method !== 8 || entry.encrypted || (entry.compressedSize + 1) * MAX_DEFLATE_RATIO <= budget) continue;
    const local = entry.offset;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_HEADER_SIGNATURE) continue;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const end = Math.min(bytes.length, start + entry.compressedSize);
    let produced = 0;
    const inflate = new Inflate((chunk) => {
      produced += chunk.length;
    });
    try {
      for (let at = start; at < end && produced <= budget; at += INFLATE_STEP) inflate.push(bytes.subarray(at, Math.min(end, at + INFLATE_STEP)), at + INFLATE_STEP >= end);
    } catch {
      // damaged data: counted up to where it broke
    }
    if (produced > budget) return entries[i];
  }
  return undefined;
}

/** The 64-bit values of an entry's ZIP64 extra field, in order (uncompressed size, compressed size, offset). */
function zip64Values(view: DataView, start: number, length: number): number[] {
  let q = start;
  const end = start + length;
  while (q + 4 <= end) {
    const id = view.getUint16(q, true);
    const size = view.getUint16(q + 2, true);
    if (id === 0x0001) {
      const values: number[] = [];
      for (let v = q + 4; v + 8 <= Math.min(end, q + 4 + size); v += 8) {
        const value = Number(view.getBigUint64(v, true));
        values.push(Number.isSafeInteger(value) ? value : Number.MAX_SAFE_INTEGER);
      }
      return values;
    }
    q += 4 + size;
  }
  return [];
}
