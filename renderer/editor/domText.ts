/**
 * The text of a rendered element as the reader sees it, with a way back from a character offset to a DOM
 * position. Block elements (paragraphs, headings, list items, cells) and line breaks count as one « \n »
 * separator, so offsets computed on block texts land on the same characters.
 */
export interface DomText {
  text: string;
  /** A DOM position for a character offset (`null` for offsets that fall on a separator at the very end). */
  positionAt(offset: number): { node: Text; offset: number } | null;
  /** A Range over [start, end), or `null` when there is no text there. */
  range(start: number, end: number): Range | null;
}

const BLOCK_TAGS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'TD', 'TH', 'BLOCKQUOTE', 'TR', 'UL', 'OL', 'TABLE', 'DIV']);

export function domText(root: Element): DomText {
  const pieces: { node: Text | null; start: number; length: number }[] = [];
  let text = '';
  const separate = (): void => {
    if (text.length > 0 && !text.endsWith('\n')) {
      pieces.push({ node: null, start: text.length, length: 1 });
      text += '\n';
    }
  };
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const value = (child as Text).data;
        if (value.length === 0) continue;
        pieces.push({ node: child as Text, start: text.length, length: value.length });
        text += value;
      } else if (child instanceof HTMLBRElement) {
        pieces.push({ node: null, start: text.length, length: 1 });
        text += '\n';
      } else if (child instanceof Element) {
        const block = BLOCK_TAGS.has(child.tagName);
        if (block) separate();
        walk(child);
        if (block) separate();
      }
    }
  };
  walk(root);

  function positionAt(offset: number): { node: Text; offset: number } | null {
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i]!;
      if (offset < p.start + p.length || i === pieces.length - 1) {
        if (p.node) return { node: p.node, offset: Math.min(Math.max(offset - p.start, 0), p.length) };
        // A separator: the start of the next text, or the end of the previous one.
        const next = pieces.slice(i + 1).find((q) => q.node);
        if (next?.node) return { node: next.node, offset: 0 };
        const previous = pieces.slice(0, i).reverse().find((q) => q.node);
        return previous?.node ? { node: previous.node, offset: previous.length } : null;
      }
    }
    return null;
  }

  function range(start: number, end: number): Range | null {
    if (end <= start) return null;
    // The end is placed after its last character, so a range ending at a text's end stays in that text.
    const from = positionAt(start);
    const last = positionAt(end - 1);
    if (!from || !last) return null;
    const r = document.createRange();
    r.setStart(from.node, from.offset);
    r.setEnd(last.node, Math.min(last.offset + 1, last.node.length));
    return r;
  }

  return { text, positionAt, range };
}

/** Where `needle` occurs in `haystack` closest to `near`, or -1. */
export function nearestIndex(haystack: string, needle: string, near: number): number {
  if (!needle) return -1;
  let best = -1;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
    if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) best = i;
    if (i > near) break;
  }
  return best;
}
