import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { convertToPdf, libreOfficeRequired, libreOfficeTools, pagesText, REQUIRE_ENV } from '../../../tests/libreoffice';
import { TEST_PACK } from '../../check/testPack';
import { parsePack } from '../../referential/load';
import type { Referentiel } from '../../referential/schema';
import { buildReferentielDocx } from './docx';
import { selectRequirements } from './select';

const seeds = (name: string) => readFileSync(fileURLToPath(new URL(`../../../seeds/${name}`, import.meta.url)), 'utf8');
function load(file: string): Referentiel {
  const r = parsePack(seeds(file), file);
  if (!r.ok) throw new Error(r.error);
  return r.pack;
}
const DATE = '2026-11-25';

async function build(pack: Referentiel, requirementIds?: string[], title?: string) {
  const r = await buildReferentielDocx({ pack, date: DATE, ...(requirementIds ? { requirementIds } : {}), ...(title ? { title } : {}) });
  if (!r.ok) throw new Error(r.error);
  return r;
}
/** The text as mammoth reads it, the no-break spaces of French typography (« », :) read as spaces. */
const textOf = async (bytes: Uint8Array) => (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.replace(/\u00a0/g, ' ');
const parts = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));

describe('selectRequirements', () => {
  it('groups by convention for a pack of conventions, by axe otherwise, in pack order', () => {
    const annex = load('referentiel-annexe-1-2014.json');
    const all = selectRequirements(annex);
    expect(all.ok && all.count).toBe(annex.requirements.length);
    expect(all.ok && all.groups[0]!.title).toMatch(/^Convention avec le ministère des sports/);
    const q = selectRequirements(load('referentiel-quartiers-2030.json'));
    expect(q.ok && q.groups.map((g) => g.title)[0]).toMatch(/^Stratégie/);
  });

  it('keeps only the listed ids and refuses unknown ones by name', () => {
    const some = selectRequirements(TEST_PACK, [TEST_PACK.requirements[2]!.id, TEST_PACK.requirements[0]!.id]);
    expect(some.ok && some.groups.flatMap((g) => g.requirements.map((r) => r.id))).toEqual([TEST_PACK.requirements[0]!.id, TEST_PACK.requirements[2]!.id].sort((a, b) => TEST_PACK.requirements.findIndex((r) => r.id === a) - TEST_PACK.requirements.findIndex((r) => r.id === b)));
    expect(selectRequirements(TEST_PACK, ['NOPE-1'])).toEqual({ ok: false, error: expect.stringMatching(/ne contient pas l’exigence « NOPE-1 »/) });
    expect(selectRequirements(TEST_PACK, [])).toMatchObject({ ok: false, error: expect.stringMatching(/Aucune exigence/) });
  });
});

describe('buildReferentielDocx', () => {
  it('prints a requirement’s id, title, level reason, verbatim source, target, vocabulary and examples (read back with mammoth)', async () => {
    const annex = load('referentiel-annexe-1-2014.json');
    const emp = annex.requirements.find((r) => r.id === 'EMP-5b')!;
    const cible = annex.requirements.find((r) => r.kind === 'cible' && r.target)!;
    const done = await build(annex, ['EMP-5b', cible.id]);
    expect(done.requirements).toBe(2);
    const text = await textOf(done.bytes);
    for (const expected of [`EMP-5b — ${emp.title}`, emp.source.slice(0, 80), emp.levelReason, emp.examples!.compliant, emp.examples!.notCounting, '« Pôle emploi » → « France Travail »', annex.source.slice(0, 60)]) {
      expect(text, expected).toContain(expected.replace(/\u00a0/g, ' '));
    }
    expect(text).toContain(cible.target!.measure);
    expect(text).toContain('2 exigences sur');
    expect(text).not.toContain('FEM-1a —');
  });

  it('is a Word document in French with its title in the properties and a repeated table header', async () => {
    const done = await build(TEST_PACK, undefined, 'Support de formation — session de Lille');
    const p = parts(done.bytes);
    expect(p['docProps/core.xml']).toContain('<dc:title>Support de formation — session de Lille</dc:title>');
    expect(p['docProps/core.xml']).toContain('<dc:language>fr-FR</dc:language>');
    expect(p['word/styles.xml']).toContain('w:val="fr-FR"');
    const doc = p['word/document.xml']!;
    expect(doc).toMatch(/<w:tblHeader\/>/);
    for (const style of ['Title', 'Heading1', 'Heading2', 'Heading3']) expect(doc, style).toContain(`<w:pStyle w:val="${style}"/>`);
  });

  it('prints the Quartiers 2030 pack by axe, with what its sources are', async () => {
    const q = load('referentiel-quartiers-2030.json');
    const text = await textOf((await build(q)).bytes);
    expect(text).toContain('EQ-PART — Volet « participation citoyenne »');
    expect(text).toContain('Forme de la source');
    expect(text).toContain(q.note!.slice(0, 60));
  });
});

const found = libreOfficeTools();
if (!found.ok && !libreOfficeRequired()) console.warn(`Test LibreOffice du support de formation ignoré : ${found.missing.join(', ')} manquant. Pour l’exiger : ${REQUIRE_ENV}=1.`);

describe.skipIf(!found.ok)('the handout laid out by LibreOffice', () => {
  it('converts to PDF with pages, the summary and a requirement’s source on them', async () => {
    if (!found.ok) return;
    const annex = load('referentiel-annexe-1-2014.json');
    const ids = annex.requirements.filter((r) => r.convention === 'EMP' || r.origin === 'cadre').map((r) => r.id);
    const converted = await convertToPdf(found.tools, (await build(annex, ids)).bytes, 'support.docx');
    try {
      const pages = (await pagesText(found.tools, converted.pdf)).map((p) => p.replace(/\s+/g, ' '));
      console.info(`Support de formation (${ids.length} exigences) : ${pages.length} pages en PDF, converti en ${Math.round(converted.ms)} ms.`);
      expect(pages.length).toBeGreaterThan(0);
      expect(pages[0]).toContain('Sommaire des exigences');
      expect(pages.some((p) => p.includes('systématiquement signataire des contrats de ville'))).toBe(true);
      expect(pages.at(-1)).toContain(`Page ${pages.length} sur ${pages.length}`);
    } finally {
      await converted.dispose();
    }
  }, 180_000);
});
