import { PLACEHOLDER_PATTERN, withHeadingPaths, type Block } from '../document/model';
import { elements, type XmlElement, type XmlNode } from './xml';

/**
 * Walks the body of an OpenDocument text into the document model: headings (`text:h` with their outline
 * level, or paragraphs in a heading style), paragraphs, nested list items, table cells with table/row/col,
 * text frames and notes as paragraphs. Tables of contents and other indexes, tracked deletions, comments and
 * the grille annex Pilier generates are skipped. Each `text:section` is recorded with the blocks it holds.
 */

type RawBlock = Omit<Block, 'headingPath'>;

export interface OdtSection {
  /** The section's name as written (`pilier:FEM-1a,INT-1f`, `pilier:CAD-GOV-DC#2`, `Section1`). */
  name: string;
  /** Requirement ids carried by a name `pilier:<ids>` (empty for other sections). */
  requirements: string[];
  /** Ids of the blocks inside, nested sections included. */
  blockIds: string[];
}

/** What a paragraph style says about headings: its outline level, or 1 for the document title. */
export type StyleLevels = (styleName: string | undefined) => number | undefined;

const SECTION_PREFIX = 'pilier:';
const SKIPPED_SECTIONS = new Set(['pilier-grille']);
const SKIPPED = new Set([
  'text:table-of-content', 'text:alphabetical-index', 'text:illustration-index', 'text:table-index', 'text:object-index',
  'text:user-index', 'text:bibliography', 'text:tracked-changes', 'office:annotation', 'office:annotation-end',
  'text:sequence-decls', 'text:variable-decls', 'text:user-field-decls', 'text:dde-connection-decls', 'office:forms',
  'text:note-citation', 'table:table-columns', 'table:table-column', 'table:table-column-group', 'table:table-header-columns',
]);
/** Repeated rows and cells beyond this are read once (a spreadsheet-like table, or a bomb). */
const MAX_REPEAT = 64;

const collapse = (s: string): string => s.replace(/[ \t\r\n]+/g, ' ');

function cleanText(raw: string): string {
  return raw
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

function hasText(el: XmlElement): boolean {
  return el.children.some((c) => (typeof c === 'string' ? c.trim() !== '' : hasText(c)));
}

const repeat = (el: XmlElement, attr: string): number => {
  const n = parseInt(el.attrs[attr] ?? '1', 10);
  return Number.isFinite(n) && n > 1 ? n : 1;
};

export class OdtBodyReader {
  readonly blocks: RawBlock[] = [];
  readonly sections: OdtSection[] = [];
  skippedGrille = false;
  private counter = 0;
  private tables = 0;
  /** Notes and frames met inside a paragraph, read after it. */
  private pending: XmlElement[] = [];

  constructor(private readonly levelOf: StyleLevels) {}

  private push(block: Omit<RawBlock, 'id'>, id?: string): void {
    const b: RawBlock = { ...block, id: id ?? `b${this.counter++}` };
    if (b.type !== 'heading' && b.text.trim() && b.text.replace(PLACEHOLDER_PATTERN, '').trim() === '') b.placeholder = true;
    this.blocks.push(b);
  }

  /** The text of a paragraph's content; notes and frames are set aside for after it. */
  private inline(nodes: XmlNode[]): string {
    let out = '';
    for (const node of nodes) {
      if (typeof node === 'string') {
        out += collapse(node);
        continue;
      }
      switch (node.name) {
        case 'text:s':
          out += ' '.repeat(Math.min(repeat(node, 'text:c'), 100));
          break;
        case 'text:tab':
          out += '\t';
          break;
        case 'text:line-break':
          out += '\n';
          break;
        case 'text:note':
          this.pending.push(...elements(node, 'text:note-body'));
          break;
        case 'draw:frame':
        case 'draw:custom-shape':
        case 'draw:a':
          this.pending.push(node);
          break;
        case 'text:ruby':
          out += this.inline(elements(node, 'text:ruby-base').flatMap((b) => b.children));
          break;
        default:
          if (!SKIPPED.has(node.name) && !node.name.startsWith('text:bookmark') && !node.name.startsWith('text:reference-mark')) out += this.inline(node.children);
      }
    }
    return out;
  }

  private flushPending(): void {
    const pending = this.pending;
    this.pending = [];
    for (const el of pending) this.flow(el.name === 'text:note-body' ? el.children : elements(el).flatMap((c) => (c.name === 'draw:text-box' ? c.children : [])));
  }

  private textBlock(el: XmlElement, extra: Partial<RawBlock> = {}): void {
    const text = cleanText(this.inline(el.children));
    const style = el.attrs['text:style-name'];
    const level = el.name === 'text:h' ? Number(el.attrs['text:outline-level']) || this.levelOf(style) || 1 : this.levelOf(style);
    if (text) {
      if (level) this.push({ type: 'heading', level: Math.min(10, Math.max(1, level)), text });
      else this.push({ type: extra.type ?? 'paragraph', text, ...extra });
    }
    this.flushPending();
  }

  /** Body-level content: paragraphs, headings, lists, tables, sections, and whatever groups them. */
  flow(nodes: XmlNode[]): void {
    for (const node of nodes) {
      if (typeof node === 'string' || SKIPPED.has(node.name)) continue;
      switch (node.name) {
        case 'text:p':
        case 'text:h':
          this.textBlock(node);
          break;
        case 'text:list':
          this.list(node, 0);
          break;
        case 'text:numbered-paragraph':
          for (const p of elements(node)) if (p.name === 'text:p' || p.name === 'text:h') this.textBlock(p, { type: 'listItem', listDepth: Math.max(0, (Number(node.attrs['text:level']) || 1) - 1) });
          break;
        case 'table:table':
          this.table(node);
          break;
        case 'text:section':
          this.section(node);
          break;
        default:
          this.flow(node.children);
      }
    }
  }

  private section(el: XmlElement): void {
    const name = el.attrs['text:name'] ?? '';
    if (SKIPPED_SECTIONS.has(name)) {
      this.skippedGrille = true;
      return;
    }
    const start = this.blocks.length;
    this.flow(el.children);
    const requirements = name.startsWith(SECTION_PREFIX) ? name.slice(SECTION_PREFIX.length).replace(/#\d+$/, '').split(',').map((s) => s.trim()).filter(Boolean) : [];
    this.sections.push({ name, requirements, blockIds: this.blocks.slice(start).map((b) => b.id) });
  }

  private list(el: XmlElement, depth: number): void {
    for (const item of elements(el)) {
      if (item.name !== 'text:list-item' && item.name !== 'text:list-header') continue;
      let lines: string[] = [];
      const flush = (): void => {
        const text = cleanText(lines.join('\n'));
        lines = [];
        if (text) this.push({ type: 'listItem', text, listDepth: depth });
        this.flushPending();
      };
      for (const child of elements(item)) {
        if (child.name === 'text:p') lines.push(this.inline(child.children));
        else if (child.name === 'text:list') {
          flush();
          this.list(child, depth + 1);
        } else {
          // A numbered heading kept in a list, a table or a section inside an item.
          flush();
          this.flow([child]);
        }
      }
      flush();
    }
  }

  private rowsOf(el: XmlElement): XmlElement[] {
    return elements(el).flatMap((c) => (c.name === 'table:table-row' ? [c] : /^table:table-(header-)?rows$|^table:table-row-group$/.test(c.name) ? this.rowsOf(c) : []));
  }

  /** The text of a cell's paragraphs and lists; its nested tables are read after it, as tables of their own. */
  private cellText(cell: XmlElement, nested: XmlElement[]): string {
    const parts: string[] = [];
    const walk = (nodes: XmlElement[]): void => {
      for (const c of nodes) {
        if (c.name === 'text:p' || c.name === 'text:h') parts.push(this.inline(c.children));
        else if (c.name === 'table:table') nested.push(c);
        else if (!SKIPPED.has(c.name)) walk(elements(c));
      }
    };
    walk(elements(cell));
    return cleanText(parts.join('\n'));
  }

  private table(el: XmlElement): void {
    const rows = this.rowsOf(el);
    const cells = rows.flatMap((r) => elements(r, 'table:table-cell'));
    if (rows.length === 1 && cells.length === 1 && repeat(cells[0]!, 'table:number-columns-repeated') === 1) {
      this.flow(cells[0]!.children); // a frame around ordinary text
      return;
    }
    const tableId = `t${this.tables++}`;
    let r = 0;
    for (const row of rows) {
      const rowCells = elements(row).filter((c) => c.name === 'table:table-cell' || c.name === 'table:covered-table-cell');
      const times = repeat(row, 'table:number-rows-repeated');
      const copies = times > 1 && !hasText(row) ? 1 : Math.min(times, MAX_REPEAT);
      for (let k = 0; k < copies; k++, r++) {
        let col = 0;
        for (const cell of rowCells) {
          const n = repeat(cell, 'table:number-columns-repeated');
          if (cell.name === 'table:covered-table-cell') {
            col += Math.min(n, 1024);
            continue;
          }
          const nested: XmlElement[] = [];
          const text = this.cellText(cell, nested);
          for (let j = 0; j < (text || n === 1 ? Math.min(n, MAX_REPEAT) : 0); j++) this.push({ type: 'tableCell', text, table: { id: tableId, row: r, col: col + j } }, `${tableId}r${r}c${col + j}`);
          this.flushPending();
          for (const t of nested) this.table(t);
          col += Math.min(n, 1024);
        }
      }
      r += times - copies;
    }
  }

  result(): Block[] {
    return withHeadingPaths(this.blocks);
  }
}
