import type { Anchor } from '../../src/api/contract';
import type { Block } from '../../src/document/model';
import { blockLookup, evidenceRanges, scrollToRange, showHighlight } from '../checklist/evidence';
import { domText } from '../editor/domText';
import { mountEditors } from '../editor/mounting';
import { elementAtPath } from '../editor/nodePath';
import { usePilier } from '../store';
import { offsetOfPosition, passageInBlock } from './anchor';

/** The CSS highlight that marks a comment's passage (styles/review.css: `::highlight`). */
export const COMMENT_HIGHLIGHT = 'pilier-comment';

const NO_SELECTION = 'Sélectionnez d’abord, à la souris, le passage du texte à commenter.';
const OUTSIDE = 'Le passage sélectionné n’est pas dans le texte du contrat : sélectionnez-le dans le document.';

/** The element a block is rendered in: the section's heading for its title block, else the node at its path. */
function elementOf(block: Block): HTMLElement | null {
  if (!block.source) return null;
  if (block.source.path.length === 0) return document.querySelector<HTMLElement>(`[data-section-title="${CSS.escape(block.source.section)}"]`);
  return elementAtPath(block.source.section, block.source.path);
}

/** The first text position at or after a DOM position (selections may start on an element boundary). */
function textPosition(node: Node, offset: number, within: Element): { node: Node; offset: number } {
  if (node.nodeType === Node.TEXT_NODE) return { node, offset };
  const walker = document.createTreeWalker(within, NodeFilter.SHOW_TEXT);
  const start = node.childNodes[offset] ?? node;
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (text === start || start.contains(text) || start.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING) return { node: text, offset: 0 };
  }
  return { node, offset };
}

/**
 * The anchor of the passage selected in the document: its section, the checker's block holding the start of the
 * selection (the innermost one: a list item rather than its list), and offsets in that block's text. A selection
 * running past its block is cut at the block's end.
 */
export function anchorFromSelection(selection: Selection | null): { ok: true; anchor: Anchor } | { ok: false; error: string } {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return { ok: false, error: NO_SELECTION };
  const range = selection.getRangeAt(0);
  const startElement = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const sectionElement = startElement?.closest<HTMLElement>('#document [data-section-id]');
  const sectionId = sectionElement?.dataset.sectionId;
  const live = usePilier.getState().liveCheck();
  if (!sectionId || !live) return { ok: false, error: OUTSIDE };

  let best: { block: Block; element: HTMLElement; depth: number } | null = null;
  for (const block of live.blocksOf(sectionId)) {
    const element = elementOf(block);
    if (!element?.contains(range.startContainer)) continue;
    const depth = block.source?.path.length ?? 0;
    if (!best || depth > best.depth) best = { block, element, depth };
  }
  if (!best) return { ok: false, error: OUTSIDE };

  const rendered = domText(best.element);
  const from = textPosition(range.startContainer, range.startOffset, best.element);
  const start = offsetOfPosition(rendered, from.node, from.offset);
  let end = rendered.text.length;
  if (best.element.contains(range.endContainer)) {
    const to = textPosition(range.endContainer, range.endOffset, best.element);
    const found = offsetOfPosition(rendered, to.node, to.offset);
    if (found >= 0) end = found;
  }
  const passage = start >= 0 ? passageInBlock(best.block.text, rendered.text, start, end) : null;
  if (!passage) return { ok: false, error: NO_SELECTION };
  return { ok: true, anchor: { sectionId, blockId: best.block.id, start: passage.start, end: passage.end, quote: passage.quote } };
}

/** Shows a comment's passage: its editor mounted, the passage marked and scrolled into view; false if not found. */
export async function showPassage(anchor: Anchor): Promise<boolean> {
  const live = usePilier.getState().liveCheck();
  if (!live) return false;
  await mountEditors([anchor.sectionId]);
  const evidence = [{ text: anchor.quote, blockId: anchor.blockId, start: anchor.start, end: anchor.end, headingPath: [] }];
  const ranges = evidenceRanges(evidence, blockLookup((id) => live.blocksOf(id)));
  showHighlight(COMMENT_HIGHLIGHT, ranges);
  const first = ranges[0];
  if (first) scrollToRange(first);
  return first !== undefined;
}

export function clearPassage(): void {
  showHighlight(COMMENT_HIGHLIGHT, []);
}
