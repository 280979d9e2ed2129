import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { acronymKey, parseGlossary, searchGlossary } from './glossary';
import { parsePack } from './load';

const seeds = (name: string) => readFileSync(fileURLToPath(new URL(`../../seeds/${name}`, import.meta.url)), 'utf8');

/**
 * Acronyms of the 2014 pack's vocabulary that the glossary leaves out on purpose: bodies of training or research,
 * internal tools or variants of a glossary entry that a contract of today almost never needs explained.
 */
const LEFT_OUT = [
  'APCMA', 'CCIT', 'CDPD', 'CDSG', 'CFE', 'CJS', 'CLEA', 'CMAI', 'CRMA', 'EAP', 'ENAP', 'ENM', 'EPN', 'FOQUALE', 'FSER',
  'IHEMI', 'INHESJ', 'NQT', 'PRF', 'PSYEN', 'RLJC', 'SMTC', 'SPED', 'SVE',
];

describe('the glossary of politique de la ville', () => {
  const parsed = parseGlossary(seeds('glossaire.json'), 'glossaire.json');
  if (!parsed.ok) throw new Error(parsed.error);
  const entries = parsed.entries;
  const keys = new Set(entries.map((e) => acronymKey(e.acronym)));

  it('defines at least 40 acronyms, each once, with the ones the référentiel browser needs first', () => {
    expect(entries.length).toBeGreaterThanOrEqual(40);
    expect(keys.size).toBe(entries.length);
    for (const a of ['QPV', 'ZUS', 'CUCS', 'ZFU', 'CLSPD', 'CISPD', 'STSPD', 'ASV', 'CLS', 'PRE', 'GUP', 'TFPB', 'NPNRU', 'PNRU', 'ANRU', 'ANCT', 'CGET', 'ACSé', 'DREETS', 'DDETS', 'CIPDR', 'AOM', 'AOTU', 'CAF', 'ARS', 'REP', 'REP+', 'PEDT', 'CPO', 'CIL', 'CIA', 'PLH', 'EPCI', 'CMA', 'CCI', 'FIPD', 'VVV', 'SIAE', 'PLIE', 'E2C', 'EPIDE', 'CDAD']) {
      expect(keys.has(acronymKey(a)), a).toBe(true);
    }
    console.info(`Glossaire : ${entries.length} sigles, dont ${entries.filter((e) => e.formerOrLater).length} avec leur ancien ou nouveau nom.`);
  });

  it('explains every acronym of the 2014 pack’s vocabulary, except those deliberately left out', () => {
    const pack = parsePack(seeds('referentiel-annexe-1-2014.json'), 'referentiel-annexe-1-2014.json');
    if (!pack.ok) throw new Error(pack.error);
    const vocabulary = new Set(pack.pack.requirements.flatMap((r) => r.evidence.acronyms).map(acronymKey));
    const missing = [...vocabulary].filter((a) => !keys.has(a) && !LEFT_OUT.includes(a)).sort();
    expect(missing).toEqual([]);
    // The list of exceptions stays honest: nothing in it is defined after all, and each is really in the pack.
    for (const a of LEFT_OUT) {
      expect(keys.has(a), a).toBe(false);
      expect(vocabulary.has(a), a).toBe(true);
    }
  });

  it('gives the former and later names a 2015 text and a 2024 text use', () => {
    const of = (a: string) => entries.find((e) => e.acronym === a)!;
    expect(of('DIRECCTE').formerOrLater).toMatch(/DREETS/);
    expect(of('CGET').formerOrLater).toMatch(/ANCT/);
    expect(of('ZUS').formerOrLater).toMatch(/QPV/);
    expect(of('CIPD').formerOrLater).toMatch(/CIPDR/);
  });

  it('finds entries by acronym, expansion or former name, accents and case ignored', () => {
    expect(searchGlossary(entries, 'qpv')[0]!.acronym).toBe('QPV');
    expect(searchGlossary(entries, 'acse').map((e) => e.acronym)).toContain('ACSé');
    expect(searchGlossary(entries, 'securite et de prevention').map((e) => e.acronym)).toEqual(expect.arrayContaining(['CLSPD', 'CISPD', 'STSPD']));
    expect(searchGlossary(entries, 'ile-de-france mobilites').map((e) => e.acronym)).toEqual(expect.arrayContaining(['STIF', 'IDFM']));
    expect(searchGlossary(entries, '')).toHaveLength(entries.length);
  });
});

describe('parseGlossary', () => {
  const ok = { schemaVersion: 1, entries: [{ acronym: 'QPV', expansion: 'quartier prioritaire', definition: 'Un quartier.' }] };

  it('sorts entries in French order and keeps optional fields', () => {
    const text = JSON.stringify({ schemaVersion: 1, entries: [{ acronym: 'ZUS', expansion: 'z', definition: 'd', formerOrLater: 'QPV' }, { acronym: 'ACSé', expansion: 'a', definition: 'd' }] });
    const r = parseGlossary(text, 'g.json');
    expect(r.ok && r.entries.map((e) => e.acronym)).toEqual(['ACSé', 'ZUS']);
    expect(r.ok && r.entries[1]!.formerOrLater).toBe('QPV');
  });

  it('names the file and the problem, in French', () => {
    expect(parseGlossary('{', 'g.json')).toMatchObject({ ok: false, error: expect.stringMatching(/^Le glossaire g\.json n’est pas du JSON valide/) });
    expect(parseGlossary(JSON.stringify({ ...ok, schemaVersion: 4 }), 'g.json')).toMatchObject({ error: expect.stringMatching(/version plus récente/) });
    const noDefinition = { schemaVersion: 1, entries: [{ acronym: 'QPV', expansion: 'q' }] };
    expect(parseGlossary(JSON.stringify(noDefinition), 'g.json')).toMatchObject({ error: expect.stringMatching(/champ entries\[0\]\.definition/) });
    const twice = { schemaVersion: 1, entries: [...ok.entries, { acronym: 'Q.P.V.', expansion: 'q', definition: 'd' }] };
    expect(parseGlossary(JSON.stringify(twice), 'g.json')).toMatchObject({ error: expect.stringMatching(/« Q\.P\.V\. » est défini deux fois/) });
  });
});
