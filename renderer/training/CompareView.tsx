import { useMemo, useState } from 'react';
import { comparePacks, type Referentiel } from '../../src/referential';
import { packLabel } from '../app/sources';

const FIELD_LABEL: Record<string, string> = { id: 'identifiant', title: 'intitulé', kind: 'nature', level: 'niveau', source: 'texte source', target: 'objectif chiffré' };

function PackSelect({ id, label, packs, value, onChange }: { id: string; label: string; packs: Referentiel[]; value: string; onChange: (id: string) => void }) {
  return (
    <div className="browser-filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {packs.map((p) => (
          <option key={p.id} value={p.id}>
            {packLabel(p)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** « Comparer les référentiels »: what a newer pack adds, removes and changes, with the counts first. */
export function CompareView({ packs }: { packs: Referentiel[] }) {
  const [fromId, setFromId] = useState(packs[0]?.id ?? '');
  const [toId, setToId] = useState(packs[packs.length - 1]?.id ?? '');
  const from = packs.find((p) => p.id === fromId);
  const to = packs.find((p) => p.id === toId);
  const comparison = useMemo(() => (from && to ? comparePacks(from, to) : null), [from, to]);
  return (
    <section className="compare" aria-labelledby="compare-title">
      <h2 id="compare-title">Comparer les référentiels</h2>
      <div className="compare-choice">
        <PackSelect id="compare-from" label="Référentiel de départ" packs={packs} value={fromId} onChange={setFromId} />
        <PackSelect id="compare-to" label="Référentiel d’arrivée" packs={packs} value={toId} onChange={setToId} />
      </div>
      {comparison && from && to && (
        <>
          <ul className="compare-counts" aria-label="Bilan de la comparaison" aria-live="polite">
            <li data-count="added">
              <strong>{comparison.added.length}</strong> {comparison.added.length > 1 ? 'ajoutées' : 'ajoutée'}
            </li>
            <li data-count="removed">
              <strong>{comparison.removed.length}</strong> {comparison.removed.length > 1 ? 'retirées' : 'retirée'}
            </li>
            <li data-count="changed">
              <strong>{comparison.changed.length}</strong> {comparison.changed.length > 1 ? 'modifiées' : 'modifiée'}
            </li>
            <li data-count="unchanged">
              <strong>{comparison.unchanged}</strong> {comparison.unchanged > 1 ? 'inchangées' : 'inchangée'}
            </li>
          </ul>
          {from === to && <p className="muted">Choisissez deux référentiels différents.</p>}
          <details className="compare-group" open={comparison.added.length > 0 && comparison.added.length <= 40}>
            <summary>Exigences ajoutées par « {packLabel(to)} » ({comparison.added.length})</summary>
            <ul>
              {comparison.added.map((r) => (
                <li key={r.id}>
                  <span className="requirement-id">{r.id}</span> {r.title}
                </li>
              ))}
            </ul>
          </details>
          <details className="compare-group">
            <summary>Exigences de « {packLabel(from)} » retirées ({comparison.removed.length})</summary>
            <ul>
              {comparison.removed.map((r) => (
                <li key={r.id}>
                  <span className="requirement-id">{r.id}</span> {r.title}
                </li>
              ))}
            </ul>
          </details>
          <details className="compare-group" open={comparison.changed.length > 0 && comparison.changed.length <= 40}>
            <summary>Exigences modifiées ({comparison.changed.length})</summary>
            <ul>
              {comparison.changed.map((c) => (
                <li key={c.id}>
                  <span className="requirement-id">{c.fromId ? `${c.fromId} → ${c.id}` : c.id}</span> {c.title}{' '}
                  <span className="muted">({c.fields.map((f) => FIELD_LABEL[f] ?? f).join(', ')})</span>
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
    </section>
  );
}
