import { useMemo } from 'react';
import type { Verdict } from '../../src/api/contract';
import { reviewRows, reviewSummary, type AxisCount, type MissingItem } from '../../src/review/summary';
import { sources } from '../app/sources';
import { usePilier } from '../store';
import { VERDICT_LABEL } from './labels';

const NO_VERDICT = 'sans verdict';
const COLUMNS: { key: Verdict | 'none'; label: string }[] = [
  ...(Object.keys(VERDICT_LABEL) as Verdict[]).map((v) => ({ key: v, label: VERDICT_LABEL[v] })),
  { key: 'none', label: NO_VERDICT },
];

/** « 1 non conforme · 57 sans verdict »: the verdicts present, in the usual order. */
function countsText(counts: AxisCount['counts']): string {
  return COLUMNS.filter((c) => counts[c.key] > 0)
    .map((c) => `${counts[c.key]} ${c.label}`)
    .join(' · ');
}

function MissingList({ id, title, items, none }: { id: string; title: string; items: MissingItem[]; none: string }) {
  return (
    <section className="summary-block" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {items.length === 0 ? (
        <p className="muted">{none}</p>
      ) : (
        <ul className="gap-list">
          {items.map((item) => (
            <li key={item.id}>
              {item.title} <span className="muted">({item.why})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * « Synthèse »: the same figures as the report (src/review/summary.ts: the `obligatoire` and `attendu`
 * requirements, and the `recommandé` ones ruled on) — counts by verdict and by axis, the signatories and annexes
 * still missing (the verdict decides, else the automatic status) — and the reviewer's overall opinion.
 */
export function SummaryPanel({ editable }: { editable: boolean }) {
  const report = usePilier((s) => s.report);
  const review = usePilier((s) => (s.reviewOf === s.project?.path ? s.review : null));
  const editOpinion = usePilier((s) => s.editOpinion);
  const { pack } = sources();
  const summary = useMemo(() => {
    if (!report || !review) return null;
    const rows = reviewRows(pack, report, review.verdicts, review.comments);
    return { examined: rows.length, ...reviewSummary(rows, pack) };
  }, [report, review, pack]);
  if (!summary || !review) return <p className="muted">Vérification en cours…</p>;

  return (
    <div className="summary-panel">
      <section className="summary-block" aria-labelledby="summary-verdicts">
        <h3 id="summary-verdicts">Verdicts</h3>
        <p className="hint">
          Sur {summary.examined} exigences obligatoires ou attendues, et les recommandées que vous avez examinées, comme dans le rapport.
        </p>
        <ul className="verdict-counts">
          {summary.byVerdict.map((v) => (
            <li key={v.verdict ?? 'none'} data-verdict={v.verdict ?? 'none'}>
              <strong>{v.count}</strong> {v.verdict ? VERDICT_LABEL[v.verdict] : NO_VERDICT}
            </li>
          ))}
        </ul>
      </section>
      <section className="summary-block" aria-labelledby="summary-axes">
        <h3 id="summary-axes">Par pilier et par axe</h3>
        <ul className="axis-verdicts">
          {summary.byAxis.map((a) => (
            <li key={a.axis}>
              <span className="axis-name">{a.label}</span> <span className="muted">({a.total > 1 ? `${a.total} exigences` : '1 exigence'})</span> :{' '}
              {countsText(a.counts)}
            </li>
          ))}
        </ul>
      </section>
      <MissingList id="summary-signataires" title="Signataires manquants" items={summary.missingSignatories} none="Aucun signataire ne manque." />
      <MissingList id="summary-annexes" title="Annexes manquantes" items={summary.missingAnnexes} none="Aucune annexe ne manque." />
      <section className="summary-block" aria-labelledby="summary-opinion">
        <h3 id="summary-opinion">Avis général</h3>
        {editable ? (
          <textarea
            className="opinion"
            aria-labelledby="summary-opinion"
            aria-describedby="summary-opinion-hint"
            rows={6}
            maxLength={10_000}
            value={review.opinion}
            onChange={(e) => editOpinion(e.target.value)}
          />
        ) : (
          <p className="opinion-text">{review.opinion || 'Le relecteur n’a pas formulé d’avis général.'}</p>
        )}
        {editable && (
          <p className="hint" id="summary-opinion-hint">
            Repris dans le rapport d’analyse, avant le bloc de signature.
          </p>
        )}
      </section>
    </div>
  );
}
