import type { Status } from '../../src/check';
import type { AxisCount } from './coverage';

interface ChartRow {
  label: string;
  counts: Record<Status, number>;
  total: number;
}

/** The piliers (2014 packs), then the other groups of axes summed (stratégie, axes transversaux, gouvernance…). */
export function chartRows(axes: readonly AxisCount[]): ChartRow[] {
  const rows: ChartRow[] = axes.filter((a) => a.group === 'pilier').map((a) => ({ label: a.label, counts: a.counts, total: a.total }));
  const others: [string, string][] = [
    ['stratégie', 'Stratégie et priorités'],
    ['axe transversal', 'Axes transversaux'],
    ['gouvernance', 'Gouvernance et participation'],
    ['signataires', 'Signataires'],
    ['annexes', 'Annexes'],
    ['autre', 'Autres exigences'],
  ];
  for (const [group, label] of others) {
    const members = axes.filter((a) => a.group === group);
    if (members.length === 0) continue;
    const counts: Record<Status, number> = { covered: 0, partial: 0, missing: 0 };
    for (const m of members) for (const s of ['covered', 'partial', 'missing'] as const) counts[s] += m.counts[s];
    rows.push({ label, counts, total: counts.covered + counts.partial + counts.missing });
  }
  return rows.filter((r) => r.total > 0);
}

const percent = (n: number, total: number): string => `${((n / total) * 100).toFixed(2)}%`;

/**
 * Coverage by pilier: one plain SVG bar per row, covered solid, partial hatched, missing empty. The label and
 * the numbers are text beside the bar, so neither colour nor shape carries the information alone.
 */
export function CoverageChart({ axes }: { axes: readonly AxisCount[] }) {
  const rows = chartRows(axes);
  return (
    <figure className="coverage-chart" aria-labelledby="chart-caption">
      <figcaption id="chart-caption" className="chart-caption">
        Couverture par pilier et par axe
      </figcaption>
      <ul className="chart-rows">
        {rows.map((row, i) => (
          <li key={row.label} className="chart-row">
            <span className="chart-label">{row.label}</span>
            <svg className="chart-bar" width="100%" height="14" aria-hidden="true" focusable="false">
              <defs>
                <pattern id={`chart-hatch-${i}`} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                  <rect width="5" height="5" className="chart-partial-bg" />
                  <line x1="0" y1="0" x2="0" y2="5" className="chart-partial-line" strokeWidth="2.5" />
                </pattern>
              </defs>
              <rect x="0" y="0" width="100%" height="14" className="chart-track" />
              <rect x="0" y="0" width={percent(row.counts.covered, row.total)} height="14" className="chart-covered" />
              <rect
                x={percent(row.counts.covered, row.total)}
                y="0"
                width={percent(row.counts.partial, row.total)}
                height="14"
                fill={`url(#chart-hatch-${i})`}
              />
            </svg>
            <span className="chart-count">
              {row.counts.covered}/{row.total}
              <span className="visually-hidden">
                {' '}
                couvertes, {row.counts.partial} partielles, {row.counts.missing} manquantes
              </span>
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
