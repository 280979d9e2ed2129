import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check, type CheckReport } from '../check';
import { parseMarkdown } from '../document/markdown';
import { parsePack } from './load';
import type { Referentiel } from './schema';

const seeds = (name: string) => readFileSync(fileURLToPath(new URL(`../../seeds/${name}`, import.meta.url)), 'utf8');

function load(file: string): Referentiel {
  const result = parsePack(seeds(file), file);
  if (!result.ok) throw new Error(result.error);
  return result.pack;
}

const pack = load('referentiel-quartiers-2030.json');
const annex2014 = load('referentiel-annexe-1-2014.json');
const DRAFTS = ['03-vallombre-metropole-quartiers-2030.md', '15-lisonne-quartiers-2030-priorites.md'];

describe('the Engagements Quartiers 2030 pack', () => {
  it('validates, names itself and says what its sources are', () => {
    expect(pack.id).toBe('quartiers-2030');
    expect(pack.title).toBe('Engagements Quartiers 2030');
    expect(pack.source).toMatch(/31 août 2023/);
    expect(pack.source).toMatch(/4 janvier 2024/);
    expect(pack.source).toMatch(/7 novembre 2024/);
    expect(pack.note).toMatch(/forme de la source/);
    expect(pack.requirements.length).toBeGreaterThanOrEqual(25);
    expect(pack.requirements.length).toBeLessThanOrEqual(40);
  });

  it('has no national piliers: the 2014-only requirements and axes are absent', () => {
    const ids = new Set(pack.requirements.map((r) => r.id));
    for (const id of ['CAD-PIL-CS', 'CAD-PIL-CV', 'CAD-PIL-EM', 'CAD-AXE-CIT', 'FEM-1a', 'INT-1f', 'EMP-5b']) expect(ids.has(id), id).toBe(false);
    expect(pack.axes.filter((a) => a.group === 'pilier')).toEqual([]);
    expect(pack.conventions).toEqual([]);
    for (const r of pack.requirements) expect(r.title, r.id).not.toMatch(/^pilier/i);
  });

  it('holds what the 2023-2024 texts add: priorities, per-quartier declination, participation, investment, 50 % CPO, 2027 review', () => {
    const byId = new Map(pack.requirements.map((r) => [r.id, r]));
    expect(byId.get('EQ-PRIO')).toMatchObject({ kind: 'volet', level: 'obligatoire' });
    expect(byId.get('EQ-QUART')).toMatchObject({ kind: 'volet' });
    expect(byId.get('EQ-PART')).toMatchObject({ kind: 'volet', level: 'obligatoire', axis: 'participation' });
    expect(byId.get('EQ-INV')).toMatchObject({ kind: 'volet', level: 'recommandé' });
    expect(byId.get('EQ-CPO')).toMatchObject({ kind: 'cible', target: { value: 50, unit: '%' } });
    expect(byId.get('EQ-MIP')?.source).toMatch(/2027/);
    expect(byId.get('CAD-GOV-DUR')?.source).toMatch(/2024-2030/);
    expect(byId.get('CAD-GOV-QPV')?.source).toMatch(/28 décembre 2023/);
  });

  it('traces every requirement: a legal basis naming a text, a level reason, examples, sourceForm for its own requirements', () => {
    const kept = new Set(annex2014.requirements.map((r) => r.id));
    for (const r of pack.requirements) {
      expect(r.legalBasis, r.id).toMatch(/loi|circulaire|instruction|décret|comité interministériel|annexe|contrat de ville|centres de ressources/i);
      expect(r.levelReason.length, r.id).toBeGreaterThan(20);
      expect(r.examples, r.id).toBeDefined();
      if (r.kind === 'volet') expect(r.evidence.headings.length, r.id).toBeGreaterThan(0);
      if (r.kind === 'cible') expect(r.target, r.id).toBeDefined();
      // Requirements written for this pack (not kept from 2014 as they are) say what their source holds.
      const same = kept.has(r.id) && JSON.stringify(annex2014.requirements.find((x) => x.id === r.id)) === JSON.stringify(r);
      if (!same) expect(r.sourceForm, r.id).toBeDefined();
    }
  });

  it('cites verbatim what it keeps from the loi Lamy: unchanged requirements equal the 2014 ones', () => {
    for (const id of ['CAD-CC-1', 'CAD-CC-LIEU', 'CAD-SIG-PREF', 'CAD-ANX-TFPB']) {
      expect(pack.requirements.find((r) => r.id === id)).toEqual(annex2014.requirements.find((r) => r.id === id));
    }
  });
});

describe('the checker on the Quartiers 2030 drafts of the corpus', () => {
  const reports = new Map<string, CheckReport>(DRAFTS.map((d) => [d, check(parseMarkdown(seeds(`corpus/${d}`)), pack)]));
  const statusOf = (draft: string, id: string) => reports.get(draft)!.requirements.find((r) => r.id === id)?.status;

  it('runs on both drafts and reports every requirement of the pack', () => {
    for (const [draft, report] of reports) {
      expect(report.referentiel).toEqual({ id: 'quartiers-2030', version: pack.version });
      expect(report.requirements).toHaveLength(pack.requirements.length);
      const { covered, partial, missing } = report.summary;
      console.info(`${draft} : ${covered} présentes, ${partial} partielles, ${missing} absentes (sur ${pack.requirements.length}).`);
      const notCovered = report.requirements.filter((r) => r.status !== 'covered').map((r) => `${r.id} ${r.status}`);
      console.info(`  non couvertes : ${notCovered.join(', ')}`);
    }
  });

  it('finds the volet participation citoyenne and the per-quartier declination where the drafts write them', () => {
    for (const draft of DRAFTS) expect(statusOf(draft, 'EQ-PART'), draft).toBe('covered');
    expect(statusOf(DRAFTS[0]!, 'EQ-QUART')).toBe('covered');
    expect(statusOf(DRAFTS[0]!, 'EQ-INV')).toBe('covered');
    expect(statusOf(DRAFTS[0]!, 'EQ-MIP')).toBe('covered');
  });

  it('reads a local CPO figure as the 50 % cible, and « la moitié au moins » without a figure as partial', () => {
    const vallombre = reports.get(DRAFTS[0]!)!.requirements.find((r) => r.id === 'EQ-CPO')!;
    expect(vallombre).toMatchObject({ status: 'covered', figure: { national: 50, local: 50, unit: '%' } });
    expect(statusOf(DRAFTS[1]!, 'EQ-CPO')).toBe('partial');
  });

  it('keeps the law’s distinctions: a deferred pacte financier is missing, an absent Région signature is not covered', () => {
    expect(statusOf(DRAFTS[1]!, 'CAD-ANX-PFF')).toBe('missing');
    expect(statusOf(DRAFTS[1]!, 'CAD-SIG-REG')).not.toBe('covered');
    expect(statusOf(DRAFTS[0]!, 'CAD-SIG-REG')).toBe('covered');
  });
});
