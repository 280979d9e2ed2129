import { PLACEHOLDER_PATTERN, withHeadingPaths, type Block, type ContractDocument } from './model';

/**
 * Reads the sections the editor saves (one serialised Lexical editor state each) into the document model, by
 * walking the JSON: no import of lexical, so the same reader runs in the renderer, the main process and the CLI.
 * Block ids are position-derived within a section (`${section}/${k}`, cells `${section}/t${n}r${row}c${col}`), so
 * an edit in one section never changes the ids of another; each block keeps the child-index path of its Lexical
 * node from the root, so the editor can find it (`root.getChildAtIndex(path[0])…`).
 */

/** A project section as stored (the IPC contract's `Section` fits). */
export interface SectionSource {
  id: string;
  title: string;
  content: string;
}

type RawBlock = Omit<Block, 'headingPath'>;

interface JsonNode {
  type?: unknown;
  children?: unknown;
  text?: unknown;
  tag?: unknown;
  colSpan?: unknown;
}

export const UNREADABLE_SECTION_TEXT =
  'Le contenu de cette section est illisible (données endommagées) : il n’a pas pu être lu. Restaurez un instantané antérieur ou réécrivez la section.';

const PLACEHOLDER_TYPE = 'pilier-placeholder';
/** Element nodes whose children are inline content and which make one block. */
const TEXT_BLOCKS = new Set(['paragraph', 'quote', 'code']);

/** Children of a node; anything that is not an object reads as an empty node, so child indices stay true. */
const childrenOf = (node: JsonNode): JsonNode[] =>
  Array.isArray(node.children) ? node.children.map((c: unknown) => (c !== null && typeof c === 'object' ? (c as JsonNode) : {})) : [];

const typeOf = (node: JsonNode): string => (typeof node.type === 'string' ? node.type : '');

/** Inline content: text, links, placeholders; linebreak → « \n », tab → « \t ». Counts the placeholders met. */
function inlineText(nodes: JsonNode[], found: { placeholders: number; other: boolean }): string {
  let out = '';
  for (const node of nodes) {
    const type = typeOf(node);
    if (type === 'linebreak') out += '\n';
    else if (type === 'tab') out += '\t';
    else if (type === PLACEHOLDER_TYPE) {
      found.placeholders++;
      out += typeof node.text === 'string' ? node.text : '';
    } else if (typeof node.text === 'string') {
      if (node.text.trim()) found.other = true;
      out += node.text;
    } else if (type === 'list' || type === 'table') {
      // Block content inside inline content (malformed, or a nested list): read by the caller.
    } else out += inlineText(childrenOf(node), found);
  }
  return out;
}

function isPlaceholderOnly(text: string, found: { placeholders: number; other: boolean }): boolean {
  if (found.placeholders > 0 && !found.other) return true;
  return text.trim().length > 0 && text.replace(PLACEHOLDER_PATTERN, '').trim().length === 0;
}

const isBlockNode = (n: JsonNode): boolean => ['list', 'table', 'paragraph', 'heading', 'quote', 'code'].includes(typeOf(n));
const CONTAINERS = new Set(['paragraph', 'heading', 'quote', 'code', 'list', 'listitem', 'table', 'tablerow', 'tablecell']);

/** Plain text of everything inside a node (a table cell): its blocks separated by line breaks. */
function deepText(node: JsonNode, found: { placeholders: number; other: boolean }): string {
  const parts: string[] = [];
  let inline: JsonNode[] = [];
  const flush = (): void => {
    const t = inlineText(inline, found);
    if (t.trim()) parts.push(t);
    inline = [];
  };
  for (const kid of childrenOf(node)) {
    if (!CONTAINERS.has(typeOf(kid))) {
      inline.push(kid);
      continue;
    }
    flush();
    const t = deepText(kid, found);
    if (t.trim()) parts.push(t);
  }
  flush();
  return parts.join('\n');
}

class SectionReader {
  readonly blocks: RawBlock[] = [];
  private tables = 0;

  constructor(private readonly section: string) {}

  private push(block: Omit<RawBlock, 'id' | 'source'>, path: number[], id?: string): void {
    const k = this.blocks.length;
    this.blocks.push({ id: id ?? `${this.section}/${k}`, ...block, source: { section: this.section, path } });
  }

  private textBlock(type: 'paragraph' | 'heading' | 'listItem', node: JsonNode, path: number[], extra: Partial<RawBlock> = {}): void {
    const found = { placeholders: 0, other: false };
    const text = inlineText(childrenOf(node), found);
    if (!text.trim()) return;
    const placeholder = type !== 'heading' && isPlaceholderOnly(text, found);
    this.push({ type, text, ...extra, ...(placeholder ? { placeholder: true } : {}) }, path);
  }

  private list(node: JsonNode, path: number[], depth: number): void {
    childrenOf(node).forEach((item, i) => {
      const itemPath = [...path, i];
      const kids = childrenOf(item);
      const nested = kids.map((k, j) => [k, j] as const).filter(([k]) => typeOf(k) === 'list');
      if (nested.length < kids.length) this.textBlock('listItem', { children: kids.filter((k) => typeOf(k) !== 'list') }, itemPath, { listDepth: depth });
      for (const [k, j] of nested) this.list(k, [...itemPath, j], depth + 1);
    });
  }

  private table(node: JsonNode, path: number[]): void {
    const tableId = `${this.section}/t${this.tables++}`;
    childrenOf(node).forEach((row, r) => {
      let col = 0;
      childrenOf(row).forEach((cell, c) => {
        const found = { placeholders: 0, other: false };
        const text = deepText(cell, found);
        const placeholder = isPlaceholderOnly(text, found);
        this.push(
          { type: 'tableCell', text, table: { id: tableId, row: r, col }, ...(placeholder ? { placeholder: true } : {}) },
          [...path, r, c],
          `${tableId}r${r}c${col}`,
        );
        col += typeof cell.colSpan === 'number' && cell.colSpan > 1 ? cell.colSpan : 1;
      });
    });
  }

  /** A child of the root (or of an element that only groups blocks). */
  node(node: JsonNode, path: number[]): void {
    const type = typeOf(node);
    if (type === 'heading') {
      const level = /^h([1-6])$/.exec(typeof node.tag === 'string' ? node.tag : '')?.[1];
      this.textBlock('heading', node, path, { level: level ? Number(level) : 2 });
    } else if (type === 'list') this.list(node, path, 0);
    else if (type === 'table') this.table(node, path);
    else if (TEXT_BLOCKS.has(type)) this.textBlock('paragraph', node, path);
    else if (childrenOf(node).some(isBlockNode)) childrenOf(node).forEach((child, i) => this.node(child, [...path, i]));
    else if (childrenOf(node).length > 0 || typeof node.text === 'string') this.textBlock('paragraph', { children: childrenOf(node).length > 0 ? childrenOf(node) : [node] }, path);
  }
}

function rootOf(content: string): JsonNode | undefined {
  try {
    const state: unknown = JSON.parse(content);
    const root = state && typeof state === 'object' ? (state as { root?: unknown }).root : undefined;
    if (!root || typeof root !== 'object' || !Array.isArray((root as JsonNode).children)) return undefined;
    return root as JsonNode;
  } catch {
    return undefined;
  }
}

/**
 * The blocks of one section in reading order: a level-1 heading for the section's title (id
 * `${id}/title`, path []), then its content's headings (`h2` → level 2…), paragraphs and quotes, list items
 * (depth from nesting) and table cells. Placeholder nodes contribute their « [À compléter : …] » text, and a
 * block holding nothing else is marked `placeholder`. Unreadable content gives one paragraph saying so; this
 * never throws.
 */
export function blocksFromSection(section: SectionSource): Block[] {
  const title: RawBlock = { id: `${section.id}/title`, type: 'heading', level: 1, text: section.title, source: { section: section.id, path: [] } };
  const reader = new SectionReader(section.id);
  if (section.content.trim() !== '') {
    const root = rootOf(section.content);
    if (root) childrenOf(root).forEach((child, i) => reader.node(child, [i]));
    else reader.blocks.push({ id: `${section.id}/0`, type: 'paragraph', text: UNREADABLE_SECTION_TEXT, source: { section: section.id, path: [] } });
  }
  return withHeadingPaths([title, ...reader.blocks]);
}

/** The document of a project: its sections in order of position, each read by `blocksFromSection`. */
export function documentFromSections(sections: (SectionSource & { position: number })[]): ContractDocument {
  const ordered = sections.map((s, i) => ({ s, i })).sort((a, b) => a.s.position - b.s.position || a.i - b.i);
  const blocks = ordered.flatMap(({ s }) => blocksFromSection(s).map(({ headingPath: _path, ...b }) => b));
  return { blocks: withHeadingPaths(blocks) };
}
