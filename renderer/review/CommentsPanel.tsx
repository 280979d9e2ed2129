import type { CommentRecord } from '../../src/api/contract';
import { usePilier } from '../store';
import { formatWho } from './labels';
import { showPassage } from './passage';

const QUOTE_MAX = 160;
const shorten = (text: string): string => (text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 1).trimEnd()}…` : text);

function CommentItem({ comment, editable }: { comment: CommentRecord; editable: boolean }) {
  const deleteComment = usePilier((s) => s.deleteComment);
  const announce = usePilier((s) => s.announce);
  const title = usePilier((s) => (comment.requirementId ? s.report?.requirements.find((r) => r.id === comment.requirementId)?.title : undefined));
  const { anchor } = comment;
  return (
    <li className="comment" data-comment-id={comment.id}>
      {anchor && (
        <button
          type="button"
          className="comment-quote link-button"
          onClick={async () => {
            const found = await showPassage(anchor);
            announce(found ? 'Passage commenté surligné dans le texte.' : 'Ce passage ne se trouve plus dans le texte.');
          }}
        >
          <span className="visually-hidden">Aller au passage </span>« {shorten(anchor.quote)} »
        </button>
      )}
      {comment.requirementId && (
        <p className="comment-requirement">
          {comment.requirementId}
          {title && ` — ${title}`}
        </p>
      )}
      <p className="comment-text">{comment.text}</p>
      <p className="verdict-who">{formatWho(comment.reviewer, comment.at)}</p>
      {editable && (
        <button
          type="button"
          className="button subtle small"
          onClick={async () => {
            if (await deleteComment(comment.id)) announce('Commentaire supprimé.');
          }}
        >
          Supprimer<span className="visually-hidden"> le commentaire « {shorten(comment.text)} »</span>
        </button>
      )}
    </li>
  );
}

/** The comments of the review, in the order they were written: each jumps to its passage, and can be deleted while reviewing. */
export function CommentsPanel({ editable }: { editable: boolean }) {
  const comments = usePilier((s) => (s.review && s.reviewOf === s.project?.path ? s.review.comments : null));
  const beginComment = usePilier((s) => s.beginComment);
  if (!comments) return <p className="muted">Chargement de la relecture…</p>;
  return (
    <div className="comments-panel">
      {editable && (
        <p className="hint">
          Sélectionnez un passage du texte puis « Commenter le passage » (Ctrl+Alt+M), ou{' '}
          <button type="button" className="link-button" onClick={() => beginComment({ anchor: null, requirementId: null })}>
            ajoutez un commentaire général
          </button>
          .
        </p>
      )}
      {comments.length === 0 ? (
        <p className="muted">Aucun commentaire pour l’instant.</p>
      ) : (
        <ol className="comment-list">
          {comments.map((c) => (
            <CommentItem key={c.id} comment={c} editable={editable} />
          ))}
        </ol>
      )}
    </div>
  );
}
