import type { Verdict, VerdictRecord, CommentRecord } from '../api/contract';
import type { CheckReport, Evidence, Status } from '../check/report';
import { STATUS_LABELS } from '../export/grille';
import type { Kind, Level, Referentiel } from '../referential/schema';

/**
 * The reviewer's grille and its summary, shared by the « Rapport d'analyse » writers (DOCX, ODT) and the screen:
 * one row per requirement (the automatic status beside the human verdict), counts by verdict and by pilier or axe,
 * the signatories and annexes still missing. Pure data in, data out.
 */

export const VERDICT_LABELS: Record<Verdict, string> = {
  conforme: 'Conforme',
  'a-completer': 'À compléter',
  'non-conforme': 'Non conforme',
  'sans-objet': 'Sans objet',
};
/** A requirement the reviewer has not ruled on yet. */
export const NO_VERDICT_LABEL = 'Sans verdict';

export interface ReviewRow {
  id: string;
  title: string;
  kind: Kind;
  level: Level;
  axis: string;
  axisLabel: string;
  /** The annex or legal text, verbatim. */
  source: string;
  automaticStatus: Status | null;
  /** « couverte », « partielle », « manquante », or « — » when the checker has no result. */
  automaticLabel: string;
  verdict: Verdict | null;
  verdictLabel: string;
  /** The verdict's comment and the reviewer's other comments on this requirement, oldest first. */
  comments: string[];
  /** Where the first piece of evidence is: its heading path (« Pilier 1 — Cohésion sociale › Santé »), or « — ». */
  where: string;
  reviewer: string | null;
  at: string | null;
}

export interface AxisCount {
  axis: string;
  label: string;
  total: number;
  counts: Record<Verdict | 'none', number>;
}

export interface MissingItem {
  id: string;
  title: string;
  /** Why it counts as missing: the verdict, or the automatic status when there is no verdict. */
  why: string;
}

export interface ReviewSummary {
  byVerdict: { verdict: Verdict | null; label: string; count: number }[];
  byAxis: AxisCount[];
  missingSignatories: MissingItem[];
  missingAnnexes: MissingItem[];
}

/** « Pilier 1 — Cohésion sociale › Santé »: the evidence's headings (its own text when it is a title), at most three. */
export function evidencePlace(evidence: Evidence | undefined): string {
  if (!evidence) return '—';
  const path = evidence.headingPath.length > 0 ? evidence.headingPath : [evidence.text];
  const place = path.slice(0, 3).join(' › ').replace(/\s+/g, ' ').trim();
  return place || '—';
}

/** The reviewer as the report prints them: « Claire Martin (déléguée du préfet) ». */
export function reviewerLabel(reviewer: { nom: string; qualite: string }): string {
  return reviewer.qualite.trim() ? `${reviewer.nom.trim()} (${reviewer.qualite.trim()})` : reviewer.nom.trim();
}

/**
 * Rows in the pack's order of axes, then of requirements: every `obligatoire` and `attendu` requirement, and any
 * `recommandé` one the reviewer ruled or commented on.
 */
export function reviewRows(pack: Referentiel, report: CheckReport, verdicts: readonly VerdictRecord[], comments: readonly CommentRecord[] = []): ReviewRow[] {
  const axes = new Map(pack.axes.map((a, i) => [a.id, { label: a.label, order: i }]));
  const results = new Map(report.requirements.map((r) => [r.id, r]));
  const byRequirement = new Map(verdicts.map((v) => [v.requirementId, v]));
  const notes = new Map<string, string[]>();
  for (const c of comments) if (c.requirementId) notes.set(c.requirementId, [...(notes.get(c.requirementId) ?? []), c.text]);
  const rows: (ReviewRow & { order: number })[] = [];
  pack.requirements.forEach((requirement, index) => {
    const verdict = byRequirement.get(requirement.id);
    const extra = notes.get(requirement.id) ?? [];
    if (requirement.level === 'recommandé' && !verdict?.verdict && !verdict?.comment.trim() && extra.length === 0) return;
    const result = results.get(requirement.id);
    const status = result?.status ?? null;
    const axis = axes.get(requirement.axis);
    rows.push({
      id: requirement.id,
      title: requirement.title,
      kind: requirement.kind,
      level: requirement.level,
      axis: requirement.axis,
      axisLabel: axis?.label ?? requirement.axis,
      source: requirement.source,
      automaticStatus: status,
      automaticLabel: status ? STATUS_LABELS[status] : '—',
      verdict: verdict?.verdict ?? null,
      verdictLabel: verdict?.verdict ? VERDICT_LABELS[verdict.verdict] : NO_VERDICT_LABEL,
      comments: [...(verdict?.comment.trim() ? [verdict.comment.trim()] : []), ...extra],
      where: status && status !== 'missing' ? evidencePlace(result?.evidence[0]) : '—',
      reviewer: verdict ? reviewerLabel(verdict.reviewer) : null,
      at: verdict?.at ?? null,
      order: (axis?.order ?? pack.axes.length) * 10_000 + index,
    });
  });
  rows.sort((a, b) => a.order - b.order);
  return rows.map(({ order: _order, ...row }) => row);
}

/** Missing when the verdict says so; without a verdict, when the checker did not find it covered. */
function missingItem(row: ReviewRow): MissingItem | undefined {
  if (row.verdict === 'conforme' || row.verdict === 'sans-objet') return undefined;
  if (row.verdict) return { id: row.id, title: row.title, why: `verdict : ${row.verdictLabel.toLowerCase()}` };
  if (row.automaticStatus === 'covered') return undefined;
  return { id: row.id, title: row.title, why: `vérification automatique : ${row.automaticLabel}` };
}

export function reviewSummary(rows: readonly ReviewRow[], pack: Referentiel): ReviewSummary {
  const order: (Verdict | null)[] = ['conforme', 'a-completer', 'non-conforme', 'sans-objet', null];
  const byVerdict = order.map((verdict) => ({
    verdict,
    label: verdict ? VERDICT_LABELS[verdict] : NO_VERDICT_LABEL,
    count: rows.filter((r) => r.verdict === verdict).length,
  }));
  const byAxis: AxisCount[] = [];
  for (const row of rows) {
    let entry = byAxis.find((a) => a.axis === row.axis);
    if (!entry) {
      entry = { axis: row.axis, label: row.axisLabel, total: 0, counts: { conforme: 0, 'a-completer': 0, 'non-conforme': 0, 'sans-objet': 0, none: 0 } };
      byAxis.push(entry);
    }
    entry.total++;
    entry.counts[row.verdict ?? 'none']++;
  }
  const annexAxes = new Set(pack.axes.filter((a) => a.group === 'annexes').map((a) => a.id));
  const missing = (keep: (r: ReviewRow) => boolean): MissingItem[] => rows.filter(keep).flatMap((r) => missingItem(r) ?? []);
  return {
    byVerdict,
    byAxis,
    missingSignatories: missing((r) => r.kind === 'signataire'),
    missingAnnexes: missing((r) => annexAxes.has(r.axis)),
  };
}
