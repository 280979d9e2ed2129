import { usePilier } from '../store';
import { formatTime } from '../ui/format';

/** « Enregistré à 14:32 »: discreet, and never a button: saving needs no click. */
export function SaveStatus() {
  const state = usePilier((s) => s.save.state);
  const savedAt = usePilier((s) => s.save.savedAt);
  const error = usePilier((s) => s.save.error);
  const flushSave = usePilier((s) => s.flushSave);

  if (state === 'error') {
    return (
      <div className="save-status error" role="alert">
        <span aria-hidden="true">⚠ </span>
        Échec de l’enregistrement : {error} Votre texte reste dans la fenêtre ; nouvel essai automatique.
        <button type="button" className="button subtle" onClick={() => void flushSave()}>
          Réessayer maintenant
        </button>
      </div>
    );
  }
  const text =
    state === 'saved' ? (savedAt ? `Enregistré à ${formatTime(savedAt)}` : 'Enregistré') : 'Enregistrement…';
  return (
    <p className={`save-status ${state}`} data-save-state={state}>
      {text}
    </p>
  );
}
