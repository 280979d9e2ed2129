import type { CheckReport } from '../../src/check';
import type { Referentiel } from '../../src/referential';
import { usePilier } from '../store';
import { StatusIcon } from '../ui/StatusIcon';
import { countsByAxis } from './coverage';
import { CoverageChart } from './CoverageChart';

/** Counts, the chart by pilier, and the two filters. */
export function ChecklistHeader({ report, pack }: { report: CheckReport; pack: Referentiel }) {
  const filters = usePilier((s) => s.filters);
  const setFilter = usePilier((s) => s.setFilter);
  const { covered, partial, missing } = report.summary;
  const mandatory = report.requirements.filter((r) => r.level === 'obligatoire');
  const mandatoryCovered = mandatory.filter((r) => r.status === 'covered').length;
  return (
    <div className="checklist-header">
      <ul className="summary-counts" aria-label="Bilan">
        <li data-status="covered">
          <StatusIcon status="covered" /> <strong>{covered}</strong> {covered > 1 ? 'couvertes' : 'couverte'}
        </li>
        <li data-status="partial">
          <StatusIcon status="partial" /> <strong>{partial}</strong> {partial > 1 ? 'partielles' : 'partielle'}
        </li>
        <li data-status="missing">
          <StatusIcon status="missing" /> <strong>{missing}</strong> {missing > 1 ? 'manquantes' : 'manquante'}
        </li>
      </ul>
      <p className="mandatory-count">
        Exigences obligatoires couvertes : <strong>{mandatoryCovered}</strong> sur {mandatory.length}
      </p>
      <CoverageChart axes={countsByAxis(report, pack)} />
      <fieldset className="filters">
        <legend className="visually-hidden">Filtres</legend>
        <label>
          <input type="checkbox" checked={filters.mandatoryOnly} onChange={(e) => setFilter('mandatoryOnly', e.target.checked)} /> Obligatoires
          seulement
        </label>
        <label>
          <input type="checkbox" checked={filters.missingOnly} onChange={(e) => setFilter('missingOnly', e.target.checked)} /> Manquants
          seulement
        </label>
      </fieldset>
    </div>
  );
}
