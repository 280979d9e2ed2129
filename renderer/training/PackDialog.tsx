import { useEffect, useRef, useState } from 'react';
import type { Status } from '../../src/check';
import { loadSources, packLabel } from '../app/sources';
import { STATUS_LABEL } from '../checklist/labels';
import { usePilier } from '../store';
import type { PackSwitch } from '../store/trainingSlice';
import '../styles/training.css';

const LISTED = 12;
const STATUSES: Status[] = ['covered', 'partial', 'missing'];

function Listed({ title, items }: { title: string; items: { id: string; title: string; note: string }[] }) {
  if (items.length === 0) return null;
  return (
    <details className="compare-group" open={items.length <= LISTED}>
      <summary>
        {title} ({items.length})
      </summary>
      <ul>
        {items.map((r) => (
          <li key={r.id}>
            <span className="requirement-id">{r.id}</span> {r.title} <span className="muted">({r.note})</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** What the switch changed: the counts before and after, then the requirements added, removed, and changed status. */
function SwitchReport({ change }: { change: PackSwitch }) {
  const { diff } = change;
  return (
    <div className="pack-switch-report" data-testid="pack-switch-report">
      <p>
        Le contrat était vérifié avec « {change.fromTitle} » ; il l’est désormais avec « {change.toTitle} ».
      </p>
      <table className="switch-counts">
        <caption className="visually-hidden">Exigences par statut, avant et après</caption>
        <thead>
          <tr>
            <th scope="col">Statut</th>
            <th scope="col">Avant</th>
            <th scope="col">Après</th>
          </tr>
        </thead>
        <tbody>
          {STATUSES.map((s) => (
            <tr key={s} data-status={s}>
              <th scope="row">{STATUS_LABEL[s]}</th>
              <td>{diff.before[s]}</td>
              <td>{diff.after[s]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Listed title="Exigences nouvelles" items={diff.added.map((r) => ({ id: r.id, title: r.title, note: STATUS_LABEL[r.status] }))} />
      <Listed title="Exigences qui ne s’appliquent plus" items={diff.removed.map((r) => ({ id: r.id, title: r.title, note: STATUS_LABEL[r.status] }))} />
      <Listed
        title="Statuts changés"
        items={diff.statusChanged.map((r) => ({ id: r.id, title: r.title, note: `${STATUS_LABEL[r.from]} → ${STATUS_LABEL[r.to]}` }))}
      />
    </div>
  );
}

/**
 * « Référentiel… » in the editor: the pack the contract is checked against (switching re-checks it and shows what
 * changed), the référentiel browser, and « Enregistrer comme exercice… » for trainers.
 */
export function PackDialog() {
  const open = usePilier((s) => s.packDialogOpen);
  const setOpen = usePilier((s) => s.setPackDialogOpen);
  const current = usePilier((s) => s.project?.meta.referentiel.id ?? '');
  const change = usePilier((s) => s.packSwitch);
  const switchPack = usePilier((s) => s.switchPack);
  const openReferentiel = usePilier((s) => s.openReferentiel);
  const saveAsExercise = usePilier((s) => s.saveAsExercise);
  const busy = usePilier((s) => s.busy);
  // A received contract under review is not turned into an exercise from here.
  const reviewing = usePilier((s) => s.project?.meta.mode === 'relecture');
  const dialog = useRef<HTMLDialogElement>(null);
  const [chosen, setChosen] = useState(current);
  const [working, setWorking] = useState(false);
  const loaded = loadSources();
  const packs = loaded.ok ? loaded.packs : [];

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      setChosen(current);
      d.showModal();
    } else if (!open && d.open) d.close();
  }, [open, current]);

  const apply = async (): Promise<void> => {
    setWorking(true);
    await switchPack(chosen);
    setWorking(false);
    dialog.current?.querySelector<HTMLElement>('[data-close]')?.focus();
  };

  return (
    <dialog ref={dialog} className="dialog pack-dialog" aria-labelledby="pack-dialog-title" onClose={() => setOpen(false)}>
      <h2 id="pack-dialog-title">{change ? 'Référentiel changé' : 'Référentiel du contrat'}</h2>
      {change ? (
        <SwitchReport change={change} />
      ) : (
        <fieldset className="pack-choices">
          <legend>Vérifier le contrat avec</legend>
          {packs.map((p) => (
            <label key={p.id} className="pack-choice">
              <input type="radio" name="pack" value={p.id} checked={chosen === p.id} onChange={() => setChosen(p.id)} />
              <span>
                <strong>{packLabel(p)}</strong>
                {p.id === current && ' (actuel)'}
                <span className="muted pack-source"> — {p.requirements.length} exigences, version {p.version}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <div className="dialog-actions">
        {!change && (
          <button type="button" className="button primary" disabled={working || chosen === current} onClick={() => void apply()}>
            {working ? 'Vérification…' : 'Vérifier avec ce référentiel'}
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={() => {
            setOpen(false);
            openReferentiel();
          }}
        >
          Parcourir le référentiel
        </button>
        {!reviewing && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => {
              setOpen(false);
              void saveAsExercise();
            }}
          >
            Enregistrer comme exercice…
          </button>
        )}
        <button type="button" className="button" data-close onClick={() => setOpen(false)}>
          Fermer
        </button>
      </div>
    </dialog>
  );
}
