import { useCallback, useEffect, useRef, useState } from 'react';
import type { SnapshotInfo } from '../../src/api/contract';
import { usePilier } from '../store';
import { formatDateTime, formatSize } from '../ui/format';

const REASON_LABEL: Record<SnapshotInfo['reason'], string> = {
  auto: 'automatique',
  manuel: 'créée à la demande',
  'avant-restauration': 'avant une restauration',
};

/** « Versions »: the snapshots of the file, « Créer une version », and « Restaurer » after a confirmation. */
export function VersionsDialog() {
  const open = usePilier((s) => s.versionsOpen);
  const setVersionsOpen = usePilier((s) => s.setVersionsOpen);
  const listSnapshots = usePilier((s) => s.listSnapshots);
  const createSnapshot = usePilier((s) => s.createSnapshot);
  const restoreSnapshot = usePilier((s) => s.restoreSnapshot);
  const announce = usePilier((s) => s.announce);
  const dialog = useRef<HTMLDialogElement>(null);
  const [snapshots, setSnapshots] = useState<SnapshotInfo[] | null>(null);
  const [label, setLabel] = useState('');
  const [confirming, setConfirming] = useState<SnapshotInfo | null>(null);
  const [working, setWorking] = useState(false);
  const [message, setMessage] = useState('');

  const refresh = useCallback(async () => setSnapshots((await listSnapshots()) ?? []), [listSnapshots]);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      setConfirming(null);
      setMessage('');
      void refresh();
    } else if (!open && d.open) d.close();
  }, [open, refresh]);

  const create = async (): Promise<void> => {
    setWorking(true);
    const made = await createSnapshot(label.trim() || undefined);
    setWorking(false);
    if (made) {
      setLabel('');
      setMessage(`Version du ${formatDateTime(made.createdAt)} créée.`);
      await refresh();
    }
  };

  const restore = async (snapshot: SnapshotInfo): Promise<void> => {
    setWorking(true);
    const done = await restoreSnapshot(snapshot.id);
    setWorking(false);
    setConfirming(null);
    if (done) {
      announce(`Version du ${formatDateTime(snapshot.createdAt)} restaurée.`);
      setVersionsOpen(false);
    }
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="versions-title" onClose={() => setVersionsOpen(false)}>
      <h2 id="versions-title">Versions du contrat</h2>
      <p className="hint">
        Pilier garde une version automatique au moins toutes les dix minutes de travail. Restaurer une version remplace le texte actuel,
        qui est d’abord conservé comme version.
      </p>
      <form
        className="snapshot-form"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label htmlFor="snapshot-label">Nom de la nouvelle version (facultatif)</label>
        <div className="inline-fields">
          <input id="snapshot-label" type="text" value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} />
          <button type="submit" className="button primary" disabled={working}>
            Créer une version
          </button>
        </div>
      </form>
      <p className="dialog-message" role="status">
        {message}
      </p>
      {snapshots === null ? (
        <p className="muted">Chargement des versions…</p>
      ) : snapshots.length === 0 ? (
        <p className="muted">Aucune version pour l’instant.</p>
      ) : (
        <ul className="snapshot-list" aria-label="Versions enregistrées">
          {snapshots.map((s) => (
            <li key={s.id} className="snapshot">
              <div className="snapshot-info">
                <strong>{formatDateTime(s.createdAt)}</strong>
                {s.label && <span className="snapshot-label">« {s.label} »</span>}
                <span className="muted">
                  {REASON_LABEL[s.reason]} · {formatSize(s.sizeBytes)}
                </span>
              </div>
              {confirming?.id === s.id ? (
                <div className="inline-confirm" role="group" aria-label="Confirmer la restauration">
                  <span>Remplacer le texte actuel par cette version ?</span>
                  <button type="button" className="button danger small" disabled={working} onClick={() => void restore(s)}>
                    Oui, restaurer
                  </button>
                  <button type="button" className="button small" autoFocus onClick={() => setConfirming(null)}>
                    Annuler
                  </button>
                </div>
              ) : (
                <button type="button" className="button small" disabled={working} onClick={() => setConfirming(s)}>
                  Restaurer<span className="visually-hidden"> la version du {formatDateTime(s.createdAt)}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => setVersionsOpen(false)}>
          Fermer
        </button>
      </div>
    </dialog>
  );
}
