import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../check/checker';
import type { CheckReport } from '../../check/report';
import { readDocx, type DocxReadResult } from '../../import/docx';
import { sectionForRequirement } from '../../template/load';
import { sameTitleKey } from '../fromProject';
import type { ExportInput } from '../input';
import { exportFixtures } from '../testInputs';
import { buildContractDocx } from './index';

/**
 * Round trip: export → read back with the project's own DOCX reader → check. The checker must find what it
 * found in the draft, in the same sections; the content controls must come back with the requirement ids.
 */

const read = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const fixtures = exportFixtures(read);
const { pack, template } = fixtures;
const volets = pack.requirements.filter((r) => r.level === 'obligatoire' && r.kind === 'volet');

type Read = Extract<DocxReadResult, { ok: true }>;
async function roundTrip(input: ExportInput): Promise<{ read: Read; back: CheckReport }> {
  const result = await readDocx(await buildContractDocx(input), 'contrat.docx');
  if (!result.ok) throw new Error(result.error);
  return { read: result, back: check(result.document, pack) };
}

const sectionsOf = (report: CheckReport, id: string): string[] =>
  [...new Set(report.requirements.find((r) => r.id === id)!.evidence.map((e) => e.headingPath[0] ?? e.text))].sort();

const CASES: [string, () => ExportInput][] = [
  ['the empty skeleton', () => fixtures.skeleton()],
  ['the demo contract', () => fixtures.demo()],
  ['a corpus draft with numbered titles (Estuaire)', () => fixtures.corpus('10-estuaire-contrat-complet.md')],
  ['a corpus draft of 2015 (Grand Brévannais)', () => fixtures.corpus('01-grand-brevannais-2015.md')],
  ['an incomplete corpus draft (Val d’Aubrèle)', () => fixtures.corpus('04-val-aubrele-projet-incomplet.md')],
];

describe.each(CASES)('DOCX round trip: %s', (_name, make) => {
  const input = make();
  const trip = roundTrip(input);

  it('reads back with the same verdict for every requirement', async () => {
    const { back } = await trip;
    const statuses = (r: CheckReport) => Object.fromEntries(r.requirements.map((q) => [q.id, q.status]));
    expect(statuses(back)).toEqual(statuses(input.report));
  });

  it('finds every obligatoire volet in the sections where the draft has it', async () => {
    const { back } = await trip;
    for (const v of volets) expect(sectionsOf(back, v.id), v.id).toEqual(sectionsOf(input.report, v.id));
  });

  it('recovers the content controls: one per section that serves requirements, with their ids', async () => {
    const { read: result } = await trip;
    const tagged = result.contentControls.filter((c) => c.requirements.length > 0);
    expect(tagged.map((c) => c.requirements)).toEqual(input.sections.filter((s) => s.requirements.length > 0).map((s) => s.requirements));
    const titles = input.sections.filter((s) => s.requirements.length > 0).map((s) => s.title.replace(/\s+/g, ' ').trim());
    tagged.forEach((c, i) => {
      const title = titles[i]!;
      if ([...title].length <= 64) expect(c.alias).toBe(title);
      else expect(c.alias!.endsWith('…') && title.startsWith(c.alias!.slice(0, -1))).toBe(true);
    });
    for (const c of tagged) {
      expect(c.blockIds.length).toBeGreaterThan(0);
      const first = result.document.blocks.find((b) => b.id === c.blockIds[0])!;
      expect(first).toMatchObject({ type: 'heading', level: 1 });
    }
    expect(result.contentControls.map((c) => c.generated).filter(Boolean)).toEqual(['garde', 'sommaire', 'sommaire', 'grille']);
  });

  it('leaves the table of contents and the grille out of the document read back', async () => {
    const { read: result } = await trip;
    const texts = result.document.blocks.map((b) => b.text);
    expect(texts).not.toContain('Sommaire');
    expect(texts).not.toContain('Annexe — Grille de complétude');
    expect(texts).not.toContain('Synthèse par pilier et par axe');
    expect(result.document.title).toBe('Contrat de ville');
    expect(result.warnings).toEqual([]);
  });
});

describe('DOCX round trip of a contract that follows the template', () => {
  it('finds each obligatoire volet in the section of the template that serves it, wrapped in a control naming it', async () => {
    for (const input of [fixtures.skeleton(), fixtures.demo()]) {
      const { read: result, back } = await roundTrip(input);
      for (const v of volets) {
        const expected = template.sections.find((s) => s.id === sectionForRequirement(template, v.id)!.path[0])!.title;
        const heading = result.document.blocks.find((b) => b.type === 'heading' && b.level === 1 && sameTitleKey(b.text) === sameTitleKey(expected))!;
        expect(heading, `${v.id}: section « ${expected} »`).toBeDefined();
        const control = result.contentControls.find((c) => c.blockIds.includes(heading.id))!;
        expect(control.requirements, v.id).toContain(v.id);
        const found = back.requirements.find((r) => r.id === v.id)!;
        if (found.status !== 'missing') expect(sectionsOf(back, v.id).map(sameTitleKey), v.id).toContain(sameTitleKey(expected));
      }
    }
  });

  it('leaves the grille out even when an editor dropped its content control', async () => {
    const input = fixtures.demo();
    const files = unzipSync(await buildContractDocx(input));
    const xml = strFromU8(files['word/document.xml']!);
    // Unwrap the grille's control, as LibreOffice 7.4 does when it saves the file.
    const start = xml.indexOf('<w:sdt><w:sdtPr><w:alias w:val="Grille de complétude"/>');
    const content = xml.indexOf('<w:sdtContent>', start) + '<w:sdtContent>'.length;
    const end = xml.lastIndexOf('</w:sdtContent></w:sdt>');
    expect(start).toBeGreaterThan(0);
    files['word/document.xml'] = strToU8(xml.slice(0, start) + xml.slice(content, end) + xml.slice(end + '</w:sdtContent></w:sdt>'.length));
    const result = await readDocx(zipSync(files), 'contrat.docx');
    if (!result.ok) throw new Error(result.error);
    expect(result.contentControls.some((c) => c.generated === 'grille')).toBe(false);
    expect(result.document.blocks.map((b) => b.text)).not.toContain('Synthèse par pilier et par axe');
    expect(check(result.document, pack).summary).toEqual(input.report.summary);
  });

  it('gives the same verdicts without the grille', async () => {
    const input = fixtures.demo({ grille: false });
    const { read: result, back } = await roundTrip(input);
    expect(result.contentControls.some((c) => c.generated === 'grille')).toBe(false);
    expect(back.summary).toEqual(input.report.summary);
  });
});
