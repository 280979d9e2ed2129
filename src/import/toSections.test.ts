import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../check';
import { blocksFromSection, documentFromSections } from '../document/lexical';
import { parseMarkdown } from '../document/markdown';
import { withHeadingPaths, type Block, type ContractDocument } from '../document/model';
import { buildContractDocx } from '../export/docx/index';
import { buildContractOdt } from '../export/odt/index';
import { exportFixtures } from '../export/testInputs';
import { importDocument } from './index';
import { coverBlockIds, PREAMBLE_TITLE, titleKey, toSections } from './toSections';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const fixtures = exportFixtures(read);
const { pack, template } = fixtures;

const doc = (blocks: Omit<Block, 'headingPath' | 'id'>[]): ContractDocument => ({ blocks: withHeadingPaths(blocks.map((b, i) => ({ id: `b${i}`, ...b }))) });
const statuses = (d: ContractDocument) => Object.fromEntries(check(d, pack).requirements.map((r) => [r.id, r.status]));
/** The blocks of a section as the checker reads them back: type, level, text, depth. */
const shape = (s: { id: string; title: string; content: string }) => blocksFromSection(s).map((b) => [b.type, b.level ?? b.listDepth ?? b.table?.col ?? null, b.text]);

describe('sections from an imported document', () => {
  it('starts a section at each top-level heading, with text before it in a « Préambule »', () => {
    const sections = toSections(
      doc([
        { type: 'paragraph', text: 'Entre les soussignés…' },
        { type: 'heading', level: 1, text: 'Diagnostic' },
        { type: 'heading', level: 2, text: 'Emploi' },
        { type: 'listItem', text: 'Chômage : 27 %', listDepth: 0 },
        { type: 'listItem', text: 'dont jeunes : 35 %', listDepth: 1 },
        { type: 'heading', level: 1, text: 'Signataires' },
        { type: 'tableCell', text: 'Institution', table: { id: 't0', row: 0, col: 0 } },
        { type: 'tableCell', text: 'Signature', table: { id: 't0', row: 0, col: 1 } },
        { type: 'tableCell', text: 'État', table: { id: 't0', row: 1, col: 0 } },
        { type: 'tableCell', text: '', table: { id: 't0', row: 1, col: 1 } },
      ]),
    );
    expect(sections.map((s) => [s.id, s.position, s.title])).toEqual([
      ['preambule', 0, PREAMBLE_TITLE],
      ['diagnostic', 1, 'Diagnostic'],
      ['signataires', 2, 'Signataires'],
    ]);
    expect(shape(sections[1]!)).toEqual([
      ['heading', 1, 'Diagnostic'],
      ['heading', 2, 'Emploi'],
      ['listItem', 0, 'Chômage : 27 %'],
      ['listItem', 1, 'dont jeunes : 35 %'],
    ]);
    expect(shape(sections[2]!).slice(1)).toEqual([
      ['tableCell', 0, 'Institution'],
      ['tableCell', 1, 'Signature'],
      ['tableCell', 0, 'État'],
      ['tableCell', 1, ''],
    ]);
  });

  it('takes a lone heading above the chapters for the document’s title, and ranks the chapters as sections', () => {
    const titled = (intro: boolean) => [
      { type: 'heading' as const, level: 1, text: 'Contrat de ville de Val-Fictif' },
      ...(intro ? [{ type: 'paragraph' as const, text: 'Période 2024-2030' }] : []),
      { type: 'heading' as const, level: 2, text: 'Signataires' },
      { type: 'heading' as const, level: 2, text: 'Annexes' },
    ];
    expect(toSections(doc(titled(true))).map((s) => s.title)).toEqual(['Contrat de ville de Val-Fictif', 'Signataires', 'Annexes']);
    expect(toSections(doc(titled(false))).map((s) => s.title)).toEqual(['Signataires', 'Annexes']);
    // A PDF's title and subtitle, sized by font, over numbered chapters.
    const pdf = doc([
      { type: 'heading', level: 1, text: 'Contrat de ville' },
      { type: 'heading', level: 2, text: 'Val-de-Brume' },
      { type: 'paragraph', text: 'Période 2015-2020' },
      { type: 'heading', level: 3, text: '1. Préambule' },
      { type: 'heading', level: 3, text: '2. Diagnostic' },
      { type: 'heading', level: 4, text: '2.1. Emploi' },
    ]);
    expect(toSections(pdf).map((s) => [s.title, shape(s).length])).toEqual([
      ['Val-de-Brume', 2],
      ['1. Préambule', 1],
      ['2. Diagnostic', 2],
    ]);
    const sections = toSections(
      doc([
        { type: 'heading', level: 1, text: 'Contrat de ville de Val-Fictif' },
        { type: 'heading', level: 2, text: 'Préambule' },
        { type: 'paragraph', text: 'Le présent contrat…' },
        { type: 'heading', level: 2, text: 'Pilier 1 — Cohésion sociale' },
        { type: 'heading', level: 3, text: 'Santé' },
      ]),
    );
    expect(sections.map((s) => s.title)).toEqual(['Préambule', 'Pilier 1 — Cohésion sociale']);
    expect(shape(sections[1]!)).toEqual([
      ['heading', 1, 'Pilier 1 — Cohésion sociale'],
      ['heading', 2, 'Santé'],
    ]);
  });

  it('gives known sections their template ids, matched by title, and keeps ids unique', () => {
    const known = [
      { id: 'presentation', title: 'Le territoire et la géographie prioritaire' },
      { id: 'signataires', title: 'Signataires' },
    ];
    const sections = toSections(
      doc([
        { type: 'heading', level: 1, text: '1. Le territoire et la géographie  prioritaire' },
        { type: 'heading', level: 1, text: 'Signataires' },
        { type: 'heading', level: 1, text: 'Signataires' },
        { type: 'heading', level: 1, text: 'Presentation' },
      ]),
      { known },
    );
    expect(sections.map((s) => s.id)).toEqual(['presentation', 'signataires', 'signataires-2', 'presentation-2']);
    expect(titleKey('Durée et révision du contrat')).toBe(titleKey('2.3 Durée  et révision du contrat'));
  });

  it('gives no section for an empty document', () => {
    expect(toSections({ blocks: [] })).toEqual([]);
  });
});

describe('the checker on the sections agrees with the checker on the imported document', () => {
  const drafts = readdirSync(new URL('../../seeds/corpus/', import.meta.url)).filter((f) => f.endsWith('.md'));

  it(`on every corpus draft read from Markdown (${drafts.length} drafts)`, () => {
    expect(drafts.length).toBeGreaterThanOrEqual(15);
    let same = 0;
    const differ: string[] = [];
    for (const name of drafts) {
      const imported = statuses(parseMarkdown(read(`seeds/corpus/${name}`)));
      for (const [id, status] of Object.entries(statuses(documentFromSections(toSections(parseMarkdown(read(`seeds/corpus/${name}`))))))) {
        if (imported[id] === status) same++;
        else differ.push(`${name} ${id}: ${imported[id]} → ${status}`);
      }
    }
    const total = same + differ.length;
    console.log(`toSections : ${same}/${total} statuts identiques (${((100 * same) / total).toFixed(2)} %)${differ.length ? ` ; écarts : ${differ.join(' ; ')}` : ''}`);
    // A document title over the whole text (« Contrat de ville 2015-2020 de … ») becomes a section beside the
    // chapters, as in sectionsFromMarkdown: a requirement found only in that title can lose its section.
    expect(same / total).toBeGreaterThanOrEqual(0.995);
    expect(differ.length).toBeLessThanOrEqual(drafts.length / 4);
  });

  it.each(['docx', 'odt'] as const)('on corpus drafts exported to %s by Pilier and read back, cover page left out', async (format) => {
    for (const name of drafts.slice(0, 4)) {
      const input = fixtures.corpus(name);
      const bytes = format === 'docx' ? await buildContractDocx({ ...input, options: { ...input.options, grille: false } }) : buildContractOdt(input);
      const read = await importDocument(bytes, `contrat.${format}`);
      if (!read.ok) throw new Error(read.error);
      const cover = coverBlockIds(read.contentControls);
      expect(cover.size, name).toBeGreaterThan(0);
      const sections = toSections(read.document, { skip: cover, known: template.sections });
      // The writers put no-break spaces inside « » and before : ; ! ?.
      const flat = (t: string) => t.replace(/[\u00a0\u202f]/g, ' ');
      expect(sections.map((s) => flat(s.title)), name).toEqual(input.sections.map((s) => flat(s.title)));
      const imported = { blocks: read.document.blocks.filter((b) => !cover.has(b.id)) };
      const differ = Object.entries(statuses(documentFromSections(sections))).filter(([id, s]) => statuses(imported)[id] !== s);
      expect(differ, name).toEqual([]);
    }
  });

  it('gives a skeleton exported to DOCX its template section ids back', async () => {
    const input = fixtures.skeleton({ grille: false });
    const read = await importDocument(await buildContractDocx(input), 'squelette.docx');
    if (!read.ok) throw new Error(read.error);
    const sections = toSections(read.document, { skip: coverBlockIds(read.contentControls), known: template.sections });
    expect(sections.map((s) => s.id)).toEqual(input.sections.map((s) => s.id));
  });
});
