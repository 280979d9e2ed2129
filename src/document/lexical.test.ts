import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../check';
import { walkSections } from '../template/load';
import { buildSkeleton } from '../template/skeleton';
import { loadTemplateAndPack, META } from '../template/testFiles';
import { blocksFromSection, documentFromSections, UNREADABLE_SECTION_TEXT } from './lexical';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

type Json = Record<string, unknown>;
const text = (t: string, format = 0): Json => ({ detail: 0, format, mode: 'normal', style: '', text: t, type: 'text', version: 1 });
const el = (type: string, children: Json[], extra: Json = {}): Json => ({ children, direction: null, format: '', indent: 0, type, version: 1, ...extra });
const p = (...children: Json[]): Json => el('paragraph', children, { textFormat: 0, textStyle: '' });
const ph = (t: string): Json => ({ type: 'pilier-placeholder', version: 1, text: `[À compléter : ${t}]` });
const li = (value: number, ...children: Json[]): Json => el('listitem', children, { value });
const list = (...items: Json[]): Json => el('list', items, { listType: 'bullet', start: 1, tag: 'ul' });
const cell = (header: boolean, ...children: Json[]): Json =>
  el('tablecell', children.length ? children : [p()], { backgroundColor: null, colSpan: 1, headerState: header ? 1 : 0, rowSpan: 1 });
const state = (...children: Json[]): string => JSON.stringify({ root: el('root', children) });

/** The node at a child-index path, as the editor would reach it with getChildAtIndex. */
function nodeAt(content: string, path: number[]): Json {
  let node = (JSON.parse(content) as { root: Json }).root;
  for (const i of path) node = (node.children as Json[])[i]!;
  return node;
}

const CONTENT = state(
  el('heading', [text('Volet santé')], { tag: 'h2' }),
  p(text('Le CLS est signé '), el('link', [text('avec l’ARS')], { url: 'https://ars.fr', rel: null, target: null, title: null }), text('.'), { type: 'linebreak', version: 1 }, text('Deuxième ligne.')),
  p(ph('actions de prévention')),
  p(),
  list(li(1, text('premier')), li(2, list(li(1, text('imbriqué')), li(2, list(li(1, text('très imbriqué')))))), li(2, text('second'))),
  el('quote', [text('Une citation.')]),
  el('heading', [text('Signatures')], { tag: 'h3' }),
  el('table', [
    el('tablerow', [cell(true, p(text('Institution'))), cell(true, p(text('Signature')))]),
    el('tablerow', [{ ...cell(false, p(text('État')), p(text('Le préfet'))), colSpan: 2 } as Json, cell(false, p(ph('date')))]),
  ]),
);

describe('blocksFromSection', () => {
  const blocks = blocksFromSection({ id: 'sante', title: 'Pilier 1 — Cohésion sociale', content: CONTENT });

  it('reads the title, headings, paragraphs, quotes, list items and table cells in reading order', () => {
    expect(blocks.map((b) => [b.id, b.type, b.text])).toEqual([
      ['sante/title', 'heading', 'Pilier 1 — Cohésion sociale'],
      ['sante/0', 'heading', 'Volet santé'],
      ['sante/1', 'paragraph', 'Le CLS est signé avec l’ARS.\nDeuxième ligne.'],
      ['sante/2', 'paragraph', '[À compléter : actions de prévention]'],
      ['sante/3', 'listItem', 'premier'],
      ['sante/4', 'listItem', 'imbriqué'],
      ['sante/5', 'listItem', 'très imbriqué'],
      ['sante/6', 'listItem', 'second'],
      ['sante/7', 'paragraph', 'Une citation.'],
      ['sante/8', 'heading', 'Signatures'],
      ['sante/t0r0c0', 'tableCell', 'Institution'],
      ['sante/t0r0c1', 'tableCell', 'Signature'],
      ['sante/t0r1c0', 'tableCell', 'État\nLe préfet'],
      ['sante/t0r1c2', 'tableCell', '[À compléter : date]'],
    ]);
  });

  it('gives heading levels, list depths, table positions, placeholders and heading paths', () => {
    const by = (id: string) => blocks.find((b) => b.id === id)!;
    expect(by('sante/title')).toMatchObject({ level: 1, headingPath: [] });
    expect(by('sante/0')).toMatchObject({ level: 2, headingPath: ['Pilier 1 — Cohésion sociale'] });
    expect(by('sante/8')).toMatchObject({ level: 3, headingPath: ['Pilier 1 — Cohésion sociale', 'Volet santé'] });
    expect([3, 4, 5, 6].map((k) => by(`sante/${k}`).listDepth)).toEqual([0, 1, 2, 0]);
    expect(by('sante/t0r1c2').table).toEqual({ id: 'sante/t0', row: 1, col: 2 });
    expect(blocks.filter((b) => b.placeholder).map((b) => b.id)).toEqual(['sante/2', 'sante/t0r1c2']);
    expect(by('sante/t0r1c0').headingPath).toEqual(['Pilier 1 — Cohésion sociale', 'Volet santé', 'Signatures']);
  });

  it('keeps the child-index path from the root to each block’s node', () => {
    expect(blocks.map((b) => b.source)).toEqual([
      { section: 'sante', path: [] },
      { section: 'sante', path: [0] },
      { section: 'sante', path: [1] },
      { section: 'sante', path: [2] },
      { section: 'sante', path: [4, 0] },
      { section: 'sante', path: [4, 1, 0, 0] },
      { section: 'sante', path: [4, 1, 0, 1, 0, 0] },
      { section: 'sante', path: [4, 2] },
      { section: 'sante', path: [5] },
      { section: 'sante', path: [6] },
      { section: 'sante', path: [7, 0, 0] },
      { section: 'sante', path: [7, 0, 1] },
      { section: 'sante', path: [7, 1, 0] },
      { section: 'sante', path: [7, 1, 1] },
    ]);
    expect(nodeAt(CONTENT, [4, 1, 0, 1, 0, 0])).toMatchObject({ type: 'listitem', children: [{ text: 'très imbriqué' }] });
    expect(nodeAt(CONTENT, [7, 1, 1])).toMatchObject({ type: 'tablecell' });
  });

  it('marks a block as a placeholder only when nothing else is written in it', () => {
    const mixed = blocksFromSection({ id: 's', title: 'T', content: state(p(text('Fait à Brumeval, le '), ph('date')), p(text(' '), ph('a'), ph('b'))) });
    expect(mixed.slice(1).map((b) => [b.text, b.placeholder ?? false])).toEqual([
      ['Fait à Brumeval, le [À compléter : date]', false],
      [' [À compléter : a][À compléter : b]', true],
    ]);
    const typed = blocksFromSection({ id: 's', title: 'T', content: state(p(text('[À compléter : tapé à la main]'))) });
    expect(typed[1]!.placeholder).toBe(true);
  });

  it('never throws: unreadable content becomes one paragraph saying so, empty content only the title', () => {
    for (const content of ['{ pas du JSON', '{"root": 3}', 'null', '[]']) {
      expect(blocksFromSection({ id: 's', title: 'Titre', content }).map((b) => [b.id, b.type, b.text])).toEqual([
        ['s/title', 'heading', 'Titre'],
        ['s/0', 'paragraph', UNREADABLE_SECTION_TEXT],
      ]);
    }
    expect(UNREADABLE_SECTION_TEXT).toMatch(/^Le contenu de cette section est illisible/);
    expect(blocksFromSection({ id: 's', title: 'Titre', content: '' })).toHaveLength(1);
    const odd = state({ type: 'horizontalrule', version: 1 }, { type: 'mystery', children: [p(text('dedans'))] } as Json, { type: 'pilier-placeholder', version: 1, text: '[À compléter : seul]' });
    expect(blocksFromSection({ id: 's', title: 'T', content: odd }).slice(1).map((b) => [b.text, b.source!.path, b.placeholder ?? false])).toEqual([
      ['dedans', [1, 0], false],
      ['[À compléter : seul]', [2], true],
    ]);
  });
});

describe('documentFromSections', () => {
  const a = { id: 'a', position: 1, title: 'Deuxième', content: state(p(text('Texte de a.'))) };
  const b = { id: 'b', position: 0, title: 'Premier', content: state(el('heading', [text('Sous-titre')], { tag: 'h2' }), p(text('Texte de b.'))) };

  it('concatenates sections by position with heading paths across them', () => {
    const doc = documentFromSections([a, b]);
    expect(doc.blocks.map((x) => [x.id, x.headingPath])).toEqual([
      ['b/title', []],
      ['b/0', ['Premier']],
      ['b/1', ['Premier', 'Sous-titre']],
      ['a/title', []],
      ['a/0', ['Deuxième']],
    ]);
  });

  it('keeps the ids of a section when another one changes', () => {
    const before = documentFromSections([a, b]).blocks.filter((x) => x.source!.section === 'a').map((x) => x.id);
    const grown = { ...b, content: state(p(text('Nouveau.')), p(text('Encore.')), p(text('Texte de b.'))) };
    const after = documentFromSections([a, grown]).blocks.filter((x) => x.source!.section === 'a').map((x) => x.id);
    expect(after).toEqual(before);
  });
});

describe('the skeleton read back', () => {
  const { template, pack } = loadTemplateAndPack(read);
  const sections = buildSkeleton(template, pack, META);

  it('finds every template heading and placeholder, each path leading to its Lexical node', () => {
    for (const s of sections) {
      const top = template.sections.find((t) => t.id === s.id)!;
      const blocks = blocksFromSection(s);
      expect(blocks.filter((b) => b.type === 'heading').map((b) => [b.level, b.text])).toEqual(walkSections([top]).map(({ section, depth }) => [depth, section.title]));
      expect(blocks.filter((b) => b.placeholder).map((b) => b.text)).toEqual(walkSections([top]).map(({ section }) => `[À compléter : ${section.placeholder}]`));
      for (const block of blocks.slice(1)) {
        const node = nodeAt(s.content, block.source!.path);
        const expected = { heading: 'heading', paragraph: 'paragraph', listItem: 'listitem', tableCell: 'tablecell' }[block.type];
        expect(node.type, block.id).toBe(expected);
      }
    }
  });

  it('gives the checker a document with the whole structure and nothing written but the metadata', () => {
    const report = check(documentFromSections(sections), pack);
    const missing = report.requirements.filter((r) => r.kind === 'volet' && r.level === 'obligatoire' && r.status === 'missing');
    expect(missing.map((r) => r.id)).toEqual(expect.arrayContaining(['FEM-1a', 'INT-1f', 'CAD-PIL-CV', 'CAD-AXE-JEU', 'CAD-AXE-LCD', 'CAD-CC-1', 'CAD-GOV-PIL', 'CAD-GOV-EVAL']));
    expect(report.requirements.filter((r) => r.kind === 'volet' && r.level === 'obligatoire' && r.status === 'covered')).toEqual([]);
  });
});
