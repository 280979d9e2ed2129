import { useEffect } from 'react';
import { Outline } from '../app/Outline';
import { Checklist } from '../checklist/Checklist';
import { DocumentView } from '../editor/DocumentView';
import { usePilier } from '../store';
import { Alert } from '../ui/Alert';
import { CommentDialog } from './CommentDialog';
import { CommentsPanel } from './CommentsPanel';
import { ReviewerDialog } from './ReviewerDialog';
import { ReviewTabs } from './ReviewTabs';
import { commentCurrentSelection, ReviewTopBar } from './ReviewTopBar';
import { SummaryPanel } from './SummaryPanel';
import { useReadOnlyEditors, useReviewLoader } from './hooks';
import '../styles/review.css';

function isCommentShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.altKey && (event.key.toLowerCase() === 'm' || event.code === 'KeyM');
}

/**
 * The reviewer's screen (a project in mode « relecture »): the received contract read-only, with its plan, beside
 * the checklist, where each requirement takes the reviewer's verdict and comment; the comments on passages; the
 * summary and overall opinion. Ctrl+F finds in the text, Ctrl+Alt+M comments the selected passage.
 */
export function ReviewScreen() {
  const error = usePilier((s) => s.error);
  const dismissError = usePilier((s) => s.dismissError);
  const announcement = usePilier((s) => s.announcement);
  const commentCount = usePilier((s) => (s.reviewOf === s.project?.path ? (s.review?.comments.length ?? 0) : 0));
  useReadOnlyEditors();
  useReviewLoader(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (isCommentShortcut(event)) {
        event.preventDefault();
        commentCurrentSelection();
      } else if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        usePilier.getState().setFindOpen(true);
        requestAnimationFrame(() => document.getElementById('find-input')?.focus());
      }
    };
    const onLeave = (): void => void usePilier.getState().flushReview();
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onLeave);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onLeave);
    };
  }, []);

  return (
    <div className="editor-screen review-screen">
      <a className="skip-link" href="#document">
        Aller au texte du contrat
      </a>
      <a className="skip-link" href="#review-panel">
        Aller à la grille de relecture
      </a>
      <ReviewTopBar />
      {error && (
        <div className="screen-alert">
          <Alert message={error} onDismiss={dismissError} />
        </div>
      )}
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
