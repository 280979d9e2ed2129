import type { Evidence } from '../../src/check';
import type { Block } from '../../src/document/model';
import { domText, nearestIndex } from '../editor/domText';
import { elementAtPath } from '../editor/nodePath';

/** The name of the CSS highlight that marks a requirement's evidence (styles/editor.css: `::highlight`). */
export const EVIDENCE_HIGHLIGHT = 'pilier-evidence';

/** Finds a block by id among the sections' blocks. */
export type BlockLookup = (blockId: string) => Block | undefined;

/** Block ids start with their section's id (`${sectionId}/3`, `${sectionId}/title`, `${sectionId}/t0r1c2`). */
export function blockLookup(blocksOf: (sectionId: string) => readonly Block[]): BlockLookup {
  return (blockId) => {
    const sectionId = blockId.slice(0, blockId.indexOf('/'));
    return blocksOf(sectionId).find((b) => b.id === blockId);
  };
}

/** The sections holding these passages (their editors must be mounted before `evidenceRanges`). */
export function sectionsOf(evidence: readonly Evidence[]): string[] {
  return [...new Set(evidence.map((e) => e.blockId.slice(0, e.blockId.indexOf('/'))))];
}

/**
 * DOM ranges of evidence passages, found from each block's `source` (section and node path), then the
 * passage's offsets in the block. Offsets are checked against the quoted text; if the rendered text differs
 * (a separator counted differently), the quote is looked up nearest to its offset, and failing that the
 * whole block is marked.
 */
export function evidenceRanges(evidence: readonly Evidence[], lookup: BlockLookup): Range[] {
  const ranges: Range[] = [];
  for (const e of evidence) {
    const block = lookup(e.blockId);
    if (!block?.source) continue;
    // The section's title is not in its editor: it is the heading above it.
    const element =
      block.source.path.length === 0
        ? document.querySelector<HTMLElement>(`[data-section-title="${CSS.escape(block.source.section)}"]`)
        : elementAtPath(block.source.section, block.source.path);
    if (!element) continue;
    const rendered = domText(element);
    let start = e.start;
    let end = e.end;
    if (rendered.text.slice(start, end) !== e.text) {
      const found = nearestIndex(rendered.text, e.text, e.start);
      if (found >= 0) {
        start = found;
        end = found + e.text.length;
      } else {
        start = 0;
        end = rendered.text.length;
      }
    }
    const range = rendered.range(start, end);
    if (range) ranges.push(range);
  }
  return ranges;
}

/** Marks the ranges (replacing the previous marks) with the CSS Custom Highlight API: the document is not touched. */
export function showHighlight(name: string, ranges: readonly Range[]): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  if (ranges.length === 0) CSS.highlights.delete(name);
  else CSS.highlights.set(name, new Highlight(...ranges));
}

/** Scrolls the first range to the middle of its scrolling panel. */
export function scrollToRange(range: Range): void {
  const target = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  target?.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
}
