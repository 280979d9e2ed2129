import { isPageNumber } from './pdfText';

/**
 * The geometry of the PDF reader: text items (what pdfjs gives for a page) become lines, table rows come out of
 * the order the items are drawn in, and running headers and footers are dropped. Pure: no pdfjs here, so it is
 * tested with hand-made items.
 */

/** One text item of a page, in the order the page draws it. `y` is the baseline, from the bottom of the page. */
export interface PdfItem {
  text: string;
  x: number;
  y: number;
  /** Advance width of the text, in points. */
  width: number;
  /** Font size in points. */
  size: number;
  bold: boolean;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  height: number;
  items: PdfItem[];
}

/** Text drawn on one baseline without a wide gap: a line, or one cell's line in a table. */
export interface Fragment {
  text: string;
  x: number;
  xEnd: number;
  y: number;
  size: number;
  bold: boolean;
}

export interface TableCellUnit {
  x: number;
  /** The cell's lines, top to bottom. */
  lines: Fragment[];
}

/** What a page is read into: lines of running text, and table rows (two cells or more side by side). */
export type Unit = ({ kind: 'line'; page: number } & Fragment) | { kind: 'row'; page: number; y: number; cells: TableCellUnit[] };

/** Gap between two items, in font sizes, beyond which they are two cells rather than two words. */
const CELL_GAP = 1.8;
/** The same after a blank item, which pdfjs adds where the text jumps rather than flows. */
const JUMP_GAP = 0.9;
/** The gap after a list marker (« • », « – », « a) », « 1. »): its tab stop. */
const MARKER_GAP = 6;
const MARKER_ONLY = /^(?:[•◦▪▫■□●○‣⁃∙·\-–—*➢➤►✓✔]|\(?[a-z]\)|\d{1,3}[.)]|[ivx]{1,4}[.)])$/u;

function isRotated(t: readonly number[]): boolean {
  return Math.abs(t[1] ?? 0) > 0.01 * Math.abs(t[0] ?? 1) || Math.abs(t[2] ?? 0) > 0.01 * Math.abs(t[3] ?? 1) || (t[0] ?? 0) <= 0;
}

/** A pdfjs text item's geometry from its transform; undefined for rotated or mirrored text (margin notes, stamps). */
export function itemFromTransform(text: string, transform: readonly number[], width: number, bold: boolean): PdfItem | undefined {
  if (isRotated(transform)) return undefined;
  const size = Math.abs(transform[3] ?? 0) || Math.abs(transform[0] ?? 0);
  if (!(size > 0)) return undefined;
  return { text, x: transform[4] ?? 0, y: transform[5] ?? 0, width, size, bold };
}

interface Builder {
  parts: { text: string; size: number; bold: boolean }[];
  x: number;
  xEnd: number;
  y: number;
  size: number;
  spaceAfter: boolean;
}

function finish(b: Builder): Fragment | undefined {
  const text = b.parts.map((p) => p.text).join('').replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  // The line's size and weight are those of most of its characters.
  const bySize = new Map<number, number>();
  let boldChars = 0;
  let chars = 0;
  for (const p of b.parts) {
    const n = p.text.replace(/\s/g, '').length;
    bySize.set(p.size, (bySize.get(p.size) ?? 0) + n);
    if (p.bold) boldChars += n;
    chars += n;
  }
  const size = [...bySize].sort((a, c) => c[1] - a[1])[0]?.[0] ?? b.size;
  return { text, x: b.x, xEnd: b.xEnd, y: b.y, size, bold: chars > 0 && boldChars >= chars * 0.8 };
}

/**
 * Joins the items drawn one after the other on one baseline into fragments. Blank items only mark a space:
 * pdfjs stretches them over the gap between two table cells, so their width is not counted. A superscript
 * (« 1er ») stays in its line.
 */
export function fragmentsOf(items: readonly PdfItem[]): Fragment[] {
  const out: Fragment[] = [];
  let cur: Builder | undefined;
  const close = (): void => {
    const f = cur && finish(cur);
    if (f) out.push(f);
    cur = undefined;
  };
  for (const item of items) {
    if (item.text === '') continue;
    const blank = item.text.trim() === '';
    if (blank) {
      if (cur) cur.spaceAfter = true;
      continue;
    }
    if (cur) {
      const size = Math.max(cur.size, item.size);
      const sameLine = Math.abs(item.y - cur.y) <= 0.45 * size;
      const gap = item.x - cur.xEnd;
      // pdfjs marks a jump in position with a blank item: past a word space, that is the gap between two cells.
      // A list marker is followed by a tab stop, however wide.
      const limit = MARKER_ONLY.test(cur.parts.map((p) => p.text).join('').trim()) ? MARKER_GAP : cur.spaceAfter ? JUMP_GAP : CELL_GAP;
      if (sameLine && gap >= -0.5 * size && gap <= limit * size) {
        const space = cur.spaceAfter || (gap > 0.12 * size && !/^\s/.test(item.text) && !/\s$/.test(cur.parts.at(-1)?.text ?? ''));
        cur.parts.push({ text: (space ? ' ' : '') + item.text, size: item.size, bold: item.bold });
        cur.xEnd = Math.max(cur.xEnd, item.x + item.width);
        if (item.size > cur.size) {
          cur.size = item.size;
          cur.y = item.y;
        }
        cur.spaceAfter = false;
        continue;
      }
      close();
    }
    cur = { parts: [{ text: item.text, size: item.size, bold: item.bold }], x: item.x, xEnd: item.x + item.width, y: item.y, size: item.size, spaceAfter: false };
  }
  close();
  return out;
}

interface Cell {
  x: number;
  lines: Fragment[];
}

/**
 * Reads a page's fragments into lines and table rows, from the order they are drawn in: word processors draw a
 * table cell by cell, each cell's lines top to bottom, so a fragment that jumps back up to the top of the row,
 * further right, starts the next cell; one on the same baseline past a wide gap too. A fragment that goes
 * down and back left of the current cell ends the row.
 */
export function unitsOf(fragments: readonly Fragment[], page: number): Unit[] {
  const units: Unit[] = [];
  let cells: Cell[] = [];
  const flushLines = (lines: Fragment[]): void => {
    for (const f of lines) units.push({ kind: 'line', page, ...f });
  };
  const flush = (): void => {
    if (cells.length >= 2) {
      units.push({ kind: 'row', page, y: Math.max(...cells.map((c) => c.lines[0]!.y)), cells: cells.map((c) => ({ x: c.x, lines: c.lines })) });
    } else if (cells.length === 1) flushLines(cells[0]!.lines);
    cells = [];
  };
  /** Starts a new cell whose top is `top`: lines of a lone first cell drawn above that are running text. */
  const newCell = (f: Fragment): void => {
    if (cells.length === 1) {
      const first = cells[0]!;
      const tol = 0.5 * f.size;
      const above = first.lines.filter((l) => l.y > f.y + tol);
      if (above.length > 0) {
        flushLines(above);
        first.lines = first.lines.filter((l) => l.y <= f.y + tol);
        first.x = Math.min(...first.lines.map((l) => l.x));
      }
    }
    cells.push({ x: f.x, lines: [f] });
  };
  let prev: Fragment | undefined;
  for (const f of fragments) {
    const cur = cells.at(-1);
    if (!prev || !cur) {
      cells = [{ x: f.x, lines: [f] }];
      prev = f;
      continue;
    }
    const tol = 0.5 * Math.max(f.size, prev.size);
    const top = cells.length > 1 ? cells[0]!.lines[0]!.y : cur.lines.find((l) => Math.abs(l.y - f.y) <= tol)?.y;
    if (Math.abs(f.y - prev.y) <= tol && f.x > prev.xEnd) {
      newCell(f); // same baseline, past a wide gap
    } else if (f.y > prev.y + tol && f.x > cur.x + tol && top !== undefined && Math.abs(f.y - top) <= tol * 2) {
      newCell(f); // back up to the top of the row, further right
    } else if (f.y < prev.y - tol && f.x >= cur.x - tol && (cells.length === 1 || f.y > prev.y - 4 * f.size)) {
      cur.lines.push(f); // the next line of the same cell (or of running text)
    } else {
      flush();
      cells = [{ x: f.x, lines: [f] }];
    }
    prev = f;
  }
  flush();
  return units;
}

/** How much of the page, from the top and from the bottom, headers and footers are looked for in. */
const BAND = 0.12;

/** Headers and footers are told by their text (numbers aside) and their band: pages can differ in height (landscape). */
const runningKey = (f: Fragment, height: number): string => `${f.y > height / 2 ? 'haut' : 'bas'}|${f.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ')}`;

/**
 * Drops running headers and footers (the same text, numbers aside, on at least half the pages, in the top or
 * bottom eighth of the page) and page numbers (a number alone, « Page 3 sur 40 »,
 * « - 3 - », as the first or last line of a page within those bands).
 */
export function dropRunningText(pages: readonly { number: number; height: number; fragments: Fragment[] }[]): Fragment[][] {
  const inBand = (f: Fragment, height: number): boolean => f.y > height * (1 - BAND) || f.y < height * BAND;
  const counts = new Map<string, number>();
  for (const page of pages) {
    const keys = new Set(page.fragments.filter((f) => inBand(f, page.height)).map((f) => runningKey(f, page.height)));
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const minPages = Math.max(2, Math.ceil(pages.length * 0.5));
  return pages.map((page) => {
    const band = page.fragments.filter((f) => inBand(f, page.height));
    const highest = Math.max(...page.fragments.map((f) => f.y));
    const lowest = Math.min(...page.fragments.map((f) => f.y));
    return page.fragments.filter((f) => {
      if (!band.includes(f)) return true;
      if (pages.length >= 2 && (counts.get(runningKey(f, page.height)) ?? 0) >= minPages) return false;
      return !(isPageNumber(f.text) && (f.y === highest || f.y === lowest));
    });
  });
}
