import type { Anchor } from '../api/contract';
import type { Block, ContractDocument } from '../document/model';

/**
 * Re-anchoring a comment on a passage after the text changed: the quote is looked for where it was (same block,
 * same offsets), then anywhere in that block, then in the rest of its section, then anywhere in the document.
 * A passage found nowhere keeps its section (when the section still exists) and its quote, and says why.
 */

export type AnchorMatch = 'exact' | 'block' | 'section' | 'document';

export type Relocated = { found: true; anchor: Anchor; match: AnchorMatch } | { found: false; anchor: Anchor; why: string };

export const PASSAGE_CHANGED = 'le passage a été modifié depuis la relecture';

/** The section a block belongs to: its source, or the part of its id before the first `/` (`diagnostic/3`). */
export function sectionOf(block: Block): string | undefined {
  if (block.source) return block.source.section;
  const slash = block.id.indexOf('/');
  return slash > 0 ? block.id.slice(0, slash) : undefined;
}

/** An anchor that names its section only (no block): the passage could not be found. */
export function sectionAnchor(anchor: Anchor): Anchor {
  return { sectionId: anchor.sectionId, blockId: '', start: 0, end: 0, quote: anchor.quote };
}

function at(block: Block, sectionId: string, start: number, quote: string): Anchor {
  return { sectionId, blockId: block.id, start, end: start + quote.length, quote };
}

/** The occurrence of `quote` in `text` nearest to `near` (there may be several). */
function nearest(text: string, quote: string, near: number): number {
  let best = -1;
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
    if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) best = i;
  }
  return best;
}

export function relocate(anchor: Anchor, document: ContractDocument): Relocated {
  const quote = anchor.quote;
  const inSection = document.blocks.filter((b) => sectionOf(b) === anchor.sectionId);
  const same = document.blocks.find((b) => b.id === anchor.blockId);
  if (same && quote && same.text.slice(anchor.start, anchor.end) === quote) return { found: true, anchor: { ...anchor }, match: 'exact' };
  if (quote) {
    if (same) {
      const i = nearest(same.text, quote, anchor.start);
      if (i >= 0) return { found: true, anchor: at(same, sectionOf(same) ?? anchor.sectionId, i, quote), match: 'block' };
    }
    for (const block of inSection) {
      const i = block.text.indexOf(quote);
      if (i >= 0) return { found: true, anchor: at(block, anchor.sectionId, i, quote), match: 'section' };
    }
    for (const block of document.blocks) {
      const i = block.text.indexOf(quote);
      const section = sectionOf(block);
      if (i >= 0 && section) return { found: true, anchor: at(block, section, i, quote), match: 'document' };
    }
  }
  const why =
    inSection.length > 0
      ? PASSAGE_CHANGED
      : `${PASSAGE_CHANGED} : la section où il se trouvait a été supprimée ou renommée, et le passage n’apparaît plus dans le contrat`;
  return { found: false, anchor: sectionAnchor(anchor), why };
}
