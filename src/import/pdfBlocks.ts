import { PLACEHOLDER_PATTERN, withHeadingPaths, type Block, type ContractDocument } from '../document/model';
import { withoutGrilleBlocks } from './grille';
import type { TableCellUnit, Unit } from './pdfLines';
import { headingNumbering, isTocEntry, isTocTitle, joinLines, listMarker, wordsOf } from './pdfText';

/**
 * The PDF reader's second half: lines and table rows (from `pdfLines`) into the document model. Paragraphs come
 * from line spacing, headings from font size and weight relative to the body text and from numbering, list
 * items from their markers, tables from rows of cells. Pure.
 */

type RawBlock = Omit<Block, 'headingPath'>;
type Line = Extract<Unit, { kind: 'line' }>;
type Row = Extract<Unit, { kind: 'row' }>;

interface Chunk {
  lines: Line[];
  item?: { text: string; x: number };
}

/** The size most of the running text is set in, its left edge, right edge, and the usual gap between its lines. */
interface Body {
  size: number;
  left: number;
  right: number;
  lineGap: number;
}

function mode(values: Map<number, number>, fallback: number): number {
  return [...values].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? fallback;
}

function bodyOf(lines: readonly Line[]): Body {
  const sizes = new Map<number, number>();
  for (const l of lines) sizes.set(Math.round(l.size * 2) / 2, (sizes.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  const size = mode(sizes, 11);
  const body = lines.filter((l) => Math.abs(l.size - size) <= 0.5);
  const lefts = new Map<number, number>();
  for (const l of body) lefts.set(Math.round(l.x), (lefts.get(Math.round(l.x)) ?? 0) + 1);
  const rights = body.map((l) => l.xEnd).sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = 1; i < body.length; i++) {
    const gap = body[i - 1]!.y - body[i]!.y;
    if (body[i - 1]!.page === body[i]!.page && gap > 0.9 * size && gap < 2.5 * size) gaps.push(gap);
  }
  gaps.sort((a, b) => a - b);
  return {
    size,
    left: mode(lefts, 0),
    right: rights[Math.floor(rights.length * 0.9)] ?? 0,
    lineGap: gaps[Math.floor(gaps.length * 0.3)] ?? size * 1.2,
  };
}

const ENDS_SENTENCE = /[.!?:;»)]$/;
const isPlaceholderOnly = (text: string): boolean => text.replace(PLACEHOLDER_PATTERN, '').trim().length === 0 && text.trim().length > 0;

/** Whether `line` starts a new paragraph after `prev` (same chunk otherwise). */
function startsNew(prev: Line, line: Line, body: Body): boolean {
  if (listMarker(line.text)) return true;
  if (Math.abs(line.size - prev.size) > 0.6 || line.bold !== prev.bold) return true;
  if (line.page !== prev.page) return ENDS_SENTENCE.test(prev.text) || !/^\p{Ll}/u.test(line.text);
  const gap = prev.y - line.y;
  if (gap < 0 || gap > Math.max(body.lineGap, line.size * 1.05) * 1.3) return true;
  if (ENDS_SENTENCE.test(prev.text) && prev.xEnd < body.right - 4 * body.size) return true;
  if (headingNumbering(line.text)?.strong && ENDS_SENTENCE.test(prev.text)) return true;
  return false;
}

interface HeadingCandidate {
  index: number;
  size: number;
  bold: boolean;
  depth?: number;
}

/** Whether a chunk reads as a title: few lines, no closing punctuation, set larger or bold, or numbered. */
function headingOf(chunk: Chunk, text: string, body: Body, last: boolean): Omit<HeadingCandidate, 'index'> | undefined {
  if (chunk.item || chunk.lines.length > 3 || text.length > 200 || !/\p{L}/u.test(text) || isPlaceholderOnly(text)) return undefined;
  const first = chunk.lines[0]!;
  const numbering = headingNumbering(text);
  const depth = numbering?.depth;
  if (first.size >= body.size * 1.12) return { size: first.size, bold: first.bold, depth };
  if (/[.;,]$/.test(text)) return undefined;
  if (first.bold && first.size >= body.size * 0.95 && text.length <= 150) return { size: first.size, bold: true, depth };
  if (!numbering || last || chunk.lines.length > 1 || text.length > 120) return undefined;
  const rest = text.replace(/^\S+\s*/, '');
  if (!/^[\p{Lu}\d«]/u.test(rest)) return undefined;
  if (numbering.strong || (text.length <= 80 && first.x <= body.left + body.size)) return { size: first.size, bold: false, depth };
  return undefined;
}

/** Levels: by visual rank (larger first, bold before regular), or by numbering when all titles look alike. */
function headingLevels(candidates: readonly HeadingCandidate[]): Map<number, number> {
  const key = (c: HeadingCandidate): string => `${Math.round(c.size * 2) / 2}|${c.bold ? 1 : 0}`;
  const keys = [...new Set(candidates.map(key))].sort((a, b) => {
    const [sa, ba] = a.split('|').map(Number) as [number, number];
    const [sb, bb] = b.split('|').map(Number) as [number, number];
    return sb - sa || bb - ba;
  });
  const levels = new Map<number, number>();
  for (const c of candidates) {
    const level = keys.length > 1 ? keys.indexOf(key(c)) + 1 : (c.depth ?? 1);
    levels.set(c.index, Math.min(6, Math.max(1, level)));
  }
  return levels;
}

/** Cells side by side in two rows or more make a table; their columns are the cells' left edges, grouped. */
function tableBlocks(rows: readonly Row[], tableId: string, known: Set<string>): RawBlock[] {
  const size = rows[0]!.cells[0]!.lines[0]!.size;
  const starts = rows.flatMap((r) => r.cells.map((c) => c.x)).sort((a, b) => a - b);
  const columns: number[] = [];
  for (const x of starts) if (columns.length === 0 || x - columns.at(-1)! > size * 1.5) columns.push(x);
  const columnOf = (cell: TableCellUnit): number => {
    let best = 0;
    for (let i = 0; i < columns.length; i++) if (Math.abs(columns[i]! - cell.x) < Math.abs(columns[best]! - cell.x)) best = i;
    return best;
  };
  const cellText = (cell: TableCellUnit): string => cell.lines.reduce((acc, l) => joinLines(acc, l.text, known), '');
  const header = rows[0]!.cells.map(cellText).join('\u0000');
  const blocks: RawBlock[] = [];
  let r = 0;
  for (const [i, row] of rows.entries()) {
    const texts = row.cells.map(cellText);
    if (i > 0 && row.page !== rows[i - 1]!.page && texts.join('\u0000') === header) continue; // header repeated on a new page
    const used = new Set<number>();
    row.cells.forEach((cell, k) => {
      let col = columnOf(cell);
      while (used.has(col)) col++;
      used.add(col);
      blocks.push({ id: `${tableId}r${r}c${col}`, type: 'tableCell', text: texts[k]!, table: { id: tableId, row: r, col } });
    });
    r++;
  }
  return blocks;
}

/**
 * Builds the document from the units of every page, in reading order. A table of contents (dot leaders) and a
 * Pilier grille are left out, as the DOCX reader does.
 */
export function blocksFromUnits(units: readonly Unit[]): { document: ContractDocument; tocLines: number } {
  const tocLines = units.filter((u) => u.kind === 'line' && isTocEntry(u.text)).length;
  const entry = (u: Unit | undefined): boolean => u?.kind === 'line' && isTocEntry(u.text);
  const title = (u: Unit | undefined): boolean => u?.kind === 'line' && isTocTitle(u.text);
  const kept = units.filter((u, i) => {
    if (u.kind !== 'line') return true;
    if (entry(u)) return false;
    // The title of the table of contents, and the first line of an entry that wraps.
    if (title(u)) return !(entry(units[i + 1]) || entry(units[i + 2]));
    return !(entry(units[i + 1]) && (entry(units[i - 1]) || title(units[i - 1])));
  });
  const lines = kept.filter((u): u is Line => u.kind === 'line');
  const body = bodyOf(lines);
  const known = new Set<string>();
  for (const u of kept) for (const text of u.kind === 'line' ? [u.text] : u.cells.flatMap((c) => c.lines.map((l) => l.text))) for (const w of wordsOf(text)) known.add(w);

  const raw: RawBlock[] = [];
  const candidates: HeadingCandidate[] = [];
  let n = 0;
  let tables = 0;
  const emitChunk = (chunk: Chunk, last: boolean): void => {
    const text = chunk.lines.reduce((acc, l, i) => joinLines(acc, i === 0 && chunk.item ? chunk.item.text : l.text, known), '');
    if (!text) return;
    if (chunk.item) {
      const depth = Math.max(0, Math.min(4, Math.round((chunk.item.x - body.left) / (body.size * 1.6))));
      raw.push({ id: `b${n++}`, type: 'listItem', text, listDepth: depth });
      return;
    }
    const heading = headingOf(chunk, text, body, last);
    if (heading) {
      candidates.push({ index: raw.length, ...heading });
      raw.push({ id: `b${n++}`, type: 'heading', level: 1, text });
    } else {
      raw.push({ id: `b${n++}`, type: 'paragraph', text, ...(isPlaceholderOnly(text) ? { placeholder: true } : {}) });
    }
  };

  let chunk: Chunk | undefined;
  let prev: Line | undefined;
  for (let i = 0; i < kept.length; i++) {
    const u = kept[i]!;
    if (u.kind === 'row') {
      if (chunk) emitChunk(chunk, false);
      chunk = undefined;
      prev = undefined;
      const rows: Row[] = [u];
      while (kept[i + 1]?.kind === 'row') rows.push(kept[++i] as Row);
      if (rows.length >= 2) {
        raw.push(...tableBlocks(rows, `t${tables++}`, known));
      } else {
        const text = u.cells.map((c) => c.lines.reduce((acc, l) => joinLines(acc, l.text, known), '')).join(' ');
        raw.push({ id: `b${n++}`, type: 'paragraph', text });
      }
      continue;
    }
    // A list item's next lines are indented past its marker: a line back at the marker's edge is a new paragraph.
    const outdented = chunk?.item !== undefined && !listMarker(u.text) && u.x <= chunk.item.x + body.size * 0.5;
    if (!chunk || !prev || outdented || startsNew(prev, u, body)) {
      if (chunk) emitChunk(chunk, false);
      const marker = listMarker(u.text);
      chunk = { lines: [u], ...(marker ? { item: { text: marker.text, x: u.x } } : {}) };
    } else {
      chunk.lines.push(u);
    }
    prev = u;
  }
  if (chunk) emitChunk(chunk, true);

  const levels = headingLevels(candidates);
  for (const [index, level] of levels) raw[index] = { ...raw[index]!, level };
  const blocks = withHeadingPaths(withoutGrilleBlocks(raw) ?? raw);
  const documentTitle = blocks.find((b) => b.type === 'heading' && b.level === 1)?.text;
  return { document: { ...(documentTitle ? { title: documentTitle } : {}), blocks }, tocLines };
}

