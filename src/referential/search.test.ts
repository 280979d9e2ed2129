import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEST_PACK } from '../check/testPack';
import { parsePack } from './load';
import type { Referentiel } from './schema';
import { searchRequirements } from './search';

const seeds = (name: string) => readFileSync(fileURLToPath(new URL(`../../seeds/${name}`, import.meta.url)), 'utf8');
function load(file: string): Referentiel {
  const r = parsePack(seeds(file), file);
  if (!r.ok) throw new Error(r.error);
  return r.pack;
}
const annex = load('referentiel-annexe-1-2014.json');
const q2030 = load('referentiel-quartiers-2030.json');
const ids = (pack: Referentiel, query: string, filters?: Parameters<typeof searchRequirements>[2]) => searchRequirements(pack, query, filters).map((h) => h.requirement.id);

describe('searchRequirements', () => {
  it('finds the France Travail signatory by its former name and by its current one, first', () => {
    for (const query of ['Pôle emploi', 'pole emploi', 'France Travail', 'FRANCE TRAVAIL', 'ANPE']) expect(ids(annex, query)[0], query).toBe('EMP-5b');
    const hit = searchRequirements(annex, 'Pôle emploi')[0]!;
    expect(hit.matched).toEqual(expect.arrayContaining(['Pôle emploi']));
    console.info(`« Pôle emploi » : ${ids(annex, 'Pôle emploi').slice(0, 5).join(', ')}…`);
  });

  it('uses former names both ways, even where a requirement carries only one of them', () => {
    // The 2030 pack's emploi priority names France Travail; « Garantie jeunes » is only a former name there.
    expect(ids(q2030, 'Pôle emploi')).toContain('EQ-EMP');
    const pack = structuredClone(TEST_PACK);
    const only = pack.requirements.find((r) => r.evidence.formerNames.length > 0);
    expect(only, 'the test pack has a former name').toBeDefined();
    const { term, current } = only!.evidence.formerNames[0]!;
    expect(ids(pack, term)).toContain(only!.id);
    expect(ids(pack, current)).toContain(only!.id);
  });

  it('ignores accents, case and inflections, and ranks the dedicated requirement before passing mentions', () => {
    expect(ids(annex, 'egalite femmes hommes')[0]).toBe('FEM-1a');
    expect(ids(annex, 'ÉGALITÉ ENTRE LES FEMMES ET LES HOMMES')[0]).toBe('FEM-1a');
    expect(ids(annex, 'conseils citoyens').slice(0, 4)).toEqual(expect.arrayContaining(['CAD-CC-1', 'CAD-CC-LIEU']));
    expect(ids(q2030, 'participation citoyenne')[0]).toBe('EQ-PART');
  });

  it('finds acronyms (dots optional), ids and conventions', () => {
    expect(ids(annex, 'CLSPD')).toContain('INT-1f');
    expect(ids(annex, 'C.L.S.P.D.')).toContain('INT-1f');
    expect(ids(annex, 'EMP-5b')[0]).toBe('EMP-5b');
    expect(ids(annex, 'justice').length).toBeGreaterThan(ids(annex, 'justice', { convention: 'EMP' }).length);
  });

  it('matches the word being typed as a prefix, but not after a space', () => {
    expect(ids(annex, 'France Trav')[0]).toBe('EMP-5b');
    expect(ids(annex, 'France Trav ')).not.toContain('EMP-5b');
  });

  it('requires every word of the query and returns nothing for unknown words', () => {
    expect(ids(annex, 'zzyzx')).toEqual([]);
    expect(ids(annex, 'France Travail zzyzx')).toEqual([]);
  });

  it('filters by kind, level, convention and axis; an empty query lists what passes, in pack order', () => {
    const signataires = searchRequirements(annex, '', { kind: 'signataire' });
    expect(signataires.length).toBeGreaterThan(5);
    expect(signataires.every((h) => h.requirement.kind === 'signataire' && h.score === 0)).toBe(true);
    const order = annex.requirements.filter((r) => r.kind === 'signataire').map((r) => r.id);
    expect(signataires.map((h) => h.requirement.id)).toEqual(order);
    expect(ids(annex, 'emploi', { level: 'obligatoire', convention: 'EMP' })).toContain('EMP-5b');
    expect(ids(annex, 'Pôle emploi', { kind: 'action' })).not.toContain('EMP-5b');
    expect(ids(q2030, '', { axis: 'participation' })).toEqual(['EQ-PART', 'CAD-CC-1', 'CAD-CC-LIEU', 'CAD-CC-FORM', 'CAD-CC-INST']);
  });
});
