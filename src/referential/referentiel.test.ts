import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEST_PACK } from '../check/testPack';
import { parseAnnexBullets } from './annex';
import { parsePack } from './load';

const seeds = (name: string) => readFileSync(fileURLToPath(new URL(`../../seeds/${name}`, import.meta.url)), 'utf8');
const PACK_FILE = 'referentiel-annexe-1-2014.json';

describe('the Annex 1 référentiel pack', () => {
  const annex = seeds('annexe-1.txt');
  const result = parsePack(seeds(PACK_FILE), PACK_FILE);
  if (!result.ok) throw new Error(result.error);
  const pack = result.pack;

  it('traces each of the 136 bullets of the annex exactly once, verbatim, in order, under its convention', () => {
    const { conventions, bullets } = parseAnnexBullets(annex);
    expect(conventions).toHaveLength(12);
    expect(bullets).toHaveLength(136);
    const annexRequirements = pack.requirements.filter((r) => r.origin === 'annexe');
    const traced = bullets.map((b) => annexRequirements.filter((r) => r.source === b.text));
    const untraced = bullets.filter((_, i) => traced[i]!.length !== 1).map((b) => `l.${b.line}: ${b.text.slice(0, 60)}`);
    expect(untraced).toEqual([]);
    expect(annexRequirements.map((r) => r.source)).toEqual(bullets.map((b) => b.text));
    const conventionIds = pack.conventions.map((c) => c.id);
    bullets.forEach((b, i) => expect(traced[i]![0]!.convention).toBe(conventionIds[b.convention]));
    console.info(`Annexe 1 : ${bullets.length} puces, ${annexRequirements.length} exigences tracées, chacune une fois.`);
  });

  it('cites every requirement source verbatim: annex bullets are substrings of the annex', () => {
    for (const r of pack.requirements.filter((x) => x.origin === 'annexe')) expect(annex.includes(r.source)).toBe(true);
  });

  it('holds the structural requirements of the law with their legal basis', () => {
    const cadre = pack.requirements.filter((r) => r.origin === 'cadre');
    expect(cadre.length).toBeGreaterThanOrEqual(30);
    const ids = new Set(pack.requirements.map((r) => r.id));
    for (const id of ['CAD-PIL-CS', 'CAD-PIL-CV', 'CAD-PIL-EM', 'CAD-CC-LIEU', 'CAD-SIG-PREF', 'CAD-ANX-TFPB', 'FEM-1a', 'INT-1f', 'EMP-5b', 'JUS-1', 'EDU-4']) {
      expect(ids.has(id), id).toBe(true);
    }
    for (const r of cadre) expect(r.legalBasis).toMatch(/loi|circulaire|instruction|CGI|code|article|art\.|comité interministériel/i);
  });

  it('gives every cible a national target and every volet heading vocabulary', () => {
    for (const r of pack.requirements) {
      if (r.kind === 'cible') expect(r.target, r.id).toBeDefined();
      if (r.kind === 'volet') expect(r.evidence.headings.length, r.id).toBeGreaterThan(0);
    }
  });
});

describe('pack validation', () => {
  const text = (mutate: (p: Record<string, unknown>) => void) => {
    const copy = structuredClone(TEST_PACK) as unknown as Record<string, unknown>;
    mutate(copy);
    return JSON.stringify(copy);
  };

  it('accepts a valid pack', () => {
    expect(parsePack(JSON.stringify(TEST_PACK), 'test.json').ok).toBe(true);
  });

  it('names the file and the field of the first problem, in French', () => {
    const missing = parsePack(text((p) => delete (p.requirements as Record<string, unknown>[])[3]!.kind), 'pack.json');
    expect(missing).toEqual({ ok: false, error: expect.stringMatching(/^Le référentiel pack\.json est invalide : champ requirements\[3 « JUS-1 »\]\.kind/) });
    const badLevel = parsePack(text((p) => ((p.requirements as Record<string, unknown>[])[0]!.level = 'facultatif')), 'p.json');
    expect(badLevel.ok || badLevel.error).toMatch(/requirements\[0 « FEM-1a »\]\.level/);
  });

  it('refuses broken JSON, newer schema versions, duplicate ids and unknown axes', () => {
    expect(parsePack('{"schemaVersion": 1,', 'x.json')).toMatchObject({ ok: false, error: expect.stringMatching(/x\.json n'est pas du JSON valide/) });
    expect(parsePack(text((p) => (p.schemaVersion = 9)), 'x.json')).toMatchObject({ error: expect.stringMatching(/version plus récente de Pilier/) });
    const dup = parsePack(text((p) => ((p.requirements as Record<string, unknown>[])[1]!.id = 'FEM-1a')), 'x.json');
    expect(dup).toMatchObject({ error: expect.stringMatching(/« FEM-1a » est utilisé deux fois/) });
    const axis = parsePack(text((p) => ((p.requirements as Record<string, unknown>[])[0]!.axis = 'nulle-part')), 'x.json');
    expect(axis).toMatchObject({ error: expect.stringMatching(/axe « nulle-part » inconnu/) });
  });
});
