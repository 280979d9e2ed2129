import { describe, expect, it } from 'vitest';
import type { CheckReport, RequirementResult, Status } from '../check/report';
import { diffReports } from './reportDiff';

function report(id: string, items: [string, Status][]): CheckReport {
  const requirements = items.map(
    ([rid, status]): RequirementResult => ({
      id: rid,
      title: `Exigence ${rid}`,
      kind: 'volet',
      level: 'obligatoire',
      axis: 'a',
      source: 's',
      status,
      confidence: 1,
      reason: '',
      evidence: [],
    }),
  );
  const summary = { covered: 0, partial: 0, missing: 0 };
  for (const r of requirements) summary[r.status]++;
  return { referentiel: { id, version: '1.0.0' }, summary, requirements };
}

describe('diffReports', () => {
  it('lists added and removed requirements, status changes, and the counts before and after', () => {
    const before = report('annexe-1-2014', [['FEM-1a', 'missing'], ['CAD-PIL-CS', 'covered'], ['EDU-4', 'partial']]);
    const after = report('quartiers-2030', [['FEM-1a', 'covered'], ['EDU-4', 'partial'], ['Q30-PART', 'missing']]);
    const diff = diffReports(before, after);
    expect(diff.before).toEqual({ covered: 1, partial: 1, missing: 1 });
    expect(diff.after).toEqual({ covered: 1, partial: 1, missing: 1 });
    expect(diff.added.map((r) => r.id)).toEqual(['Q30-PART']);
    expect(diff.removed.map((r) => r.id)).toEqual(['CAD-PIL-CS']);
    expect(diff.statusChanged).toEqual([{ id: 'FEM-1a', title: 'Exigence FEM-1a', from: 'missing', to: 'covered' }]);
  });

  it('finds nothing to say between a report and itself', () => {
    const same = report('x', [['A-1', 'covered']]);
    expect(diffReports(same, same)).toMatchObject({ added: [], removed: [], statusChanged: [] });
  });
});
