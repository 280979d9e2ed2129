import { usePilier } from '../store';
import { CommentsPanel } from './CommentsPanel';
import { useReviewLoader } from './hooks';
import '../styles/review.css';

/**
 * In the author's project, the review received from the préfecture: who reviewed, the overall opinion and the
 * comments (each jumps to its passage). The verdicts show in the checklist, beside each requirement. Read-only.
 */
export function ReceivedReview() {
  useReviewLoader(true);
  const review = usePilier((s) => (s.reviewOf === s.project?.path ? s.review : null));
  if (!review || (review.verdicts.length === 0 && review.comments.length === 0)) return null;
  const given = review.verdicts.filter((v) => v.verdict !== null).length;
  return (
    <section className="received-review" aria-labelledby="received-title">
      <h2 id="received-title" className="panel-title">
        Relecture reçue
      </h2>
      <p>
        {review.reviewer ? (
          <>
            De <strong>{review.reviewer.nom}</strong>
            {review.reviewer.qualite && `, ${review.reviewer.qualite}`} :{' '}
          </>
        ) : null}
        {given} avis sur les exigences, {review.comments.length}{' '}
        {review.comments.length > 1 ? 'commentaires' : 'commentaire'}.
      </p>
      {review.opinion && (
        <blockquote className="opinion-text" aria-label="Avis général du relecteur">
          {review.opinion}
        </blockquote>
      )}
      <CommentsPanel editable={false} />
    </section>
  );
}
