import type { Evidence } from '../../src/check';
import { usePilier } from '../store';

/**
 * « Commenter ce passage », beside a passage the checker found (review mode): the way to anchor a comment without
 * selecting text with the mouse, which keyboard users cannot do in the read-only document.
 */
export function CommentEvidence({ requirementId, evidence }: { requirementId: string; evidence: Evidence }) {
  const beginComment = usePilier((s) => s.beginComment);
  const sectionId = evidence.blockId.slice(0, evidence.blockId.indexOf('/'));
  return (
    <button
      type="button"
      className="button subtle small"
      onClick={() =>
        beginComment({
          anchor: { sectionId, blockId: evidence.blockId, start: evidence.start, end: evidence.end, quote: evidence.text },
          requirementId,
        })
      }
    >
      Commenter<span className="visually-hidden"> ce passage</span>
    </button>
  );
}
