import { PLACEHOLDER_PATTERN } from '../document/model';

/**
 * Builders of serialised Lexical nodes, written field for field as Lexical 0.52 and @lexical/{rich-text,list,
 * table,link} 0.52 export them (`editorState.toJSON()`), so the editor loads a skeleton with `parseEditorState`
 * and saves it back unchanged. Pure data: the core never imports lexical (design.md §3, rule 1).
 */

/** Text format bits of Lexical's TextNode. */
export const TEXT_FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16 } as const;

/** The type of the renderer's placeholder node (« [À compléter : …] »), counted as not written. */
export const PLACEHOLDER_NODE_TYPE = 'pilier-placeholder';

export interface SerializedTextNode {
  detail: 0;
  format: number;
  mode: 'normal';
  style: '';
  text: string;
  type: 'text';
  version: 1;
}

export interface SerializedLineBreakNode {
  type: 'linebreak';
  version: 1;
}

export interface SerializedPlaceholderNode {
  type: typeof PLACEHOLDER_NODE_TYPE;
  version: 1;
  text: string;
}

interface ElementFields {
  direction: null;
  format: '';
  indent: number;
  version: 1;
}

export interface SerializedLinkNode extends ElementFields {
  children: SerializedInlineNode[];
  rel: null;
  target: null;
  title: null;
  url: string;
  type: 'link';
}

export type SerializedInlineNode = SerializedTextNode | SerializedLineBreakNode | SerializedPlaceholderNode | SerializedLinkNode;

export interface SerializedParagraphNode extends ElementFields {
  children: SerializedInlineNode[];
  textFormat: number;
  textStyle: '';
  type: 'paragraph';
}

export type HeadingTag = 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

export interface SerializedHeadingNode extends ElementFields {
  children: SerializedInlineNode[];
  tag: HeadingTag;
  type: 'heading';
}

export interface SerializedListItemNode extends ElementFields {
  children: (SerializedInlineNode | SerializedListNode)[];
  value: number;
  type: 'listitem';
}

export interface SerializedListNode extends ElementFields {
  children: SerializedListItemNode[];
  listType: 'bullet' | 'number';
  start: number;
  tag: 'ul' | 'ol';
  type: 'list';
}

export interface SerializedTableCellNode extends ElementFields {
  children: SerializedParagraphNode[];
  backgroundColor: null;
  colSpan: number;
  /** 0 = none, 1 = row header, 2 = column header, 3 = both (TableCellHeaderStates). */
  headerState: number;
  rowSpan: number;
  type: 'tablecell';
}

export interface SerializedTableRowNode extends ElementFields {
  children: SerializedTableCellNode[];
  type: 'tablerow';
}

export interface SerializedTableNode extends ElementFields {
  children: SerializedTableRowNode[];
  type: 'table';
}

export type SerializedBlockNode = SerializedParagraphNode | SerializedHeadingNode | SerializedListNode | SerializedTableNode;

const element = (indent = 0): ElementFields => ({ direction: null, format: '', indent, version: 1 });

export function textNode(text: string, format = 0): SerializedTextNode {
  return { detail: 0, format, mode: 'normal', style: '', text, type: 'text', version: 1 };
}

/** The placeholder node for an inner text (« objectifs du volet santé » → « [À compléter : objectifs du volet santé] »). */
export function placeholderNode(inner: string): SerializedPlaceholderNode {
  return { type: PLACEHOLDER_NODE_TYPE, version: 1, text: placeholderText(inner) };
}

export function placeholderText(inner: string): string {
  return `[À compléter : ${inner.trim()}]`;
}

export function linkNode(url: string, children: SerializedInlineNode[]): SerializedLinkNode {
  return { children, rel: null, target: null, title: null, url, ...element(), type: 'link' };
}

/** Format of the first text node, depth first: Lexical's reconciler copies it to the paragraph's `textFormat`. */
function firstTextFormat(nodes: SerializedInlineNode[]): number | undefined {
  for (const n of nodes) {
    if (n.type === 'text') return n.format;
    if (n.type === 'link') {
      const f = firstTextFormat(n.children);
      if (f !== undefined) return f;
    }
  }
  return undefined;
}

export function paragraphNode(children: SerializedInlineNode[]): SerializedParagraphNode {
  return { children, ...element(), textFormat: firstTextFormat(children) ?? 0, textStyle: '', type: 'paragraph' };
}

export function headingNode(tag: HeadingTag, children: SerializedInlineNode[]): SerializedHeadingNode {
  return { children, tag, ...element(), type: 'heading' };
}

/** One item of a list: its inline content, and the items of a list nested under it. */
export interface ListEntry {
  content: SerializedInlineNode[];
  children?: { listType: 'bullet' | 'number'; items: ListEntry[] };
}

/**
 * A list as Lexical writes it: a nested list sits alone in a list item of its own after its parent item, and
 * that wrapper item takes the value of the next item without consuming it.
 */
export function listNode(listType: 'bullet' | 'number', items: ListEntry[], depth = 0, start = 1): SerializedListNode {
  const children: SerializedListItemNode[] = [];
  let value = start;
  for (const item of items) {
    children.push({ children: item.content, indent: depth, value: value++, direction: null, format: '', type: 'listitem', version: 1 });
    if (item.children && item.children.items.length > 0) {
      const nested = listNode(item.children.listType, item.children.items, depth + 1);
      children.push({ children: [nested], indent: depth, value, direction: null, format: '', type: 'listitem', version: 1 });
    }
  }
  return { children, listType, start, tag: listType === 'number' ? 'ol' : 'ul', ...element(), type: 'list' };
}

/** A table; with `headerRow`, the cells of the first row are row headers (headerState 1). */
export function tableNode(rows: SerializedInlineNode[][][], headerRow: boolean): SerializedTableNode {
  return {
    children: rows.map((cells, r) => ({
      children: cells.map((content) => ({
        children: [paragraphNode(content)],
        backgroundColor: null,
        colSpan: 1,
        headerState: headerRow && r === 0 ? 1 : 0,
        rowSpan: 1,
        ...element(),
        type: 'tablecell' as const,
      })),
      ...element(),
      type: 'tablerow' as const,
    })),
    ...element(),
    type: 'table',
  };
}

/**
 * The serialised editor state (`JSON.stringify(editorState.toJSON())`) of a root holding these blocks.
 */
export function editorStateJson(children: SerializedBlockNode[]): string {
  // Lexical refuses an empty root: an empty body is one empty paragraph, as the editor writes it.
  const body = children.length > 0 ? children : [paragraphNode([])];
  return JSON.stringify({ root: { children: body, ...element(), type: 'root' } });
}

/**
 * Inline nodes of a plain text in which « [À compléter : …] » spans become placeholder nodes and line
 * breaks become linebreak nodes.
 */
export function inlineNodes(text: string, format = 0): SerializedInlineNode[] {
  const out: SerializedInlineNode[] = [];
  const plain = (t: string): void => {
    t.split('\n').forEach((line, i) => {
      if (i > 0) out.push({ type: 'linebreak', version: 1 });
      if (line) out.push(textNode(line, format));
    });
  };
  let last = 0;
  for (const m of text.matchAll(new RegExp(PLACEHOLDER_PATTERN.source, PLACEHOLDER_PATTERN.flags))) {
    plain(text.slice(last, m.index));
    out.push({ type: PLACEHOLDER_NODE_TYPE, version: 1, text: m[0] });
    last = m.index + m[0].length;
  }
  plain(text.slice(last));
  return out;
}
