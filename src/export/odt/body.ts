import {
  inlineNodes,
  PLACEHOLDER_NODE_TYPE,
  type SerializedBlockNode,
  type SerializedInlineNode,
  type SerializedListNode,
  type SerializedTableCellNode,
  type SerializedTableNode,
} from '../../template/lexicalNodes';
import { AutoStyles } from './autoStyles';
import { tableXml, type TableOptions } from './tables';
import { escapeAttr, odfText } from './xml';

/**
 * Writes Lexical block nodes as the body of content.xml, and remembers what the rest of the document needs:
 * the automatic styles it used and the headings for the table of contents (each heading carries a bookmark
 * the contents entry links to and takes its page number from).
 */

export interface TocEntry {
  level: number;
  /** « 2.1 » when headings are numbered, else empty. */
  number: string;
  text: string;
  bookmark: string;
}

/** Deepest heading level listed in the table of contents. */
export const TOC_LEVELS = 3;
const MAX_HEADING = 6;
const SAFE_URL = /^(?:https?:\/\/|mailto:)/i;

type Node = SerializedBlockNode | SerializedInlineNode | { type: string; children?: unknown; text?: unknown };

/** Plain text of inline nodes (line breaks as spaces), for the table of contents. */
export function plainText(nodes: readonly SerializedInlineNode[]): string {
  return nodes
    .map((n) => (n.type === 'link' ? plainText(n.children) : n.type === 'linebreak' ? ' ' : n.text))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

export class OdtBody {
  readonly styles = new AutoStyles();
  readonly toc: TocEntry[] = [];
  private readonly counters = [0, 0, 0, 0];
  private tables = 0;
  private bookmarks = 0;

  constructor(private readonly numbered: boolean) {}

  /** Inline content: formatted spans, placeholders highlighted, safe links, line breaks. */
  inline(nodes: readonly SerializedInlineNode[]): string {
    let out = '';
    for (const node of nodes) {
      switch (node.type) {
        case 'text': {
          const text = odfText(node.text);
          const style = this.styles.text(node.format);
          out += style ? `<text:span text:style-name="${style}">${text}</text:span>` : text;
          break;
        }
        case 'linebreak':
          out += '<text:line-break/>';
          break;
        case PLACEHOLDER_NODE_TYPE:
          out += `<text:span text:style-name="Placeholder">${odfText(node.text)}</text:span>`;
          break;
        case 'link': {
          const inner = this.inline(node.children ?? []);
          out += SAFE_URL.test(node.url)
            ? `<text:a xlink:type="simple" xlink:href="${escapeAttr(node.url)}" text:style-name="Internet_20_link" text:visited-style-name="Internet_20_link">${inner}</text:a>`
            : inner;
          break;
        }
        default: {
          // Anything else the editor may hold (a tab, a future inline node): its text, if it has one.
          const other = node as { type: string; text?: unknown };
          if (other.type === 'tab') out += '<text:tab/>';
          else if (typeof other.text === 'string') out += odfText(other.text);
        }
      }
    }
    return out;
  }

  /**
   * A heading at an outline level (1 = a section's title), bookmarked and listed in the contents up to level 3.
   * `numbered: false` leaves it out of the outline numbering (an annex).
   */
  heading(level: number, content: readonly SerializedInlineNode[], numbered = true): string {
    const l = Math.min(MAX_HEADING, Math.max(1, Math.floor(level)));
    let number = '';
    if (l <= TOC_LEVELS && numbered) {
      this.counters[l]!++;
      for (let k = l + 1; k <= TOC_LEVELS; k++) this.counters[k] = 0;
      if (this.numbered) number = this.counters.slice(1, l + 1).join('.') + (l === 1 ? '.' : '');
    }
    const bookmark = `__RefHeading___Toc${++this.bookmarks}_pilier`;
    const text = plainText(content);
    if (l <= TOC_LEVELS && text) this.toc.push({ level: l, number, text, bookmark });
    return (
      `<text:h text:style-name="Heading_20_${l}" text:outline-level="${l}"${numbered ? '' : ' text:is-list-header="true"'}>` +
      `<text:bookmark-start text:name="${bookmark}"/>${this.inline(content)}<text:bookmark-end text:name="${bookmark}"/></text:h>`
    );
  }

  paragraph(content: readonly SerializedInlineNode[], style = 'Text_20_body'): string {
    const inner = this.inline(content);
    return inner ? `<text:p text:style-name="${style}">${inner}</text:p>` : `<text:p text:style-name="${style}"/>`;
  }

  list(node: SerializedListNode): string {
    const style = node.listType === 'number' ? 'Pilier_20_Numbers' : 'Pilier_20_Bullets';
    const items: string[] = [];
    for (const item of node.children ?? []) {
      const kids = (item.children ?? []) as Node[];
      const nested = kids.filter((k): k is SerializedListNode => k.type === 'list').map((k) => this.list(k));
      const inline = kids.filter((k) => k.type !== 'list') as SerializedInlineNode[];
      if (inline.length === 0 && nested.length > 0 && items.length > 0) {
        // Lexical keeps a nested list in an item of its own: ODF nests it in the item above.
        items[items.length - 1] += nested.join('');
        continue;
      }
      const first = items.length === 0 && node.listType === 'number' && node.start > 1 ? ` text:start-value="${Math.floor(node.start)}"` : '';
      items.push(`<text:list-item${first}>${inline.length > 0 || nested.length === 0 ? this.paragraph(inline, 'List') : ''}${nested.join('')}`);
    }
    return `<text:list text:style-name="${style}">${items.map((i) => `${i}</text:list-item>`).join('')}</text:list>`;
  }

  /** A table; `name` must be unique in the document (default « Tableau n »). */
  table(node: SerializedTableNode, options: TableOptions = {}, name?: string): string {
    this.tables++;
    const isSignature = signatureTable(node);
    const merged: TableOptions = isSignature ? { widths: [38, 34, 28], bodyRowStyle: 'RowSignature', ...options } : options;
    return tableXml(node, name ?? `Tableau${this.tables}`, this.styles, (cell, header) => this.cell(cell, header, merged.small === true), merged);
  }

  private cell(cell: SerializedTableCellNode, header: boolean, small: boolean): string {
    const style = small ? (header ? 'P_SmallHead' : 'P_Small') : header ? 'Table_20_Heading' : 'Table_20_Contents';
    const kids = (cell.children ?? []) as Node[];
    if (kids.length === 0) return `<text:p text:style-name="${style}"/>`;
    return kids.map((k) => (k.type === 'paragraph' ? this.paragraph((k as { children: SerializedInlineNode[] }).children ?? [], style) : this.block(k as SerializedBlockNode))).join('');
  }

  /** One top-level block of a section's body; `offset` shifts heading levels (h2 stays level 2 by default). */
  block(node: SerializedBlockNode, offset = 0): string {
    switch (node.type) {
      case 'heading':
        return this.heading((Number(String(node.tag).slice(1)) || 2) + offset, node.children ?? []);
      case 'paragraph':
        return this.paragraph(node.children ?? []);
      case 'list':
        return this.list(node);
      case 'table':
        return this.table(node);
      default: {
        const other = node as { children?: unknown };
        return Array.isArray(other.children) ? this.paragraph(other.children as SerializedInlineNode[]) : '';
      }
    }
  }

  /** A paragraph of plain text in a named style (title page, notes); « [À compléter : …] » is highlighted. */
  text(text: string, style: string): string {
    return this.paragraph(inlineNodes(text), style);
  }
}

/** The signature table: its header's last cell reads « Signature ». */
function signatureTable(node: SerializedTableNode): boolean {
  const header = node.children[0]?.children ?? [];
  const last = header.at(-1)?.children?.[0];
  return last?.type === 'paragraph' && /^signatures?$/i.test(plainText(last.children ?? []));
}
