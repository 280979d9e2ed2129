import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEST_PACK } from '../check/testPack';
import { comparePacks, normalizeTitle } from './compare';
import { parsePack } from './load';
import type { Referentiel } from './schema';

const seeds = (name: string) => readFileSync(fileURLToPath(new URL(`../../seeds/${name}`, import.meta.url)), 'utf8');
function load(file: string): Referentiel {
  const r = parsePack(seeds(file), file);
  if (!r.ok) throw new Error(r.error);
  return r.pack;
}

describe('comparePacks', () => {
  it('finds nothing to report between a pack and itself', () => {
    expect(comparePacks(TEST_PACK, TEST_PACK)).toEqual({ added: [], removed: [], changed: [], unchanged: TEST_PACK.requirements.length });
  });

  it('reports added, removed and changed fields, matched by id', () => {
    const to = structuredClone(TEST_PACK);
    const [first, second, third] = to.requirements;
    first!.level = first!.level === 'obligatoire' ? 'attendu' : 'obligatoire';
    first!.source = `${first!.source} (modifié)`;
    second!.target = { value: 99, unit: '%', measure: 'part nouvelle', direction: 'min' };
    to.requirements = to.requirements.filter((r) => r !== third);
    to.requirements.push({ ...structuredClone(third!), id: 'NEW-1', title: 'Exigence nouvelle' });
    const c = comparePacks(TEST_PACK, to);
    expect(c.added.map((r) => r.id)).toEqual(['NEW-1']);
    expect(c.removed.map((r) => r.id)).toEqual([third!.id]);
    expect(c.changed).toEqual([
      { id: first!.id, title: first!.title, fields: ['level', 'source'] },
      { id: second!.id, title: second!.title, fields: ['target'] },
    ]);
    expect(c.unchanged).toBe(TEST_PACK.requirements.length - 3);
  });

  it('matches a renamed id by its title, whatever the case, accents or quotes', () => {
    const to = structuredClone(TEST_PACK);
    const r = to.requirements[0]!;
    const oldId = r.id;
    r.id = 'REN-1';
    r.title = r.title.toUpperCase().replace(/«\s*|\s*»/g, '"');
    expect(normalizeTitle(r.title)).toBe(normalizeTitle(TEST_PACK.requirements[0]!.title));
    const c = comparePacks(TEST_PACK, to);
    expect(c.added).toEqual([]);
    expect(c.removed).toEqual([]);
    expect(c.changed).toEqual([{ id: 'REN-1', title: r.title, fields: ['id', 'title'], fromId: oldId }]);
  });

  it('compares target objects by content, not by key order', () => {
    const to = structuredClone(TEST_PACK);
    const withTarget = to.requirements.find((r) => r.target);
    expect(withTarget, 'the test pack has a cible').toBeDefined();
    const t = withTarget!.target!;
    withTarget!.target = { direction: t.direction, measure: t.measure, unit: t.unit, value: t.value, ...(t.deadline ? { deadline: t.deadline } : {}), ...(t.baseline ? { baseline: t.baseline } : {}) };
    expect(comparePacks(TEST_PACK, to).changed).toEqual([]);
  });

  it('2014 → Quartiers 2030: piliers removed, priorities added, the loi Lamy kept, France Travail renamed', () => {
    const from = load('referentiel-annexe-1-2014.json');
    const to = load('referentiel-quartiers-2030.json');
    const c = comparePacks(from, to);
    const removed = c.removed.map((r) => r.id);
    expect(removed).toEqual(expect.arrayContaining(['CAD-PIL-CS', 'CAD-PIL-CV', 'CAD-PIL-EM', 'FEM-1a']));
    expect(c.added.map((r) => r.id)).toEqual(expect.arrayContaining(['EQ-PRIO', 'EQ-PART', 'EQ-CPO']));
    expect(c.changed.find((x) => x.id === 'CAD-AXE-JEU')?.fields).toEqual(['title', 'level', 'source']);
    expect(c.changed.find((x) => x.id === 'EQ-SIG-FT')).toMatchObject({ fromId: 'EMP-5b', fields: expect.arrayContaining(['id', 'level']) });
    expect(c.added.length + c.changed.length + c.unchanged).toBe(to.requirements.length);
    expect(c.removed.length + c.changed.length + c.unchanged).toBe(from.requirements.length);
    console.info(`2014 → 2030 : ${c.added.length} ajoutées, ${c.removed.length} retirées, ${c.changed.length} modifiées, ${c.unchanged} inchangées.`);
  });
});
