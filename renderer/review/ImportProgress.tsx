import { useEffect, useRef } from 'react';
import { usePilier } from '../store';
import '../styles/review.css';

/**
 * The import of a received contract under way: what is being read, a progress bar (indeterminate until the host
 * knows the total), and « Annuler ». Modal: nothing else can be started meanwhile; Escape cancels too.
 */
export function ImportProgress() {
  const task = usePilier((s) => s.importTask);
  const cancelImport = usePilier((s) => s.cancelImport);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (task && !d.open) d.showModal();
    else if (!task && d.open) d.close();
  }, [task]);

  const progress = task?.progress ?? null;
  const known = progress !== null && progress.total > 0;
  const percent = known ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : null;
  const label = task?.cancelling ? 'Annulation en cours…' : (progress?.label ?? 'Ouverture du fichier…');

  return (
    <dialog
      ref={dialog}
      className="dialog import-dialog"
      aria-labelledby="import-title"
      onCancel={(e) => {
        e.preventDefault();
        void cancelImport();
      }}
    >
      <h2 id="import-title">Import du contrat reçu</h2>
      {task && (
        <>
          <p className="import-file">{task.fileName}</p>
          <div
            className="progress"
            role="progressbar"
            aria-labelledby="import-title"
            aria-valuemin={0}
            aria-valuemax={100}
            {...(percent !== null ? { 'aria-valuenow': percent, 'aria-valuetext': `${percent} %` } : {})}
          >
            <div className={percent === null ? 'progress-fill indeterminate' : 'progress-fill'} style={percent === null ? undefined : { width: `${percent}%` }} />
          </div>
          <p className="import-status" aria-live="polite">
            {label}
            {known && ` (${progress.done} sur ${progress.total})`}
          </p>
          <div className="dialog-actions">
            <button type="button" className="button" autoFocus disabled={task.cancelling} onClick={() => void cancelImport()}>
              Annuler
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
