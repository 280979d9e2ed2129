import mammoth from 'mammoth';
import { PLACEHOLDER_PATTERN, withHeadingPaths, type Block, type ContractDocument } from '../document/model';
import { GRILLE_TITLE } from '../export/grille';
import {
  MAX_DOCX_BYTES,
  MAX_UNCOMPRESSED_BYTES,
  emptyFileError,
  formatSize,
  inspectZip,
  sniff,
  tooLargeError,
  type ReadResult,
} from './bytes';
import { readContentControls, type ContentControl } from './contentControls';
import { isElement, parseHtml, type HtmlElement, type HtmlNode } from './html';

export type { ContentControl } from './contentControls';

/** What `readDocx` returns: a `ReadResult`, with the document's content controls when it was read. */
export type DocxReadResult = ({ ok: true; contentControls: ContentControl[] } & Extract<ReadResult, { ok: true }>) | Extract<ReadResult, { ok: false }>;

type RawBlock = Omit<Block, 'headingPath'>;

/**
 * Word's built-in heading styles are stored under their English names (« heading 1 ») whatever the interface
 * language, and mammoth maps those already; documents from other tools may carry the French names
 * (« Titre 1 ») or ids (`Titre1`). The document title style counts as a first-level heading.
 */
const STYLE_MAP = [
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => [
    `p[style-name='Titre ${n}'] => h${n}:fresh`,
    `p[style-name='Heading ${n}'] => h${n}:fresh`,
    `p.Titre${n} => h${n}:fresh`,
  ]),
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Titre'] => h1:fresh",
  'p.Titre => h1:fresh',
  'p.Title => h1:fresh',
];

const AFTER_FIX = 'Ouvrez-le dans Word ou LibreOffice et enregistrez-le de nouveau au format .docx (Document Word).';

/**
 * Reads a Word document (.docx) into the document model: headings with their levels, paragraphs, nested list
 * items and table cells, each with a position-derived id (`b0`, `b1`…, `t0r1c2` for cells). Refuses, with a
 * French message naming the file, what is not a readable DOCX: empty, too large, not a ZIP, an encrypted or
 * old binary Office file, a damaged archive, or one that would decompress to more than 500 Mo.
 *
 * Also reads the document's content controls (the requirement ids Pilier tags its sections with) and the blocks
 * each wraps; a table of contents and Pilier's « Grille de complétude » are left out of the document, as they
 * only repeat the contract's headings and requirements.
 */
export async function readDocx(bytes: Uint8Array, fileName: string): Promise<DocxReadResult> {
  const refused = refuseBadDocx(bytes, fileName);
  if (refused) return { ok: false, error: refused };
  let html: string;
  try {
    const ab = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
    // Node's mammoth reads `buffer`, the browser build reads `arrayBuffer`.
    const input = { arrayBuffer: ab, buffer: bytes } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
    const result = await mammoth.convertToHtml(input, {
      styleMap: STYLE_MAP,
      // Images are not read at all: the checker needs text only.
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      externalFileAccess: false,
    });
    html = result.value;
  } catch (e) {
    return { ok: false, error: `Le fichier ${fileName} est endommagé : son contenu Word est illisible${readerFailure(e)}. ${AFTER_FIX}` };
  }
  const read = htmlToDocument(html);
  const contentControls = readContentControls(bytes, read.document.blocks);
  const document = withoutGeneratedParts(read.document, contentControls);
  const boldHeadings = read.boldHeadings;
  const warnings: string[] = [];
  if (document.blocks.length === 0) {
    warnings.push(`Le document ${fileName} ne contient aucun texte.`);
  } else if (boldHeadings > 0) {
    warnings.push(
      `Le document ${fileName} n'utilise pas les styles de titre de Word : ${boldHeadings} paragraphe${boldHeadings > 1 ? 's' : ''} court${boldHeadings > 1 ? 's' : ''} en gras ${boldHeadings > 1 ? 'ont été pris pour des titres' : 'a été pris pour un titre'}. Pour une lecture plus sûre, appliquez les styles « Titre 1 », « Titre 2 »…`,
    );
  } else if (!document.blocks.some((b) => b.type === 'heading')) {
    warnings.push(
      `Aucun titre reconnu dans ${fileName} : le document est lu sans sections. Appliquez les styles « Titre 1 », « Titre 2 »… de Word pour une vérification plus fiable.`,
    );
  }
  return { ok: true, document, warnings, contentControls };
}

/**
 * The document without the blocks of its table of contents and of a Pilier grille. The grille is known by its
 * content control, or, when an editor dropped the control (LibreOffice 7.4 does when it saves a DOCX), by its
 * title, up to the next level-1 heading.
 */
function withoutGeneratedParts(document: ContractDocument, controls: ContentControl[]): ContractDocument {
  const dropped = new Set(controls.filter((c) => c.generated === 'sommaire' || c.generated === 'grille').flatMap((c) => c.blockIds));
  let inGrille = false;
  for (const b of document.blocks) {
    if (b.type === 'heading' && b.level === 1) inGrille = b.text.trim() === GRILLE_TITLE;
    if (inGrille) dropped.add(b.id);
  }
  if (dropped.size === 0) return document;
  const kept = document.blocks.filter((b) => !dropped.has(b.id));
  // Headings went with them: the paths of what follows are worked out again.
  const blocks = kept.length === document.blocks.length || !document.blocks.some((b) => dropped.has(b.id) && b.type === 'heading') ? kept : withHeadingPaths(kept.map(({ headingPath: _path, ...b }) => b));
  const title = blocks.find((b) => b.type === 'heading' && b.level === 1)?.text;
  return { ...(title ? { title } : {}), blocks };
}

/**
 * The reader's failure said in French (its own messages are English and technical): the known causes are named,
 * the rest is left out rather than shown untranslated.
 */
function readerFailure(error: unknown): string {
  const message = String((error as Error)?.message ?? error);
  if (error instanceof RangeError || /call stack/i.test(message)) return ' (structure imbriquée trop profondément : tableaux ou listes les uns dans les autres)';
  if (/entity|doctype|dtd/i.test(message)) return ' (il contient des déclarations d’entités XML, que Pilier refuse par sécurité)';
  if (/xml|unexpected|unclosed|tag/i.test(message)) return ' (XML mal formé)';
  if (/zip|central directory|end of data|crc|inflate|compress/i.test(message)) return ' (archive ZIP incomplète ou abîmée)';
  if (/could not find|no such|missing/i.test(message)) return ' (une partie obligatoire du document manque)';
  return '';
}

/** Everything that can be refused from the bytes alone, before mammoth decompresses anything. */
function refuseBadDocx(bytes: Uint8Array, fileName: string): string | undefined {
  if (bytes.length === 0) return emptyFileError(fileName);
  if (bytes.length > MAX_DOCX_BYTES) return tooLargeError(fileName, bytes.length, MAX_DOCX_BYTES, 'documents Word');
  const notDocx = `Le fichier ${fileName} n'est pas un document Word (.docx) valide`;
  switch (sniff(bytes)) {
    case 'ole':
      return oleError(bytes, fileName);
    case 'pdf':
      return `${notDocx} : c’est un PDF. Pilier ne lit pas encore les PDF ; si vous avez le document d’origine, enregistrez-le au format .docx.`;
    case 'rtf':
      return `${notDocx} : il est au format RTF. ${AFTER_FIX}`;
    case 'zip':
      break;
    default:
      return `${notDocx} : son contenu n'est pas celui d'un document Word (ce n'est pas une archive ZIP).`;
  }
  const zip = inspectZip(bytes);
  if (!zip.ok) return `Le fichier ${fileName} est endommagé (${zip.problem}). ${AFTER_FIX}`;
  const names = new Set(zip.entries.map((e) => e.name));
  if (!names.has('word/document.xml')) {
    if (names.has('content.xml') || names.has('mimetype')) {
      return `${notDocx} : c’est un document OpenDocument (LibreOffice, .odt). Enregistrez-le au format .docx depuis LibreOffice (Fichier › Enregistrer sous).`;
    }
    if (names.has('xl/workbook.xml')) return `${notDocx} : c’est un classeur Excel.`;
    if (names.has('ppt/presentation.xml')) return `${notDocx} : c’est une présentation PowerPoint.`;
    const wordParts = [...names].some((n) => n.startsWith('word/'));
    if (!names.has('_rels/.rels') || !wordParts) {
      return `${notDocx} : l'archive ne contient pas de texte Word (partie word/document.xml absente).`;
    }
  }
  if (zip.entries.some((e) => e.encrypted)) {
    return `Le fichier ${fileName} est protégé par un mot de passe : retirez la protection puis enregistrez-le de nouveau au format .docx.`;
  }
  if (zip.totalUncompressed > MAX_UNCOMPRESSED_BYTES) {
    return `Le fichier ${fileName} a été refusé : une fois décompressé, il occuperait ${formatSize(zip.totalUncompressed)} (limite ${formatSize(MAX_UNCOMPRESSED_BYTES)}). Une archive aussi disproportionnée n'est pas un document Word ordinaire.`;
  }
  return undefined;
}

function containsUtf16(bytes: Uint8Array, word: string): boolean {
  const pattern = new Uint8Array(word.length * 2);
  for (let i = 0; i < word.length; i++) pattern[i * 2] = word.charCodeAt(i);
  let at = bytes.indexOf(pattern[0]!);
  while (at >= 0 && at + pattern.length <= bytes.length) {
    let j = 1;
    while (j < pattern.length && bytes[at + j] === pattern[j]) j++;
    if (j === pattern.length) return true;
    at = bytes.indexOf(pattern[0]!, at + 1);
  }
  return false;
}

/** An OLE compound file: Word wraps an encrypted .docx in one, and old .doc files are one. Say which. */
function oleError(bytes: Uint8Array, fileName: string): string {
  if (containsUtf16(bytes, 'EncryptedPackage') || containsUtf16(bytes, 'EncryptionInfo')) {
    return `Le fichier ${fileName} est protégé par un mot de passe (document Word chiffré) : Pilier ne peut pas le lire. Ouvrez-le dans Word, retirez le mot de passe (Fichier › Informations › Protéger le document), puis enregistrez-le de nouveau au format .docx.`;
  }
  if (containsUtf16(bytes, 'WordDocument')) {
    return `Le fichier ${fileName} est un ancien document Word (.doc, format 97-2003), pas un .docx : ${AFTER_FIX}`;
  }
  return `Le fichier ${fileName} n'est pas un document Word (.docx) valide : c’est un fichier Office à l'ancien format binaire. Le plus probable : un .docx protégé par un mot de passe (retirez le mot de passe dans Word, puis enregistrez-le de nouveau) ; sinon un ancien document .doc renommé (enregistrez-le au format .docx).`;
}

// ——— From mammoth's HTML to blocks ———

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'table', 'tr', 'td', 'th', 'div', 'blockquote']);
const NOTE_ID = /^(?:foot|end)note-\d+$/;
const NOTE_BACKLINK = /^#(?:foot|end)note-ref-\d+$/;
const NOTE_REF = /^#((?:foot|end)note-\d+)$/;

interface TextOptions {
  /** Children with these tags are left out (they become blocks of their own). */
  skip: Set<string>;
  onNoteRef: (noteId: string) => void;
}

/** The plain text of a node: whitespace collapsed, one line per inner block or `<br>`. */
function textOf(nodes: HtmlNode[], options: TextOptions): string {
  const parts: string[] = [];
  const walk = (list: HtmlNode[]): void => {
    for (const node of list) {
      if (node.kind === 'text') {
        parts.push(node.text.replace(/[ \t\n\r\f]+/g, ' '));
        continue;
      }
      if (options.skip.has(node.tag) || node.tag === 'img') continue;
      if (node.tag === 'br') {
        parts.push('\n');
        continue;
      }
      if (node.tag === 'a') {
        const href = node.attrs.href ?? '';
        if (NOTE_BACKLINK.test(href)) continue;
        const ref = NOTE_REF.exec(href);
        if (ref) options.onNoteRef(ref[1]!);
      }
      const block = BLOCK_TAGS.has(node.tag);
      if (block) parts.push('\n');
      walk(node.children);
      if (block) parts.push('\n');
    }
  };
  walk(nodes);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** True when every written character of the paragraph is bold. */
function allBold(nodes: HtmlNode[]): boolean {
  let sawText = false;
  const walk = (list: HtmlNode[], inBold: boolean): boolean => {
    for (const node of list) {
      if (node.kind === 'text') {
        if (node.text.trim() === '') continue;
        if (!inBold) return false;
        sawText = true;
      } else if (!walk(node.children, inBold || node.tag === 'strong' || node.tag === 'b')) {
        return false;
      }
    }
    return true;
  };
  return walk(nodes, false) && sawText;
}

function isPlaceholderOnly(text: string): boolean {
  return text.trim().length > 0 && text.replace(PLACEHOLDER_PATTERN, '').trim().length === 0;
}

/** Level of a bold paragraph taken for a heading, from its numbering (« 2.3 », « II. », « B) », « Article 4 »). */
function guessLevel(text: string): number {
  const numbered = /^((?:\d+\.)*\d+)[.)]?\s/.exec(text);
  if (numbered) return Math.min(6, numbered[1]!.split('.').length);
  if (/^[IVXLC]+[.)–-]\s/.test(text)) return 1;
  if (/^[A-Z][.)]\s/.test(text) || /^article\b/i.test(text)) return 2;
  if (/^[a-z][.)]\s/.test(text)) return 3;
  return 1;
}

/**
 * Turns mammoth's HTML into the document model. Single-cell tables (layout frames) are read as ordinary
 * text. Footnotes become paragraphs placed under the headings of the text that calls them. When the
 * document has no heading style at all, short fully bold paragraphs are taken for headings.
 */
export function htmlToDocument(html: string): { document: ContractDocument; boldHeadings: number } {
  const blocks: RawBlock[] = [];
  const boldCandidates: number[] = [];
  const noteBlocks = new Map<number, string>();
  const noteRefs = new Map<string, number>();
  let counter = 0;
  let tables = 0;

  const text = (nodes: HtmlNode[], skip: string[] = []): string =>
    textOf(nodes, {
      skip: new Set(skip),
      onNoteRef: (id) => {
        if (!noteRefs.has(id)) noteRefs.set(id, blocks.length);
      },
    });
  const push = (b: Omit<RawBlock, 'id'>, id?: string): void => {
    const block: RawBlock = { ...b, id: id ?? `b${counter++}` };
    if (block.type !== 'heading' && isPlaceholderOnly(block.text)) block.placeholder = true;
    blocks.push(block);
  };

  const flow = (nodes: HtmlNode[]): void => {
    let inline: HtmlNode[] = [];
    const flushInline = (): void => {
      const t = text(inline);
      inline = [];
      if (t) push({ type: 'paragraph', text: t });
    };
    for (const node of nodes) {
      if (node.kind === 'text' || !BLOCK_TAGS.has(node.tag)) {
        inline.push(node);
        continue;
      }
      flushInline();
      const heading = /^h([1-6])$/.exec(node.tag);
      if (heading) {
        const t = text(node.children);
        if (t) push({ type: 'heading', level: Number(heading[1]), text: t });
      } else if (node.tag === 'p') {
        const t = text(node.children);
        if (!t) continue;
        if (allBold(node.children)) boldCandidates.push(blocks.length);
        push({ type: 'paragraph', text: t });
      } else if (node.tag === 'ul' || node.tag === 'ol') {
        list(node, 0);
      } else if (node.tag === 'table') {
        table(node);
      } else {
        flow(node.children);
      }
    }
    flushInline();
  };

  const list = (node: HtmlElement, depth: number): void => {
    for (const child of node.children) {
      if (isElement(child, 'ul', 'ol')) {
        list(child, depth + 1);
        continue;
      }
      if (!isElement(child, 'li')) continue;
      const t = text(child.children, ['ul', 'ol', 'table']);
      if (t && NOTE_ID.test(child.attrs.id ?? '')) {
        noteBlocks.set(blocks.length, child.attrs.id!);
        push({ type: 'paragraph', text: t });
      } else if (t) {
        push({ type: 'listItem', text: t, listDepth: depth });
      }
      for (const inner of child.children) {
        if (isElement(inner, 'ul', 'ol')) list(inner, depth + 1);
        else if (isElement(inner, 'table')) table(inner);
      }
    }
  };

  const table = (node: HtmlElement): void => {
    const rows: HtmlElement[] = [];
    for (const child of node.children) {
      if (isElement(child, 'tr')) rows.push(child);
      else if (isElement(child, 'thead', 'tbody', 'tfoot')) rows.push(...child.children.filter((c): c is HtmlElement => isElement(c, 'tr')));
    }
    const cellsOf = (row: HtmlElement): HtmlElement[] => row.children.filter((c): c is HtmlElement => isElement(c, 'td', 'th'));
    const allCells = rows.flatMap(cellsOf);
    if (allCells.length === 1) {
      flow(allCells[0]!.children); // a frame around ordinary text
      return;
    }
    if (allCells.length === 0) return;
    const tableId = `t${tables++}`;
    const taken = new Set<string>();
    rows.forEach((row, r) => {
      let col = 0;
      for (const cell of cellsOf(row)) {
        while (taken.has(`${r},${col}`)) col++;
        const span = (name: string): number => Math.min(64, Math.max(1, parseInt(cell.attrs[name] ?? '1', 10) || 1));
        const colspan = span('colspan');
        const rowspan = span('rowspan');
        for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) taken.add(`${r + dr},${col + dc}`);
        push({ type: 'tableCell', text: text(cell.children, ['table']), table: { id: tableId, row: r, col } }, `${tableId}r${r}c${col}`);
        for (const inner of cell.children) if (isElement(inner, 'table')) table(inner);
        col += colspan;
      }
    });
  };

  flow(parseHtml(html));

  let boldHeadings = 0;
  if (!blocks.some((b) => b.type === 'heading')) {
    for (const i of boldCandidates) {
      const b = blocks[i]!;
      if (b.text.length > 150 || b.text.includes('\n') || /[.;:,]$/.test(b.text) || !/\p{L}/u.test(b.text)) continue;
      blocks[i] = { id: b.id, type: 'heading', level: guessLevel(b.text), text: b.text };
      boldHeadings++;
    }
  }

  const withPaths = withHeadingPaths(blocks);
  for (const [index, noteId] of noteBlocks) {
    const caller = withPaths[noteRefs.get(noteId) ?? -1];
    if (!caller) continue;
    const path = caller.type === 'heading' ? [...caller.headingPath, caller.text] : caller.headingPath;
    withPaths[index] = { ...withPaths[index]!, headingPath: path };
  }
  const title = withPaths.find((b) => b.type === 'heading' && b.level === 1)?.text;
  return { document: { ...(title ? { title } : {}), blocks: withPaths }, boldHeadings };
}
