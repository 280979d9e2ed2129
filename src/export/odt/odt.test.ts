import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sectionsFromMarkdown } from '../../template/fromMarkdown';
import { headingNode, linkNode, listNode, paragraphNode, tableNode, textNode, TEXT_FORMAT } from '../../template/lexicalNodes';
import { buildSkeleton } from '../../template/skeleton';
import { loadTemplateAndPack, META } from '../../template/testFiles';
import { grilleRows } from '../grille';
import type { ExportInput } from '../input';
import { buildContractOdt, COVER_SECTION_NAME, GRILLE_SECTION_NAME } from './index';
import { exportInput } from './testInput';
import { all, odtParts, styleNamed, textOf } from './testOdt';

const read = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const { template, pack } = loadTemplateAndPack(read);
const skeleton = exportInput(buildSkeleton(template, pack, META), pack, META, template);
const bytes = buildContractOdt(skeleton);
const odt = odtParts(bytes);

/** An input with one section holding these blocks. */
function withBlocks(blocks: ExportInput['sections'][number]['blocks'], requirements: string[] = []): ExportInput {
  return { ...skeleton, sections: [{ id: 'essai', title: 'Section d’essai', requirements, blocks }], options: { grille: false } };
}

describe('the ODT package', () => {
  it('starts with the mimetype, stored uncompressed, and its manifest lists every part', () => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(8, true)).toBe(0); // compression method: stored
    expect(view.getUint16(28, true)).toBe(0); // no extra field before the data
    expect(new TextDecoder().decode(bytes.subarray(30, 38 + 39))).toBe('mimetypeapplication/vnd.oasis.opendocument.text');
    expect(odt.names[0]).toBe('mimetype');
    const entries = all(odt.manifest, 'manifest:file-entry').map((e) => [e.attrs['manifest:full-path'], e.attrs['manifest:media-type']]);
    expect(entries[0]).toEqual(['/', 'application/vnd.oasis.opendocument.text']);
    expect(entries.slice(1).map(([path]) => path).sort()).toEqual(odt.names.filter((n) => n !== 'mimetype' && n !== 'META-INF/manifest.xml').sort());
    expect(odt.manifest.attrs['manifest:version']).toBe('1.3');
    for (const root of [odt.content, odt.styles, odt.meta]) expect(root.attrs['office:version']).toBe('1.3');
  });

  it('is the same bytes for the same input (no clock inside)', () => {
    expect(buildContractOdt(skeleton)).toEqual(bytes);
  });

  it('declares title, language, generator and dates in meta.xml', () => {
    const value = (name: string) => all(odt.meta, name).map(textOf);
    expect(value('dc:title')).toEqual(['Contrat de ville — Val-de-Brume']);
    expect(value('dc:language')).toEqual(['fr-FR']);
    expect(value('meta:generator')).toEqual(['Pilier']);
    expect(value('meta:creation-date')).toEqual(['2025-03-01T00:00:00']);
    expect(value('meta:initial-creator')).toEqual(['Équipe projet politique de la ville']);
    expect(all(odt.meta, 'meta:user-defined').map((u) => [u.attrs['meta:name'], textOf(u)])).toContainEqual(['Organisation', 'Communauté d’agglomération']);
  });
});

describe('styles.xml', () => {
  it('sets French on the default paragraph style', () => {
    const props = all(odt.styles, 'style:default-style').find((s) => s.attrs['style:family'] === 'paragraph')!;
    expect(all(props, 'style:text-properties')[0]!.attrs).toMatchObject({ 'fo:language': 'fr', 'fo:country': 'FR' });
  });

  it('defines the named styles a LibreOffice user expects, headings tied to the outline', () => {
    for (const name of ['Standard', 'Text_20_body', 'Title', 'Subtitle', 'List', 'Table_20_Contents', 'Table_20_Heading', 'Header', 'Footer', 'Contents_20_Heading', 'Contents_20_1', 'Contents_20_3']) {
      expect(styleNamed(odt.styles, name), name).toBeDefined();
    }
    for (const level of [1, 2, 3]) expect(styleNamed(odt.styles, `Heading_20_${level}`)!.attrs['style:default-outline-level']).toBe(String(level));
    expect(styleNamed(odt.styles, 'Placeholder', 'text')!.attrs['style:display-name']).toBe('À compléter');
    expect(all(odt.styles, 'text:list-style').map((s) => s.attrs['style:name'])).toEqual(['Pilier_20_Bullets', 'Pilier_20_Numbers']);
    const outline = all(odt.styles, 'text:outline-level-style').map((l) => [l.attrs['text:level'], l.attrs['style:num-format'], l.attrs['text:display-levels']]);
    expect(outline.slice(0, 4)).toEqual([['1', '1', '1'], ['2', '1', '2'], ['3', '1', '3'], ['4', '', undefined]]);
  });

  it('puts the territoire in the header and « Page n sur m » in the footer; the cover page has neither', () => {
    const [standard, first] = all(odt.styles, 'style:master-page');
    expect(textOf(all(standard!, 'style:header')[0]!)).toBe('Contrat de ville 2015-2020 — Val-de-Brume');
    const footer = all(standard!, 'style:footer')[0]!;
    expect(all(footer, 'text:page-number')[0]!.attrs['text:select-page']).toBe('current');
    expect(all(footer, 'text:page-count')).toHaveLength(1);
    expect(first!.attrs).toMatchObject({ 'style:name': 'First_20_Page', 'style:next-style-name': 'Standard' });
    expect(first!.children).toEqual([]);
  });
});

describe('content.xml', () => {
  const body = all(odt.content, 'office:text')[0]!;

  it('uses only styles it defines', () => {
    const defined = new Set([...all(odt.styles, 'style:style'), ...all(odt.content, 'style:style'), ...all(odt.styles, 'text:list-style')].map((s) => s.attrs['style:name']));
    const used = new Set<string>();
    const walk = (el: typeof body): void => {
      for (const [k, v] of Object.entries(el.attrs)) if (/style-name$/.test(k) && v) used.add(v);
      for (const c of el.children) if (typeof c !== 'string') walk(c);
    };
    walk(body);
    expect([...used].filter((s) => !defined.has(s))).toEqual([]);
    for (const s of ['Text_20_body', 'Heading_20_1', 'Heading_20_2', 'List', 'Table_20_Heading', 'Placeholder', 'P_Cover']) expect(used, s).toContain(s);
    expect(styleNamed(odt.content, 'P_Cover')!.attrs).toMatchObject({ 'style:parent-style-name': 'Title', 'style:master-page-name': 'First_20_Page' });
  });

  it('opens with the cover: territoire, EPCI, communes, période, QPV with codes, date', () => {
    const cover = all(body, 'text:section').find((s) => s.attrs['text:name'] === COVER_SECTION_NAME)!;
    const text = textOf(cover);
    for (const part of ['Contrat de ville', 'Val-de-Brume', 'Période 2015-2020', META.epci, 'Brumeval, Saint-Aubin-sur-Brume et Orvilliers-la-Forêt', 'Les Hauts-de-Brume', 'QN09903M', '1er mars 2025']) {
      expect(text).toContain(part);
    }
  });

  it('has a table of contents whose body lists every heading down to level 3, linked to its bookmark', () => {
    const toc = all(body, 'text:table-of-content')[0]!;
    expect(all(toc, 'text:table-of-content-source')[0]!.attrs['text:outline-level']).toBe('3');
    const headings = all(body, 'text:h').filter((h) => Number(h.attrs['text:outline-level']) <= 3);
    const entries = all(all(toc, 'text:index-body')[0]!, 'text:a');
    expect(entries).toHaveLength(headings.length);
    entries.forEach((a, i) => {
      const bookmark = all(headings[i]!, 'text:bookmark-start')[0]!.attrs['text:name'];
      expect(a.attrs['xlink:href']).toBe(`#${bookmark}`);
      expect(all(a, 'text:bookmark-ref')[0]!.attrs).toMatchObject({ 'text:reference-format': 'page', 'text:ref-name': bookmark });
    });
    expect(textOf(entries[0]!)).toMatch(/^1\. Préambule\t/);
    expect(entries.map(textOf)).toContainEqual(expect.stringMatching(/^4\.2 Santé et accès aux soins\t/));
  });

  it('wraps each section that serves requirements in a text:section named after them, names unique', () => {
    const names = all(body, 'text:section').map((s) => s.attrs['text:name']!);
    expect(new Set(names).size).toBe(names.length);
    const expected = skeleton.sections.filter((s) => s.requirements.length > 0).map((s) => `pilier:${s.requirements.join(',')}`);
    expect(names.filter((n) => n.startsWith('pilier:'))).toEqual(expected);
    expect(names.find((n) => n.includes('FEM-1a'))).toMatch(/^pilier:(?:[A-Z]+-[\w-]+,)*CAD-AXE-JEU(?:,|$)/);
    const twice = buildContractOdt({ ...skeleton, sections: [skeleton.sections[1]!, { ...skeleton.sections[1]!, id: 'copie' }], options: { grille: false } });
    const twiceNames = all(odtParts(twice).content, 'text:section').map((s) => s.attrs['text:name']);
    expect(twiceNames).toEqual([COVER_SECTION_NAME, 'pilier:CAD-GOV-QPV', 'pilier:CAD-GOV-QPV#2']);
  });

  it('writes the signature table with a repeated header row and one tall row per signatory', () => {
    const table = all(body, 'table:table').find((t) => textOf(all(t, 'table:table-header-rows')[0] ?? t).includes('Représentée par'))!;
    const header = all(all(table, 'table:table-header-rows')[0]!, 'table:table-cell').map(textOf);
    expect(header).toEqual(['Institution', 'Représentée par', 'Signature']);
    const rows = all(table, 'table:table-row').slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(pack.requirements.filter((r) => r.kind === 'signataire' && r.level === 'obligatoire').length);
    expect(rows.every((r) => r.attrs['table:style-name'] === 'RowSignature')).toBe(true);
    expect(rows.map((r) => textOf(all(r, 'table:table-cell')[0]!))).toContain('Commune de Brumeval');
  });

  it('highlights every placeholder and adds the grille annex, or leaves it out', () => {
    const placeholders = all(body, 'text:span').filter((s) => s.attrs['text:style-name'] === 'Placeholder').map(textOf);
    expect(placeholders.length).toBeGreaterThan(40);
    expect(placeholders.every((p) => /^\[À compléter — .+\]$/.test(p))).toBe(true);
    const grille = all(body, 'text:section').find((s) => s.attrs['text:name'] === GRILLE_SECTION_NAME)!;
    const tables = all(grille, 'table:table');
    expect(tables.map((t) => all(t, 'table:table-header-rows'))).toHaveLength(2);
    expect(all(tables[1]!, 'table:table-row')).toHaveLength(grilleRows(skeleton).rows.length + 1);
    expect(all(grille, 'text:h').every((h) => h.attrs['text:is-list-header'] === 'true')).toBe(true);
    const without = odtParts(buildContractOdt({ ...skeleton, options: { grille: false } }));
    expect(all(without.content, 'text:section').map((s) => s.attrs['text:name'])).not.toContain(GRILLE_SECTION_NAME);
  });

  it('drops the outline numbering when the text numbers its own headings', () => {
    const draft = exportInput(sectionsFromMarkdown(read('seeds/corpus/10-estuaire-contrat-complet.md')), pack, META, template);
    const parts = odtParts(buildContractOdt(draft));
    expect(all(parts.styles, 'text:outline-level-style').every((l) => l.attrs['style:num-format'] === '')).toBe(true);
    expect(all(all(parts.content, 'text:index-body')[0]!, 'text:a').map(textOf)).toContainEqual(expect.stringMatching(/^Titre 1 — Présentation du territoire\t/));
  });

  it('writes inline formats, safe links only, nested lists and spanning cells', () => {
    const blocks = [
      headingNode('h2', [textNode('Sous-titre')]),
      paragraphNode([textNode('gras', TEXT_FORMAT.bold), textNode(' et '), textNode('italique souligné', TEXT_FORMAT.italic | TEXT_FORMAT.underline), linkNode('https://www.legifrance.gouv.fr/', [textNode('loi')]), linkNode('javascript:alert(1)', [textNode('piège')])]),
      listNode('number', [{ content: [textNode('un')], children: { listType: 'bullet', items: [{ content: [textNode('un-a')] }] } }, { content: [textNode('deux')] }], 0, 3),
      { ...tableNode([[[textNode('A')], [textNode('B')], [textNode('C')]], [[textNode('large')], [textNode('c')]], [[textNode('x')], [textNode('y')], [textNode('z')]]], true) },
    ];
    const table = blocks[3] as ReturnType<typeof tableNode>;
    table.children[1]!.children[0]!.colSpan = 2;
    const parts = odtParts(buildContractOdt(withBlocks(blocks)));
    const text = all(parts.content, 'office:text')[0]!;
    const bold = all(text, 'text:span').find((s) => textOf(s) === 'gras')!;
    expect(all(styleNamed(parts.content, bold.attrs['text:style-name']!, 'text')!, 'style:text-properties')[0]!.attrs['fo:font-weight']).toBe('bold');
    const links = all(text, 'text:a').filter((a) => !a.attrs['xlink:href']!.startsWith('#'));
    expect(links.map((a) => [a.attrs['xlink:href'], textOf(a)])).toEqual([['https://www.legifrance.gouv.fr/', 'loi']]);
    expect(textOf(all(text, 'text:p').find((p) => textOf(p).includes('gras'))!)).toContain('piège');
    const list = all(text, 'text:list')[0]!;
    expect(list.attrs['text:style-name']).toBe('Pilier_20_Numbers');
    const items = list.children.filter((c) => typeof c !== 'string');
    expect(items).toHaveLength(2);
    expect((items[0] as typeof list).attrs['text:start-value']).toBe('3');
    expect(all(items[0] as typeof list, 'text:list')[0]!.attrs['text:style-name']).toBe('Pilier_20_Bullets');
    const rows = all(all(text, 'table:table').at(-1)!, 'table:table-row');
    expect(rows.map((r) => r.children.filter((c) => typeof c !== 'string').map((c) => (c as typeof list).name.replace('table:', '')))).toEqual([
      ['table-cell', 'table-cell', 'table-cell'],
      ['table-cell', 'covered-table-cell', 'table-cell'],
      ['table-cell', 'table-cell', 'table-cell'],
    ]);
    expect(all(rows[1]!, 'table:table-cell')[0]!.attrs['table:number-columns-spanned']).toBe('2');
  });

  it('keeps hostile text as text: markup escaped, XML still well-formed', () => {
    const evil = '<text:h>faux titre</text:h> & "guillemets" \u0007';
    const input = { ...withBlocks([paragraphNode([textNode(evil)])]), meta: { ...skeleton.meta, territoire: '<b>Brume & Cie</b>' } };
    const parts = odtParts(buildContractOdt(input));
    expect(all(parts.content, 'text:p').map(textOf)).toContain('<text:h>faux titre</text:h> & "guillemets" ');
    expect(textOf(all(parts.meta, 'dc:title')[0]!)).toBe('Contrat de ville — <b>Brume & Cie</b>');
    expect(all(parts.content, 'text:h').map(textOf)).not.toContain('faux titre');
  });
});
