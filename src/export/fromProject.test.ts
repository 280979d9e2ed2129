import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../check/checker';
import { documentFromSections, UNREADABLE_SECTION_TEXT } from '../document/lexical';
import { PLACEHOLDER_PATTERN } from '../document/model';
import { editorStateJson, headingNode, paragraphNode, placeholderNode, tableNode, textNode } from '../template/lexicalNodes';
import { META } from '../template/testFiles';
import { blocksOfContent, buildExportInput, exportPlaceholderText, GUIDANCE_LEAD, sameTitleKey, splitPlaceholder } from './fromProject';
import { EXPORT_DATE, exportFixtures } from './testInputs';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const fixtures = exportFixtures(read);
const { template, pack } = fixtures;

type Node = { type: string; text?: string; children?: Node[] };
const all = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...all(n.children ?? [])]);
const placeholders = (blocks: unknown[]): string[] => all(blocks as Node[]).filter((n) => n.type === 'pilier-placeholder').map((n) => n.text!);

describe('placeholders as exported', () => {
  it('reads « [À compléter : …] » and writes « [À compléter — …] », with the guidance inside the brackets', () => {
    expect(splitPlaceholder('[À compléter : volet santé]')).toEqual({ label: 'volet santé' });
    const text = exportPlaceholderText('volet santé', 'Le CLS [et l’ARS] sont cités.');
    expect(text).toBe(`[À compléter — volet santé. ${GUIDANCE_LEAD}Le CLS (et l’ARS) sont cités.]`);
    expect(splitPlaceholder(text)).toEqual({ label: 'volet santé', guidance: 'Le CLS (et l’ARS) sont cités.' });
    // The checker still takes the whole of it for a placeholder.
    expect(text.replace(PLACEHOLDER_PATTERN, '')).toBe('');
    expect(exportPlaceholderText('', 'g')).toBe(`[À compléter — ${GUIDANCE_LEAD}g]`);
    expect(splitPlaceholder('texte')).toBeUndefined();
  });
});

describe('buildExportInput', () => {
  const skeleton = fixtures.skeleton();

  it('keeps the metadata, the date, the pack, the report and the options', () => {
    expect(skeleton.meta).toEqual({ ...META, referentiel: { id: pack.id, version: pack.version } });
    expect(skeleton.date).toBe(EXPORT_DATE);
    expect(skeleton.options).toEqual({ grille: true, author: 'Équipe projet', organisation: 'Communauté d’agglomération du Val-de-Brume' });
    expect(fixtures.skeleton({ grille: false }).options.grille).toBe(false);
  });

  it('gives each section the ids of its template section and sub-sections, in the pack’s order', () => {
    const order = new Map(pack.requirements.map((r, i) => [r.id, i]));
    const sante = template.sections.find((s) => s.id === 'pilier-cohesion-sociale')!;
    const expected = new Set([...sante.requirements, ...(sante.children ?? []).flatMap((c) => c.requirements)]);
    const section = skeleton.sections.find((s) => s.id === 'pilier-cohesion-sociale')!;
    expect(new Set(section.requirements)).toEqual(expected);
    expect(section.requirements).toEqual([...section.requirements].sort((a, b) => order.get(a)! - order.get(b)!));
    expect(skeleton.sections.find((s) => s.id === 'preambule')!.requirements).toEqual([]);
    // Every obligatoire and attendu requirement is served by some section.
    const served = new Set(skeleton.sections.flatMap((s) => s.requirements));
    for (const r of pack.requirements.filter((q) => q.level !== 'recommandé')) expect(served.has(r.id), r.id).toBe(true);
  });

  it('finds the template section of a renamed or imported section by its title', () => {
    const demo = fixtures.demo();
    const pillar = demo.sections.find((s) => s.title === 'Pilier 1 — Cohésion sociale')!;
    expect(pillar.id).not.toBe('pilier-cohesion-sociale');
    expect(pillar.requirements).toEqual(skeleton.sections.find((s) => s.id === 'pilier-cohesion-sociale')!.requirements);
    expect(sameTitleKey('2. Le Territoire et la géographie  prioritaire')).toBe(sameTitleKey('Le territoire et la géographie prioritaire'));
  });

  it('gives a section the template does not know what the report found in it', () => {
    const sections = [
      { id: 'notre-volet', position: 0, title: 'Notre volet maison', content: editorStateJson([paragraphNode([textNode('Le volet égalité entre les femmes et les hommes prévoit un diagnostic sexué et des marches exploratoires.')])]) },
    ];
    const report = check(documentFromSections(sections), pack);
    const input = buildExportInput({ meta: META, sections, template, pack, report, date: EXPORT_DATE });
    const found = report.requirements.filter((r) => r.status !== 'missing').map((r) => r.id);
    expect(found.length).toBeGreaterThan(0);
    expect(input.sections[0]!.requirements).toEqual(found);
    expect(buildExportInput({ meta: META, sections, pack, report, date: EXPORT_DATE }).sections[0]!.requirements).toEqual(found);
  });

  it('writes every placeholder « [À compléter — …] », the guidance once per template section', () => {
    const texts = skeleton.sections.flatMap((s) => placeholders(s.blocks));
    expect(texts.length).toBeGreaterThan(50);
    expect(texts.every((t) => t.startsWith('[À compléter — ') || t === '[À compléter]')).toBe(true);
    const withGuidance = texts.filter((t) => t.includes(GUIDANCE_LEAD));
    const allTemplate = (s: typeof template.sections): number => s.reduce((n, x) => n + 1 + allTemplate(x.children ?? []), 0);
    expect(withGuidance).toHaveLength(allTemplate(template.sections));
    const sante = template.sections.flatMap((s) => s.children ?? []).find((c) => c.id === 'cs-sante')!;
    expect(withGuidance).toContain(exportPlaceholderText(sante.placeholder, sante.guidance));
    // Inline placeholders (in the signature table) carry no guidance.
    const signataires = skeleton.sections.find((s) => s.id === 'signataires')!;
    const table = signataires.blocks.find((b) => b.type === 'table')!;
    expect(placeholders([table]).every((t) => !t.includes(GUIDANCE_LEAD))).toBe(true);
    expect(placeholders([table])).toContain('[À compléter — département]');
  });

  it('does not change the project’s stored nodes', () => {
    const content = editorStateJson([headingNode('h2', [textNode('Santé et accès aux soins')]), paragraphNode([placeholderNode('volet santé')])]);
    const sections = [{ id: 'pilier-cohesion-sociale', position: 0, title: 'Pilier 1 — Cohésion sociale', content }];
    const input = buildExportInput({ meta: META, sections, template, pack, report: check(documentFromSections(sections), pack), date: EXPORT_DATE });
    expect(placeholders(input.sections[0]!.blocks)[0]).toContain('ARS');
    expect(content).toContain('[À compléter : volet santé]');
  });

  it('orders sections by position', () => {
    const mk = (id: string, position: number) => ({ id, position, title: id, content: editorStateJson([]) });
    const input = buildExportInput({ meta: META, sections: [mk('b', 2), mk('a', 1)], pack, report: fixtures.skeleton().report, date: EXPORT_DATE });
    expect(input.sections.map((s) => s.id)).toEqual(['a', 'b']);
  });
});

describe('blocksOfContent', () => {
  it('keeps the four block types and turns quotes into paragraphs', () => {
    const table = tableNode([[[textNode('a')]]], false);
    const content = JSON.stringify({ root: { children: [paragraphNode([textNode('p')]), table, { type: 'quote', children: [textNode('q')] }, { type: 'mystery' }, 7] } });
    const blocks = blocksOfContent(content);
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(blocks[2]).toMatchObject({ children: [{ text: 'q' }] });
  });

  it('says so when the content cannot be read', () => {
    for (const bad of ['{', '{"root":3}', 'null', '{"root":{"children":"x"}}']) {
      expect(blocksOfContent(bad)).toMatchObject([{ type: 'paragraph', children: [{ text: UNREADABLE_SECTION_TEXT }] }]);
    }
  });
});
