import { useEffect, useRef } from 'react';
import { usePilier } from '../store';

/**
 * What « Importer une relecture… » did: verdicts and comments added, and every conflict (a commented passage that
 * changed since the review): kept, attached to its requirement or section, and listed here, never dropped.
 */
export function PackageMergeDialog() {
  const merge = usePilier((s) => s.packageMerge);
  const dismiss = usePilier((s) => s.dismissPackageMerge);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (merge && !d.open) d.showModal();
    else if (!merge && d.open) d.close();
  }, [merge]);

  return (
    <dialog ref={dialog} className="dialog merge-dialog" aria-labelledby="merge-title" onClose={dismiss}>
      <h2 id="merge-title">Relecture importée</h2>
      {merge && (
        <>
          <p>
            {merge.verdictsAdded} {merge.verdictsAdded > 1 ? 'avis ajoutés' : 'avis ajouté'}, {merge.commentsAdded}{' '}
            {merge.commentsAdded > 1 ? 'commentaires ajoutés' : 'commentaire ajouté'}. Votre texte n’a pas été modifié.
          </p>
          {merge.conflicts.length === 0 ? (
            <p>Chaque commentaire a retrouvé son passage dans le texte.</p>
          ) : (
            <>
              <h3 id="merge-conflicts">
                {merge.conflicts.length > 1 ? `${merge.conflicts.length} commentaires à vérifier` : '1 commentaire à vérifier'}
              </h3>
              <p>Ces passages ont changé depuis la relecture : les commentaires sont conservés et rattachés à leur exigence ou à leur section.</p>
              <ul className="conflict-list" aria-labelledby="merge-conflicts" tabIndex={0}>
                {merge.conflicts.map((c) => (
                  <li key={c.commentId}>
                    « {c.quote} » — {c.why}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="button primary" autoFocus onClick={dismiss}>
          Fermer
        </button>
      </div>
    </dialog>
  );
}
