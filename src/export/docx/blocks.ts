import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  HeightRule,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import { flattenText, inlineChildren } from './inline';
import { BORDER_COLOR, BULLETS, HEADER_FILL, listLevels, NUMBERS, STYLE, TEXT_WIDTH } from './styles';

/**
 * Word paragraphs and tables from the editor's blocks (serialised Lexical nodes, read defensively: stored content
 * is input). Headings never skip a level (an `h3` right under the section's title becomes Titre 2); lists use real
 * Word numbering, each numbered list starting again at its own first value; a table's header rows repeat on each
 * page; empty paragraphs (spacing typed by hand) are left out.
 */

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

const ALIGNMENTS: Record<string, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  start: AlignmentType.START,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  end: AlignmentType.END,
  justify: AlignmentType.JUSTIFIED,
};

interface Loose {
  type?: unknown;
  tag?: unknown;
  children?: unknown;
  format?: unknown;
  indent?: unknown;
  listType?: unknown;
  start?: unknown;
  colSpan?: unknown;
  rowSpan?: unknown;
  headerState?: unknown;
}

const kids = (node: Loose): Loose[] => (Array.isArray(node.children) ? (node.children as unknown[]).filter((c): c is Loose => !!c && typeof c === 'object') : []);
const typeOf = (node: Loose): string => (typeof node.type === 'string' ? node.type : '');
const hasText = (children: ParagraphChild[]): boolean => children.length > 0;

/** Header state bit of a cell in a header row (Lexical's TableCellHeaderStates.ROW). */
const ROW_HEADER = 1;
/** Height of a row of the signature table, room to sign: 2 cm. */
const SIGNATURE_ROW_HEIGHT = 1134;
/** Institution, représentée par, signature. */
const SIGNATURE_WIDTHS = [0.36, 0.36, 0.28];

export interface TableOptions {
  /**
   * Signature tables (a header row naming a « Signature » column) get rows tall enough to sign in, and wider
   * columns for the institution and its representative.
   */
  signature?: boolean;
  /** Share of the text width of each column (sums to 1); equal columns otherwise. */
  widths?: number[];
}

/** A table's first row names a « Signature » column. */
export function isSignatureHeader(row: unknown): boolean {
  if (!row || typeof row !== 'object') return false;
  return kids(row as Loose).some((cell) => /^\s*signatures?\b/i.test(flattenText(kids(cell).flatMap(kids))));
}

/** Column widths in twips: the given shares of the text width (portrait unless told), or equal columns. */
export function columnWidths(count: number, shares?: number[], textWidth: number = TEXT_WIDTH): number[] {
  const parts = shares && shares.length === count ? shares : Array.from({ length: count }, () => 1 / count);
  return parts.map((p) => Math.floor(textWidth * p));
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: BORDER_COLOR };

/** A table with the document's table style, its borders written out too, and its header rows repeated. */
export function styledTable(rows: TableRow[], widths: number[]): Table {
  return new Table({
    rows,
    style: STYLE.table,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder, insideHorizontal: cellBorder, insideVertical: cellBorder },
    tableLook: { firstRow: true, lastRow: false },
  });
}

/** A cell of text paragraphs; header cells are tinted and bold. */
export function textCell(
  paragraphs: ParagraphChild[][],
  options: { header?: boolean; columnSpan?: number; rowSpan?: number; fill?: string; keepNext?: boolean } = {},
): TableCell {
  // « Keep with next » on a row's paragraphs keeps the row on the page of the row after it.
  const keep = options.keepNext ? { keepNext: true } : {};
  const children = (paragraphs.length > 0 ? paragraphs : [[]]).map((runs) => new Paragraph({ style: STYLE.tableText, children: runs, ...keep }));
  return new TableCell({
    children,
    verticalAlign: VerticalAlignTable.TOP,
    ...(options.header || options.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.fill ?? HEADER_FILL } } : {}),
    ...(options.columnSpan && options.columnSpan > 1 ? { columnSpan: options.columnSpan } : {}),
    ...(options.rowSpan && options.rowSpan > 1 ? { rowSpan: options.rowSpan } : {}),
  });
}

/** Writes the blocks of one document; holds what carries from block to block (heading level, list numbering). */
export class BlockWriter {
  private lastHeading = 1;
  private lists = 0;

  /** The title of a section: Titre 1. */
  sectionTitle(title: string, options: { pageBreakBefore?: boolean } = {}): Paragraph {
    this.lastHeading = 1;
    return new Paragraph({ heading: HeadingLevel.HEADING_1, children: inlineChildren([{ type: 'text', text: title }]), ...options });
  }

  /** The blocks of a section, after its title. */
  blocks(nodes: readonly unknown[], table: TableOptions = {}): FileChild[] {
    const out: FileChild[] = [];
    let afterTable = false;
    for (const raw of nodes) {
      if (!raw || typeof raw !== 'object') continue;
      const node = raw as Loose;
      const type = typeOf(node);
      if (type === 'heading') this.heading(node, out);
      else if (type === 'list') this.list(node, 0, out);
      else if (type === 'table') out.push(this.table(node, table));
      else this.paragraph(node, out, afterTable);
      afterTable = type === 'table';
    }
    return out;
  }

  private heading(node: Loose, out: FileChild[]): void {
    const children = inlineChildren(node.children);
    if (!flattenText(node.children).trim()) return;
    const wanted = Number(/^h([1-6])$/.exec(typeof node.tag === 'string' ? node.tag : '')?.[1] ?? 2);
    const level = Math.max(2, Math.min(wanted, this.lastHeading + 1));
    this.lastHeading = level;
    out.push(new Paragraph({ heading: HEADINGS[level - 1]!, children }));
  }

  /** A paragraph; right after a table it keeps some space from it (Word puts none). */
  private paragraph(node: Loose, out: FileChild[], afterTable = false): void {
    const children = inlineChildren(node.children);
    if (!hasText(children)) return;
    const alignment = typeof node.format === 'string' ? ALIGNMENTS[node.format] : undefined;
    const indent = typeof node.indent === 'number' && node.indent > 0 ? { left: 709 * Math.min(node.indent, 8) } : undefined;
    out.push(new Paragraph({ children, ...(afterTable ? { spacing: { before: 200 } } : {}), ...(alignment ? { alignment } : {}), ...(indent ? { indent } : {}) }));
  }

  private list(node: Loose, depth: number, out: FileChild[]): void {
    const numbered = node.listType === 'number' || node.tag === 'ol';
    const start = typeof node.start === 'number' && Number.isInteger(node.start) && node.start > 0 ? node.start : 1;
    const instance = ++this.lists;
    const reference = !numbered ? BULLETS : start === 1 ? NUMBERS : { reference: `${NUMBERS}-${start}`, levels: listLevels('number', start) };
    const level = Math.min(depth, 8);
    for (const item of kids(node)) {
      const inline = kids(item).filter((k) => typeOf(k) !== 'list');
      const children = inlineChildren(inline);
      if (hasText(children)) out.push(new Paragraph({ children, numbering: { reference, level, instance } }));
      for (const nested of kids(item)) if (typeOf(nested) === 'list') this.list(nested, depth + 1, out);
    }
  }

  /** The paragraphs of a table cell: its blocks, headings as bold text, lists as text lines. */
  private cellParagraphs(cell: Loose, header: boolean): ParagraphChild[][] {
    const paragraphs: ParagraphChild[][] = [];
    const walk = (node: Loose): void => {
      const type = typeOf(node);
      if (type === 'list' || type === 'listitem' || type === 'table' || type === 'tablerow') kids(node).forEach(walk);
      else {
        const runs = inlineChildren(node.children, header || type === 'heading' ? { bold: true } : {});
        if (runs.length > 0) paragraphs.push(runs);
      }
    };
    kids(cell).forEach(walk);
    return paragraphs;
  }

  private table(node: Loose, options: TableOptions): Table {
    const rows = kids(node);
    let headerRows = 0;
    while (headerRows < rows.length && kids(rows[headerRows]!).length > 0 && kids(rows[headerRows]!).every((c) => typeof c.headerState === 'number' && (c.headerState & ROW_HEADER) !== 0)) headerRows++;
    const span = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) && v > 1 ? Math.min(v, 63) : 1);
    const columns = Math.max(1, ...rows.map((r) => kids(r).reduce((n, c) => n + span(c.colSpan), 0)));
    const signature = options.signature === true && headerRows > 0 && isSignatureHeader(rows[0]);
    const tableRows = rows.map((row, r) => {
      const header = r < headerRows;
      const cells = kids(row).map((cell) => {
        const isHeader = header || (typeof cell.headerState === 'number' && cell.headerState !== 0);
        return textCell(this.cellParagraphs(cell, isHeader), { header: isHeader, columnSpan: span(cell.colSpan), rowSpan: span(cell.rowSpan) });
      });
      if (cells.length === 0) cells.push(textCell([]));
      const tall = signature && !header;
      return new TableRow({
        children: cells,
        cantSplit: true,
        ...(header ? { tableHeader: true } : {}),
        ...(tall ? { height: { value: SIGNATURE_ROW_HEIGHT, rule: HeightRule.ATLEAST } } : {}),
      });
    });
    const widths = options.widths ?? (signature && columns === 3 ? SIGNATURE_WIDTHS : undefined);
    return styledTable(tableRows, columnWidths(columns, widths));
  }
}
