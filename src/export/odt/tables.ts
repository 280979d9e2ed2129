import type { SerializedTableCellNode, SerializedTableNode } from '../../template/lexicalNodes';
import type { AutoStyles } from './autoStyles';
import { attrs, escapeAttr } from './xml';

/**
 * Lexical tables as ODF tables. Lexical lists only the cells that exist; ODF wants the grid, with a
 * `covered-table-cell` wherever a spanning cell reaches. A first row of header cells becomes
 * `table:table-header-rows`, which LibreOffice and Word repeat at the top of every page.
 */

/** Lexical's TableCellHeaderStates.ROW: the cell belongs to a header row. */
const ROW_HEADER = 1;
const MAX_SPAN = 64;

export interface TableOptions {
  /** Relative column widths (default: equal). */
  widths?: number[];
  /** Style of the body rows (e.g. tall rows for signatures). */
  bodyRowStyle?: string;
  /** 9 pt text, for dense tables (the grille). */
  small?: boolean;
}

/** What the table writer needs from the body writer: the XML of a cell's content. */
export type CellContent = (cell: SerializedTableCellNode, header: boolean) => string;

interface Placed {
  cell: SerializedTableCellNode;
  col: number;
  colSpan: number;
  rowSpan: number;
}

const span = (n: unknown): number => (typeof n === 'number' && Number.isFinite(n) ? Math.min(MAX_SPAN, Math.max(1, Math.floor(n))) : 1);

/** Where each cell sits in the grid, and how many columns the grid has. */
function layout(node: SerializedTableNode): { rows: Placed[][]; taken: Set<string>; columns: number } {
  const taken = new Set<string>();
  let columns = 0;
  const rowCount = node.children.length;
  const rows = node.children.map((row, r) => {
    const placed: Placed[] = [];
    let col = 0;
    for (const cell of row.children ?? []) {
      while (taken.has(`${r},${col}`)) col++;
      const colSpan = span(cell.colSpan);
      const rowSpan = Math.min(span(cell.rowSpan), rowCount - r);
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) taken.add(`${r + dr},${col + dc}`);
      placed.push({ cell, col, colSpan, rowSpan });
      col += colSpan;
      columns = Math.max(columns, col);
    }
    return placed;
  });
  return { rows, taken, columns };
}

/** True when the first row is a header row that can be repeated (all header cells, none reaching below). */
export function hasHeaderRow(node: SerializedTableNode): boolean {
  const first = node.children[0]?.children ?? [];
  return first.length > 0 && first.every((c) => (c.headerState & ROW_HEADER) !== 0 && span(c.rowSpan) === 1) && node.children.length > 1;
}

export function tableXml(node: SerializedTableNode, name: string, styles: AutoStyles, content: CellContent, options: TableOptions = {}): string {
  const { rows, taken, columns } = layout(node);
  if (columns === 0) return '';
  const widths = options.widths && options.widths.length === columns ? options.widths : Array.from({ length: columns }, () => 1);
  const style = styles.table(widths);
  const header = hasHeaderRow(node);
  const rowXml = (placed: Placed[], r: number): string => {
    const isHeader = header && r === 0;
    const byCol = new Map(placed.map((p) => [p.col, p]));
    let cells = '';
    for (let col = 0; col < columns; ) {
      const p = byCol.get(col);
      if (p) {
        const head = isHeader || p.cell.headerState !== 0;
        cells +=
          `<table:table-cell${attrs({
            'table:style-name': head ? 'CellHead' : 'Cell',
            'office:value-type': 'string',
            'table:number-columns-spanned': p.colSpan > 1 ? p.colSpan : undefined,
            'table:number-rows-spanned': p.rowSpan > 1 ? p.rowSpan : undefined,
          })}>${content(p.cell, head)}</table:table-cell>` + '<table:covered-table-cell/>'.repeat(Math.min(p.colSpan, columns - col) - 1);
        col += p.colSpan;
      } else {
        cells += taken.has(`${r},${col}`) ? '<table:covered-table-cell/>' : `<table:table-cell table:style-name="Cell" office:value-type="string"><text:p text:style-name="${options.small ? 'P_Small' : 'Table_20_Contents'}"/></table:table-cell>`;
        col++;
      }
    }
    const rowStyle = isHeader ? 'RowKeep' : (options.bodyRowStyle ?? 'RowKeep');
    return `<table:table-row table:style-name="${rowStyle}">${cells}</table:table-row>`;
  };
  const columnsXml = style.columns.map((c) => `<table:table-column table:style-name="${c}"/>`).join('');
  const body = rows.map(rowXml);
  const inner = header ? `<table:table-header-rows>${body[0]}</table:table-header-rows>${body.slice(1).join('')}` : body.join('');
  return `<table:table table:name="${escapeAttr(name)}" table:style-name="${style.table}">${columnsXml}${inner}</table:table>`;
}
