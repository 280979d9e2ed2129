/**
 * The document model every reader produces and the checker consumes: a flat list of blocks in
 * reading order, each with a stable id and the path of headings above it. Sections are derived.
 */

export type BlockType = 'heading' | 'paragraph' | 'listItem' | 'tableCell';

export interface Block {
  /** Stable across edits of other blocks (Lexical node key, or a position-derived id for imports). */
  id: string;
  type: BlockType;
  /** Plain text of the block, as the user wrote it. */
  text: string;
  /** Heading level 1–6 for headings. */
  level?: number;
  /** Texts of the headings above this block, outermost first (a heading's own path excludes itself). */
  headingPath: string[];
  /** Table cells: which table, row and column (row 0 is the header row when there is one). */
  table?: { id: string; row: number; col: number };
  /** List items: nesting depth from 0. */
  listDepth?: number;
  /** True when the block is a template placeholder (« [À compléter : …] ») and not yet written. */
  placeholder?: boolean;
  /** For blocks read from an editor: the section they belong to and the child indices from its root, so the
   * editor can find the node to highlight. */
  source?: { section: string; path: number[] };
}

export interface ContractDocument {
  title?: string;
  blocks: Block[];
}

/** Placeholder text as the template writes it; such text counts as not written. */
export const PLACEHOLDER_PATTERN = /\[\s*À compléter[^\]]*\]/giu;

/** Text of a block with placeholders removed. */
export function writtenText(block: Block): string {
  if (block.placeholder) return '';
  return block.text.replace(PLACEHOLDER_PATTERN, ' ');
}

/**
 * Builds heading paths for blocks listed in reading order, from their types and levels.
 * Readers call it once after collecting blocks.
 */
export function withHeadingPaths(blocks: Omit<Block, 'headingPath'>[]): Block[] {
  const stack: { level: number; text: string }[] = [];
  return blocks.map((b) => {
    if (b.type === 'heading') {
      const level = b.level ?? 1;
      while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
      const block: Block = { ...b, headingPath: stack.map((h) => h.text) };
      stack.push({ level, text: b.text });
      return block;
    }
    return { ...b, headingPath: stack.map((h) => h.text) };
  });
}
