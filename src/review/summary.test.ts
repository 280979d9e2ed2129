import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { VerdictRecord } from '../api/contract';
import { check } from '../check';
import { documentFromSections } from '../document/lexical';
import { sectionsFromMarkdown } from '../template/fromMarkdown';
import { loadTemplateAndPack } from '../template/testFiles';
import { reviewRows, reviewSummary } from './summary';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const { pack } = loadTemplateAndPack(read);
const sections = sectionsFromMarkdown(read('seeds/demo/contrat-demo.md'));
const report = check(documentFromSections(sections), pack);
const claire = { nom: 'Claire Martin', qualite: 'Déléguée du préfet' };
const verdict = (requirementId: string, v: VerdictRecord['verdict'], comment = ''): VerdictRecord => ({
  requirementId,
  verdict: v,
  comment,
  automaticStatus: report.requirements.find((r) => r.id === requirementId)!.status,
  reviewer: claire,
  at: '2025-03-02T10:00:00.000Z',
});

describe('the reviewer’s grille and summary', () => {
  const automaticallyMissing = report.requirements.filter((r) => r.kind === 'signataire' && r.level !== 'recommandé' && r.status !== 'covered').map((r) => r.id);
  const covered = report.requirements.find((r) => r.kind === 'signataire' && r.status === 'covered')!.id;

  it('lists every obligatoire and attendu requirement, with the automatic status beside the verdict', () => {
    const rows = reviewRows(pack, report, [verdict('FEM-1a', 'non-conforme', 'Aucun volet.')]);
    expect(rows.length).toBe(pack.requirements.filter((r) => r.level !== 'recommandé').length);
    const fem = rows.find((r) => r.id === 'FEM-1a')!;
    expect(fem).toMatchObject({ verdict: 'non-conforme', verdictLabel: 'Non conforme', comments: ['Aucun volet.'], reviewer: 'Claire Martin (Déléguée du préfet)' });
    expect(fem.source).toBe(pack.requirements.find((r) => r.id === 'FEM-1a')!.source);
    const withEvidence = rows.find((r) => r.automaticStatus === 'covered')!;
    expect(withEvidence.where).not.toBe('—');
    expect(sections.map((s) => s.title)).toContain(withEvidence.where.split(' › ')[0]);
  });

  it('adds a recommandé requirement only once the reviewer rules on it', () => {
    const recommended = pack.requirements.find((r) => r.level === 'recommandé')!.id;
    expect(reviewRows(pack, report, []).some((r) => r.id === recommended)).toBe(false);
    expect(reviewRows(pack, report, [verdict(recommended, 'conforme')]).some((r) => r.id === recommended)).toBe(true);
  });

  it('counts by verdict and by pilier or axe, and lets verdicts decide missing signatories', () => {
    expect(automaticallyMissing.length).toBeGreaterThan(0);
    const [first, ...others] = automaticallyMissing;
    const rows = reviewRows(pack, report, [verdict(first!, 'sans-objet'), verdict(covered, 'a-completer', 'Signature absente de la page finale.')]);
    const summary = reviewSummary(rows, pack);
    expect(summary.byVerdict.map((v) => [v.label, v.count])).toEqual([
      ['Conforme', 0],
      ['À compléter', 1],
      ['Non conforme', 0],
      ['Sans objet', 1],
      ['Sans verdict', rows.length - 2],
    ]);
    expect(summary.byAxis.reduce((n, a) => n + a.total, 0)).toBe(rows.length);
    expect(summary.byAxis.find((a) => a.axis === 'signataires')!.counts).toMatchObject({ 'a-completer': 1, 'sans-objet': 1 });
    expect(summary.missingSignatories.map((m) => m.id).sort()).toEqual([...others, covered].sort());
    expect(summary.missingSignatories.find((m) => m.id === covered)!.why).toBe('verdict : à compléter');
    for (const m of summary.missingAnnexes) expect(m.id).toMatch(/^CAD-ANX-/);
  });
});
