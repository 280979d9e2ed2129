import type { CheckReport, Status } from './report';

/**
 * Scores the checker against labelled drafts: « covered » versus not (partial or missing), overall and per
 * requirement, plus the three-way agreement.
 */

export interface LabelledResult {
  draft: string;
  report: CheckReport;
  labels: Record<string, Status>;
  /** Requirement ids whose label says the text is deferred or negated (no « covered » allowed there). */
  deferredOrNegated: string[];
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Mistake {
  draft: string;
  id: string;
  expected: Status;
  actual: Status;
  reason: string;
}

export interface CorpusScore {
  overall: Score;
  perRequirement: Map<string, Score>;
  /** Same status out of three. */
  exactAgreement: number;
  labels: number;
  mistakes: Mistake[];
  /** Deferred or negated volets the checker wrongly called covered. */
  coveredWhenDeferred: Mistake[];
  deferredCases: number;
}

function score(tp: number, fp: number, fn: number, tn: number): Score {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const total = tp + fp + fn + tn;
  return { tp, fp, fn, tn, accuracy: total === 0 ? 1 : (tp + tn) / total, precision, recall, f1 };
}

export function scoreCorpus(results: LabelledResult[]): CorpusScore {
  const counts = new Map<string, [number, number, number, number]>();
  const total: [number, number, number, number] = [0, 0, 0, 0];
  let exact = 0;
  let labels = 0;
  let deferredCases = 0;
  const mistakes: Mistake[] = [];
  const coveredWhenDeferred: Mistake[] = [];
  for (const { draft, report, labels: expected, deferredOrNegated } of results) {
    const byId = new Map(report.requirements.map((r) => [r.id, r]));
    for (const [id, want] of Object.entries(expected)) {
      const got = byId.get(id);
      if (!got) throw new Error(`${draft} : l'exigence ${id} n'existe pas dans le référentiel`);
      labels++;
      if (got.status === want) exact++;
      const c = counts.get(id) ?? [0, 0, 0, 0];
      const slot = want === 'covered' ? (got.status === 'covered' ? 0 : 2) : got.status === 'covered' ? 1 : 3;
      c[slot]++;
      total[slot]++;
      counts.set(id, c);
      const mistake = { draft, id, expected: want, actual: got.status, reason: got.reason };
      if (slot === 1 || slot === 2) mistakes.push(mistake);
      if (deferredOrNegated.includes(id) && got.kind === 'volet') {
        deferredCases++;
        if (got.status === 'covered') coveredWhenDeferred.push(mistake);
      }
    }
  }
  const perRequirement = new Map<string, Score>();
  for (const [id, c] of [...counts.entries()].sort(([a], [b]) => a.localeCompare(b))) perRequirement.set(id, score(...c));
  return {
    overall: score(...total),
    perRequirement,
    exactAgreement: labels === 0 ? 1 : exact / labels,
    labels,
    mistakes,
    coveredWhenDeferred,
    deferredCases,
  };
}
