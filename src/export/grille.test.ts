import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { grilleRows, sourceLabel, STATUS_LABELS } from './grille';
import { exportFixtures } from './testInputs';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const fixtures = exportFixtures(read);
const { pack } = fixtures;
const demo = fixtures.demo();
const grille = grilleRows(demo);
const required = pack.requirements.filter((r) => r.level !== 'recommandé');

describe('grilleRows', () => {
  it('has one row per obligatoire and attendu requirement, grouped by axe in the pack’s order', () => {
    expect(grille.rows.map((r) => r.id).sort()).toEqual(required.map((r) => r.id).sort());
    const axisOrder = pack.axes.map((a) => a.id);
    const positions = grille.rows.map((r) => axisOrder.indexOf(r.axis));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // Within an axe, the pack's order.
    const fem = grille.rows.filter((r) => r.axis === 'egalite-femmes-hommes').map((r) => r.id);
    expect(fem).toEqual(required.filter((r) => r.axis === 'egalite-femmes-hommes').map((r) => r.id));
  });

  it('says the status and the level in French, as the report has them', () => {
    for (const row of grille.rows) {
      const result = demo.report.requirements.find((r) => r.id === row.id)!;
      expect(row.status).toBe(result.status);
      expect(row.statusLabel).toBe(STATUS_LABELS[result.status]);
      expect(row.levelLabel).toBe(row.level === 'obligatoire' ? 'obligatoire' : 'attendue');
    }
    expect(grille.rows.find((r) => r.id === 'FEM-1a')).toMatchObject({ status: 'missing', statusLabel: 'manquante', where: [] });
  });

  it('names where a requirement is covered: the section, then the sub-section', () => {
    const ids = grille.rows.find((r) => r.id === 'INT-1d')!;
    expect(ids.where[0]).toBe('Pilier 1 — Cohésion sociale › Sécurité et tranquillité publiques, prévention de la délinquance');
    expect(grille.rows.find((r) => r.id === 'JUS-1')!.where).toEqual(['Signataires']);
    for (const row of grille.rows) {
      expect(row.where.length).toBeLessThanOrEqual(3);
      expect(new Set(row.where).size).toBe(row.where.length);
      if (row.status !== 'missing') expect(row.where.length, row.id).toBeGreaterThan(0);
    }
  });

  it('cites the convention of the annex, or the first legal text without its « paraphrase » note', () => {
    expect(sourceLabel(pack.requirements.find((r) => r.id === 'FEM-1a')!, pack)).toBe('Annexe 1, convention FEM (21 mai 2013)');
    expect(sourceLabel(pack.requirements.find((r) => r.id === 'CAD-SIG-PREF')!, pack)).toBe('Loi n° 2014-173 du 21 février 2014, art. 6');
    expect(sourceLabel(pack.requirements.find((r) => r.id === 'CAD-GOV-PIL')!, pack)).toBe('Loi n° 2014-173 du 21 février 2014, art. 6 et art. 7');
    expect(grille.rows.find((r) => r.id === 'FEM-1a')!.sourceText).toBe(pack.requirements.find((r) => r.id === 'FEM-1a')!.source);
  });

  it('sums up by pilier and axe, and in total', () => {
    expect(grille.summary.map((s) => s.axis)).toEqual(pack.axes.map((a) => a.id).filter((id) => grille.rows.some((r) => r.axis === id)));
    for (const s of grille.summary) {
      const rows = grille.rows.filter((r) => r.axis === s.axis);
      expect([s.total, s.covered, s.partial, s.missing]).toEqual([rows.length, ...(['covered', 'partial', 'missing'] as const).map((k) => rows.filter((r) => r.status === k).length)]);
    }
    expect(grille.totals.total).toBe(required.length);
    expect(grille.totals.covered + grille.totals.partial + grille.totals.missing).toBe(required.length);
    expect(grille.summary.find((s) => s.axis === 'cohesion-sociale')).toMatchObject({ label: 'Cohésion sociale', group: 'pilier' });
  });

  it('places evidence of a document read from a file by its headings', () => {
    const skeleton = fixtures.skeleton();
    const report = { ...skeleton.report, requirements: skeleton.report.requirements.map((r) => (r.id === 'FEM-1a' ? { ...r, status: 'covered' as const, evidence: [{ text: 'x', blockId: 'b7', start: 0, end: 1, headingPath: ['Axes', 'Égalité', 'Détail'] }] } : r)) };
    expect(grilleRows({ ...skeleton, report }).rows.find((r) => r.id === 'FEM-1a')!.where).toEqual(['Axes › Égalité']);
  });
});
