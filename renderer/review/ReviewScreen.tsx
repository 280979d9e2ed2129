import { Outline } from '../app/Outline';
import { ScreenAlert, SkipLinks } from '../app/ScreenParts';
import { useEditorShortcuts } from '../app/useEditorShortcuts';
import { Checklist } from '../checklist/Checklist';
import { DocumentView } from '../editor/DocumentView';
import { useReadOnlyDocument } from '../editor/useReadOnlyDocument';
import { usePilier } from '../store';
import { CommentDialog } from './CommentDialog';
import { CommentsPanel } from './CommentsPanel';
import { ReviewerDialog } from './ReviewerDialog';
import { ReviewTabs } from './ReviewTabs';
import { commentCurrentSelection, ReviewTopBar } from './ReviewTopBar';
import { SummaryPanel } from './SummaryPanel';
import { useReviewLoader } from './hooks';
import '../styles/review.css';

/** Ctrl+Alt+M (⌘⌥M): comments the selected passage. */
function commentShortcut(event: KeyboardEvent): boolean {
  if (!((event.ctrlKey || event.metaKey) && event.altKey && (event.key.toLowerCase() === 'm' || event.code === 'KeyM'))) return false;
  commentCurrentSelection();
  return true;
}

const saveOnLeave = (): void => void usePilier.getState().flushReview();

/**
 * The reviewer's screen (a project in mode « relecture »): the received contract read-only, with its plan, beside
 * the checklist, where each requirement takes the reviewer's verdict and comment; the comments on passages; the
 * summary and overall opinion. Ctrl+F finds in the text, Ctrl+Alt+M comments the selected passage.
 */
export function ReviewScreen() {
  const announcement = usePilier((s) => s.announcement);
  const commentCount = usePilier((s) => (s.reviewOf === s.project?.path ? (s.review?.comments.length ?? 0) : 0));
  // The received contract is read, not edited.
  useReadOnlyDocument();
  useReviewLoader(false);

  useEditorShortcuts(saveOnLeave, commentShortcut);

  return (
    <div className="editor-screen review-screen">
      <SkipLinks panel="#review-panel" label="Aller à la grille de relecture" />
      <ReviewTopBar />
      <ScreenAlert />
      <div className="editor-grid">
        <Outline />
        <DocumentView />
        <aside className="side-panel review-panel" id="review-panel" tabIndex={-1} aria-label="Relecture">
          <ReviewTabs
            label="Relecture"
            tabs={[
              { id: 'grille', label: 'Grille', panel: <Checklist /> },
              { id: 'commentaires', label: `Commentaires (${commentCount})`, panel: <CommentsPanel editable /> },
              { id: 'synthese', label: 'Synthèse', panel: <SummaryPanel editable /> },
            ]}
          />
        </aside>
      </div>
      <ReviewerDialog />
      <CommentDialog />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
