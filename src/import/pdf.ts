import type { ContractDocument } from '../document/model';
import { emptyFileError, formatSize, tooLargeError } from './bytes';
import type { ImportOptions } from './index';
import { blocksFromUnits } from './pdfBlocks';
import { dropRunningText, fragmentsOf, itemFromTransform, unitsOf, type Fragment, type PdfItem } from './pdfLines';

/** What `readPdf` returns: a document, a French refusal, or a cancellation. */
export type PdfReadResult =
  | { ok: true; document: ContractDocument; warnings: string[]; pages: number }
  | { ok: false; error: string; cancelled?: boolean };

/** What an import stopped by its `AbortSignal` answers. */
export const CANCELLED_MESSAGE = 'Import annulé : rien n’a été créé.';

const MB = 1024 * 1024;
/** Larger PDF files are refused before parsing. */
export const MAX_PDF_BYTES = 100 * MB;
/** A contract with its annexes runs to a few hundred pages; beyond this, the file is refused. */
export const MAX_PDF_PAGES = 2000;

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<Pdfjs> | undefined;

/**
 * pdfjs, loaded on first use (it is large) with its worker code run on this thread: `globalThis.pdfjsWorker` is
 * where pdfjs looks for it before it would fetch `pdf.worker.mjs` or start a Web Worker. So it works the same in
 * Node (where pdfjs never starts a worker), in a bundle (the CLI) and in the browser, with no file to serve.
 */
function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const scope = globalThis as { pdfjsWorker?: unknown; DOMMatrix?: unknown; console?: { warn: (...args: unknown[]) => void } };
    // In Node, pdfjs takes its drawing classes from the optional native package @napi-rs/canvas, and builds one
    // DOMMatrix as it loads. Text extraction draws nothing: where the package is missing, a stand-in lets pdfjs
    // load, and the warnings it prints while loading (before any verbosity option applies: « Cannot polyfill
    // `Path2D` ») are silenced: they would only worry the user.
    scope.DOMMatrix ??= MatrixStandIn;
    const warn = scope.console?.warn;
    if (scope.console) scope.console.warn = () => undefined;
    try {
      const [pdfjs, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
      scope.pdfjsWorker ??= worker;
      return pdfjs;
    } finally {
      if (scope.console && warn) scope.console.warn = warn;
    }
  })();
  return loading;
}

/** Enough of DOMMatrix for pdfjs to load without a canvas package (its drawing code is never run here). */
class MatrixStandIn {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
}

const AFTER_DAMAGE = 'Si vous avez le document d’origine, exportez-le de nouveau en PDF, ou demandez une nouvelle copie à l’expéditeur.';

function hasPdfSignature(bytes: Uint8Array): boolean {
  // pdfjs, like PDF readers, accepts a few bytes of junk before the signature.
  const limit = Math.min(bytes.length - 5, 1024);
  for (let i = 0; i <= limit; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return true;
  }
  return false;
}

/** Whether the file ends as a PDF does (« %%EOF » in its last kilobyte): a download cut short does not. */
function endsLikePdf(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - 1024);
  for (let i = bytes.length - 5; i >= from; i--) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x25 && bytes[i + 2] === 0x45 && bytes[i + 3] === 0x4f && bytes[i + 4] === 0x46) return true;
  }
  return false;
}

/** Font names that say bold (« Arial-BoldMT », « LiberationSans-Bold », « Calibri,Gras », « Montserrat-SemiBold »). */
const BOLD_NAME = /bold|black|heavy|semibold|demibold|gras|[-,]bd\b|\bbd$/i;

interface PdfPageProxy {
  view: number[];
  getTextContent(): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<unknown>;
  commonObjs: { has(id: string): boolean; get(id: string): unknown };
  cleanup(): void;
}

/**
 * Whether each font is bold. pdfjs names fonts `g_d0_f1`… in text content; their real names are known only once a
 * page's drawing operators are read, so that is done for the pages that use a font not seen before (a few).
 */
async function resolveFonts(page: PdfPageProxy, names: Set<string>, bold: Map<string, boolean>): Promise<void> {
  const unknown = [...names].filter((n) => !bold.has(n));
  if (unknown.length === 0) return;
  try {
    await page.getOperatorList();
  } catch {
    // A page that cannot be drawn still has its text: its fonts count as regular.
  }
  for (const name of unknown) {
    const font = (page.commonObjs.has(name) ? page.commonObjs.get(name) : undefined) as { name?: string; bold?: boolean; black?: boolean } | undefined;
    bold.set(name, Boolean(font?.bold || font?.black || BOLD_NAME.test(font?.name ?? '')));
  }
}

function pageItems(raw: unknown[], bold: Map<string, boolean>): PdfItem[] {
  const items: PdfItem[] = [];
  for (const r of raw) {
    const t = r as { str?: string; transform?: number[]; width?: number; fontName?: string };
    if (typeof t.str !== 'string' || !t.transform) continue;
    const item = itemFromTransform(t.str, t.transform, t.width ?? 0, bold.get(t.fontName ?? '') ?? false);
    if (item) items.push(item);
  }
  return items;
}

function describeFailure(e: unknown, fileName: string, complete: boolean): string {
  const name = (e as { name?: string } | undefined)?.name;
  if (name === 'PasswordException') {
    return `Le fichier ${fileName} est protégé par un mot de passe : Pilier ne peut pas le lire. Demandez à l’expéditeur une version sans mot de passe, ou ouvrez-le avec son mot de passe et enregistrez-en une copie non protégée (Imprimer › Enregistrer au format PDF).`;
  }
  const detail = String((e as Error | undefined)?.message ?? e).split('\n')[0]!.slice(0, 160);
  if (!complete) return `Le fichier ${fileName} est incomplet (sa fin manque, un téléchargement interrompu peut-être) : Pilier ne peut pas le lire. ${AFTER_DAMAGE}`;
  if (name === 'InvalidPDFException') return `Le fichier ${fileName} est endommagé : sa structure PDF est illisible (${detail}). ${AFTER_DAMAGE}`;
  return `Le fichier ${fileName} est endommagé ou n’est pas un PDF lisible (${detail}). ${AFTER_DAMAGE}`;
}

/**
 * Reads a PDF into the document model with pdfjs: the text of each page with its position, size and weight,
 * rebuilt into headings, paragraphs, list items and table cells (see `pdfLines` and `pdfBlocks`); running headers,
 * footers and page numbers dropped. No network, no `eval`, no font loading. Refuses, with a French message naming
 * the file: empty, over 100 Mo or 2 000 pages, not a PDF, damaged, password-protected, or scanned (no text layer:
 * OCR is needed). Progress is reported per page; `signal` is checked between pages. The caller's bytes are left
 * untouched (pdfjs is given a copy, as it takes ownership of what it reads).
 */
export async function readPdf(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<PdfReadResult> {
  const { onProgress, signal } = options;
  if (bytes.length === 0) return { ok: false, error: emptyFileError(fileName) };
  if (bytes.length > MAX_PDF_BYTES) return { ok: false, error: tooLargeError(fileName, bytes.length, MAX_PDF_BYTES, 'PDF') };
  if (!hasPdfSignature(bytes)) {
    return { ok: false, error: `Le fichier ${fileName} n’est pas un PDF : son contenu ne commence pas par la signature d’un PDF (%PDF).` };
  }
  const cancelled = { ok: false as const, cancelled: true, error: CANCELLED_MESSAGE };
  if (signal?.aborted) return cancelled;
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await task.promise;
    } catch (e) {
      return { ok: false, error: describeFailure(e, fileName, endsLikePdf(bytes)) };
    }
    const total = doc.numPages;
    if (total > MAX_PDF_PAGES) {
      return {
        ok: false,
        error: `Le fichier ${fileName} compte ${total.toLocaleString('fr-FR').replace(/\s/g, '\u00a0')} pages : Pilier lit les PDF jusqu’à ${MAX_PDF_PAGES.toLocaleString('fr-FR').replace(/\s/g, '\u00a0')} pages. Envoyez le contrat sans ses annexes les plus longues.`,
      };
    }
    onProgress?.(0, total, `Lecture de ${fileName} (${formatSize(bytes.length)})`);
    const bold = new Map<string, boolean>();
    const pages: { number: number; height: number; fragments: Fragment[] }[] = [];
    const unreadable: number[] = [];
    const blank: number[] = [];
    for (let number = 1; number <= total; number++) {
      if (signal?.aborted) return cancelled;
      try {
        const page = (await doc.getPage(number)) as unknown as PdfPageProxy;
        const content = await page.getTextContent();
        const fonts = new Set(content.items.map((i) => (i as { fontName?: string }).fontName).filter((n): n is string => Boolean(n)));
        await resolveFonts(page, fonts, bold);
        // Heights are measured from the bottom of the page's box, which need not be at 0.
        const [, y0 = 0, , y1 = 842] = page.view;
        const fragments = fragmentsOf(pageItems(content.items, bold)).map((f) => (y0 === 0 ? f : { ...f, y: f.y - y0 }));
        if (fragments.length === 0) blank.push(number);
        pages.push({ number, height: Math.abs(y1 - y0) || 842, fragments });
        page.cleanup();
      } catch {
        unreadable.push(number);
      }
      onProgress?.(number, total, `Page ${number} sur ${total}`);
    }
    if (signal?.aborted) return cancelled;
    if (unreadable.length === total) return { ok: false, error: `Le fichier ${fileName} est endommagé : aucune de ses pages n’est lisible. ${AFTER_DAMAGE}` };
    const textPages = total - blank.length - unreadable.length;
    const complete = endsLikePdf(bytes);
    if (textPages === 0 && !complete) {
      return { ok: false, error: `Le fichier ${fileName} est incomplet (sa fin manque, un téléchargement interrompu peut-être) : Pilier n’y trouve aucun texte. ${AFTER_DAMAGE}` };
    }
    if (textPages === 0) {
      return {
        ok: false,
        error: `Le fichier ${fileName} ne contient pas de texte (document numérisé) : une reconnaissance de caractères (OCR) est nécessaire avant de le vérifier. Demandez à l’expéditeur la version d’origine (Word, OpenDocument ou PDF exporté), ou passez le document dans un logiciel d’OCR.`,
      };
    }
    const kept = dropRunningText(pages);
    const units = kept.flatMap((fragments, i) => unitsOf(fragments, pages[i]!.number));
    const { document } = blocksFromUnits(units);
    const warnings = pdfWarnings(fileName, document, { unreadable, blank, total });
    if (!complete) warnings.unshift(`Le fichier ${fileName} semble incomplet (sa fin manque) : des pages ou des passages peuvent manquer. ${AFTER_DAMAGE}`);
    return { ok: true, document, warnings, pages: total };
  } finally {
    await task.destroy();
  }
}

const list = (pages: number[]): string => (pages.length > 8 ? `${pages.slice(0, 8).join(', ')}…` : pages.join(', '));

function pdfWarnings(fileName: string, document: ContractDocument, pages: { unreadable: number[]; blank: number[]; total: number }): string[] {
  const warnings: string[] = [];
  if (pages.unreadable.length > 0) {
    warnings.push(`${pages.unreadable.length > 1 ? `Les pages ${list(pages.unreadable)}` : `La page ${pages.unreadable[0]}`} de ${fileName} ${pages.unreadable.length > 1 ? 'sont illisibles et ont été ignorées' : 'est illisible et a été ignorée'} (fichier endommagé).`);
  }
  // A few blank pages are normal (a page left blank before a part); many are scanned pages among typed ones.
  if (pages.blank.length >= 2 && pages.blank.length >= pages.total * 0.2) {
    warnings.push(`${pages.blank.length} pages de ${fileName} ne contiennent pas de texte (pages ${list(pages.blank)}) : si elles sont numérisées, leur contenu n’est pas vérifié sans reconnaissance de caractères (OCR).`);
  }
  if (!document.blocks.some((b) => b.type === 'heading')) {
    warnings.push(`Aucun titre reconnu dans ${fileName} : le document est lu sans sections, la vérification peut être moins fiable.`);
  }
  return warnings;
}
