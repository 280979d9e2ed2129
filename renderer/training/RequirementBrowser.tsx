import { useEffect, useMemo, useRef, useState } from 'react';
import { KINDS, LEVELS, type Referentiel } from '../../src/referential';
import { LEVEL_LABEL } from '../checklist/labels';
import { usePilier } from '../store';
import type { BrowserFilters } from '../store/trainingSlice';
import { browseRequirements, isFiltered, KIND_NAME, resultSentence } from './browse';
import { RequirementPage } from './RequirementPage';
import { packLabel } from '../app/sources';

function Select({ id, label, value, onChange, options }: { id: string; label: string; value: string; onChange: (v: string) => void; options: [string, string][] }) {
  return (
    <div className="browser-filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Tous</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function Filters({ pack, filters }: { pack: Referentiel; filters: BrowserFilters }) {
  const setFilter = usePilier((s) => s.setBrowserFilter);
  const reset = usePilier((s) => s.resetBrowserFilters);
  return (
    <form className="browser-filters" role="search" aria-label="Rechercher et filtrer les exigences" onSubmit={(e) => e.preventDefault()}>
      <div className="browser-search">
        <label htmlFor="referentiel-search">Rechercher (mot, sigle, ancien nom…)</label>
        <input id="referentiel-search" type="search" value={filters.query} onChange={(e) => setFilter('query', e.target.value)} autoComplete="off" />
      </div>
      <Select
        id="filter-convention"
        label="Convention"
        value={filters.convention}
        onChange={(v) => setFilter('convention', v)}
        options={pack.conventions.map((c) => [c.id, `${c.id} — ${c.date}`])}
      />
      <Select id="filter-axis" label="Pilier ou axe" value={filters.axis} onChange={(v) => setFilter('axis', v)} options={pack.axes.map((a) => [a.id, a.label])} />
      <Select
        id="filter-kind"
        label="Nature"
        value={filters.kind}
        onChange={(v) => setFilter('kind', v as BrowserFilters['kind'])}
        options={KINDS.map((k) => [k, KIND_NAME[k]])}
      />
      <Select
        id="filter-level"
        label="Niveau"
        value={filters.level}
        onChange={(v) => setFilter('level', v as BrowserFilters['level'])}
        options={LEVELS.map((l) => [l, LEVEL_LABEL[l]])}
      />
      <button type="button" className="button small" disabled={!isFiltered(filters)} onClick={reset}>
        Effacer les filtres
      </button>
    </form>
  );
}

/** The requirements of a pack: search and filters, the list (with its count announced), and the page of the one chosen. */
export function RequirementBrowser({ pack }: { pack: Referentiel }) {
  const filters = usePilier((s) => s.browserFilters);
  const selectedId = usePilier((s) => s.browserRequirementId);
  const showRequirement = usePilier((s) => s.showRequirement);
  const exportReferentiel = usePilier((s) => s.exportReferentiel);
  const busy = usePilier((s) => s.busy);
  const [exportMessage, setExportMessage] = useState('');
  const hits = useMemo(() => browseRequirements(pack, filters), [pack, filters]);
  const selected = selectedId ? pack.requirements.find((r) => r.id === selectedId) : undefined;
  const lastOpened = useRef<string | null>(null);

  useEffect(() => {
    if (selected) document.getElementById('requirement-page-title')?.focus();
    else if (lastOpened.current) document.getElementById(`browse-${lastOpened.current}`)?.focus();
  }, [selected]);

  const exportList = async (): Promise<void> => {
    setExportMessage('');
    const title = isFiltered(filters) ? `Référentiel — ${packLabel(pack)} (sélection)` : `Référentiel — ${packLabel(pack)}`;
    const path = await exportReferentiel(
      hits.map((h) => h.requirement.id),
      title,
    );
    if (path) setExportMessage(`${hits.length} ${hits.length > 1 ? 'exigences exportées' : 'exigence exportée'} dans ${path}.`);
  };

  if (selected) {
    return <RequirementPage pack={pack} requirement={selected} onBack={() => showRequirement(null)} />;
  }
  return (
    <div className="requirement-browser">
      <Filters pack={pack} filters={filters} />
      <div className="browser-results-head">
        <p className="browser-count" role="status" aria-live="polite">
          {resultSentence(hits.length, pack.requirements.length, isFiltered(filters))}
        </p>
        <button type="button" className="button" disabled={busy || hits.length === 0} onClick={() => void exportList()}>
          Imprimer / exporter (DOCX)…
        </button>
      </div>
      {exportMessage && (
        <p className="export-done" role="status">
          {exportMessage}
        </p>
      )}
      <ul className="browser-list" aria-label="Exigences">
        {hits.map(({ requirement: r }) => (
          <li key={r.id} data-requirement-id={r.id}>
            <button
              type="button"
              id={`browse-${r.id}`}
              className="browser-item"
              onClick={() => {
                lastOpened.current = r.id;
                showRequirement(r.id);
              }}
            >
              <span className="requirement-id">{r.id}</span>
              <span className="browser-title">{r.title}</span>
              <span className="browser-tags">
                {KIND_NAME[r.kind]} · <span className={`level-badge level-${r.level}`}>{LEVEL_LABEL[r.level]}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
