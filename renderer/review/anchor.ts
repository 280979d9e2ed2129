import { nearestIndex } from '../editor/domText';

/**
 * Pure parts of anchoring a comment to a passage: from a DOM position to an offset in a block's rendered text,
 * and from the rendered text to the checker's block text (the offsets the contract's `Anchor` carries).
 */

/** What `offsetOfPosition` needs of a `DomText`: the text, and where each offset lies in the DOM. */
export interface PositionMap<N> {
  text: string;
  positionAt(offset: number): { node: N; offset: number } | null;
}

/**
 * The offset in `rendered.text` of a DOM position (a text node and an offset in it), or -1 when the node is not
 * in the text. A position at the very end of a text node maps after its last character.
 */
export function offsetOfPosition<N>(rendered: PositionMap<N>, node: N, offset: number): number {
  for (let i = 0; i < rendered.text.length; i++) {
    const at = rendered.positionAt(i);
    if (at?.node !== node) continue;
    if (at.offset === offset) return i;
    if (at.offset + 1 === offset) {
      const next = rendered.positionAt(i + 1);
      // The next character is elsewhere (or there is none): the position is the end of this node.
      if (i + 1 >= rendered.text.length || next?.node !== node) return i + 1;
    }
  }
  return -1;
}

export interface Passage {
  start: number;
  end: number;
  quote: string;
}

/**
 * The passage in the block's text (as the checker reads it) for a selection made in the rendered text. The
 * rendered and checked texts agree almost always; where they do not (a separator counted differently), the quote
 * is looked up nearest to its rendered offset. Surrounding spaces are left out of the quote.
 */
export function passageInBlock(blockText: string, rendered: string, start: number, end: number): Passage | null {
  let from = Math.max(0, Math.min(start, rendered.length));
  let to = Math.max(from, Math.min(end, rendered.length));
  while (from < to && /\s/.test(rendered[from]!)) from++;
  while (to > from && /\s/.test(rendered[to - 1]!)) to--;
  if (from === to) return null;
  const quote = rendered.slice(from, to);
  if (blockText.slice(from, to) === quote) return { start: from, end: to, quote };
  const found = nearestIndex(blockText, quote, from);
  if (found >= 0) return { start: found, end: found + quote.length, quote };
  return null;
}
