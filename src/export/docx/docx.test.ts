import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { editorStateJson, headingNode, linkNode, listNode, paragraphNode, placeholderNode, tableNode, textNode, TEXT_FORMAT } from '../../template/lexicalNodes';
import type { ExportInput } from '../input';
import { EXPORT_DATE, exportFixtures } from '../testInputs';
import { buildContractDocx, COVER_TAG, GRILLE_TAG, MAX_TAG_LENGTH, requirementTags, TOC_TAG, wantsNumberedHeadings } from './index';

/**
 * Golden tests on the parts of the XML that matter (styles used, content-control tags, language, fields, table
 * header rows), not on whole bytes.
 */

const read = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const fixtures = exportFixtures(read);

type Parts = Record<string, string>;
async function partsOf(input: ExportInput): Promise<Parts> {
  const files = unzipSync(await buildContractDocx(input));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

const all = (xml: string, pattern: RegExp): string[] => [...xml.matchAll(pattern)].map((m) => m[1]!);
const styleXml = (styles: string, id: string): string => new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`, 's').exec(styles)?.[0] ?? '';

let skeleton: ExportInput;
let parts: Parts;
let doc: string;
let styles: string;

beforeAll(async () => {
  skeleton = fixtures.skeleton();
  parts = await partsOf(skeleton);
  doc = parts['word/document.xml']!;
  styles = parts['word/styles.xml']!;
});

describe('buildContractDocx — styles', () => {
  it('uses Word’s own styles: Titre, Titre 1–3, Normal, list paragraphs, a table style, TOC entries', () => {
    const used = new Set(all(doc, /<w:pStyle w:val="([^"]+)"/g));
    for (const id of ['Title', 'Subtitle', 'Heading1', 'Heading2', 'ListParagraph', 'TOC1', 'TOC2', 'TOCHeading', 'PilierTableau']) expect(used, id).toContain(id);
    for (const id of used) expect(styles, `style ${id} defined`).toContain(`w:styleId="${id}"`);
    expect(styleXml(styles, 'Heading1')).toContain('<w:name w:val="heading 1"/>');
    expect(styleXml(styles, 'Title')).toContain('<w:name w:val="Title"/>');
    expect(new Set(all(doc, /<w:tblStyle w:val="([^"]+)"/g))).toEqual(new Set(['TableauPilier']));
    expect(styleXml(styles, 'TableauPilier')).toMatch(/w:type="table".*<w:tblStylePr w:type="firstRow">/s);
    expect(new Set(all(doc, /<w:rStyle w:val="([^"]+)"/g))).toContain('PilierACompleter');
  });

  it('numbers Titre 1–3 with a real outline numbering, unless the text numbers its headings itself', async () => {
    for (const level of [1, 2, 3]) expect(styleXml(styles, `Heading${level}`)).toMatch(new RegExp(`<w:numPr><w:ilvl w:val="${level - 1}"/><w:numId w:val="\\d+"/></w:numPr>`));
    expect(styleXml(styles, 'Heading4')).not.toContain('<w:numPr>');
    expect(parts['word/numbering.xml']).toContain('<w:lvlText w:val="%1.%2."/>');
    const corpus = fixtures.corpus('10-estuaire-contrat-complet.md');
    expect(wantsNumberedHeadings(corpus.sections)).toBe(false);
    expect(styleXml((await partsOf(corpus))['word/styles.xml']!, 'Heading1')).not.toContain('<w:numPr>');
  });

  it('says fr-FR on the document defaults, every style with text and every run', () => {
    expect(/<w:rPrDefault><w:rPr>.*?<w:lang w:val="fr-FR"\/>/s.test(styles)).toBe(true);
    for (const id of ['Normal', 'Title', 'Heading1', 'Heading2', 'Heading3', 'ListParagraph', 'TOC1', 'Header', 'Footer']) expect(styleXml(styles, id), id).toContain('<w:lang w:val="fr-FR"/>');
    const runs = all(doc, /<w:r>(.*?)<\/w:r>/gs).filter((r) => r.includes('<w:t'));
    const inToc = new Set(all(doc, /<w:hyperlink [^>]*w:anchor="_Toc[^"]*">(.*?)<\/w:hyperlink>/gs));
    const bodyRuns = runs.filter((r) => ![...inToc].some((t) => t.includes(r)));
    expect(bodyRuns.length).toBeGreaterThan(300);
    expect(bodyRuns.filter((r) => !r.includes('<w:lang w:val="fr-FR"/>'))).toEqual([]);
    expect(all(doc, /<w:lang w:val="([^"]+)"/g).every((l) => l === 'fr-FR')).toBe(true);
  });
});

describe('buildContractDocx — structure', () => {
  it('wraps each section that serves requirements in content controls tagged with their ids, ≤ 64 characters each', () => {
    const tags = all(doc, /<w:tag w:val="([^"]+)"\/>/g);
    const expected = [COVER_TAG, TOC_TAG, ...skeleton.sections.flatMap((s) => requirementTags(s.requirements))];
    expect(tags.slice(0, -1)).toEqual(expected);
    expect(tags.at(-1)).toBe(GRILLE_TAG);
    expect(tags.every((t) => t.length <= MAX_TAG_LENGTH)).toBe(true);
    const joined = requirementTags(skeleton.sections.find((s) => s.id === 'pilier-cohesion-sociale')!.requirements);
    expect(joined.length).toBeGreaterThan(1);
    expect(joined.join(',').replace(/pilier:/g, '').split(',')).toEqual(skeleton.sections.find((s) => s.id === 'pilier-cohesion-sociale')!.requirements);
    expect(doc).toContain('<w:alias w:val="Pilier 1 — Cohésion sociale"/>');
    const ids = all(doc, /<w:id w:val="(\d+)"\/>/g);
    expect(new Set(ids).size).toBe(ids.length);
    // The section's title is inside its control.
    expect(doc).toMatch(/<w:tag w:val="pilier:CAD-GOV-QPV"\/><w:id w:val="\d+"\/><\/w:sdtPr><w:sdtContent><w:p><w:pPr><w:pStyle w:val="Heading1"\/>/);
  });

  it('has a table of contents field over Titre 1–3, pre-filled with every section’s title', () => {
    expect(doc).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    expect(doc).toContain('<w:instrText xml:space="preserve">TOC \\h \\o &quot;1-3&quot;</w:instrText>');
    const toc = /<w:docPartGallery w:val="Table of Contents"\/>.*?<\/w:sdt>/s.exec(doc)![0];
    for (const s of skeleton.sections) expect(toc).toContain(`>${s.title.replace(/’/g, '’')}</w:t>`);
    expect(toc).toContain('>Annexe — Grille de complétude</w:t>');
  });

  it('puts the territoire in the header and « Page n sur N » in the footer, not on the cover', () => {
    const headers = Object.entries(parts).filter(([name]) => /^word\/header\d+\.xml$/.test(name)).map(([, xml]) => xml);
    const footers = Object.entries(parts).filter(([name]) => /^word\/footer\d+\.xml$/.test(name)).map(([, xml]) => xml);
    expect(headers.some((h) => h.includes('Contrat de ville 2015-2020 — Val-de-Brume'))).toBe(true);
    const footer = footers.find((f) => f.includes('PAGE'))!;
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
    expect(footer).toContain('>Page </w:t>');
    expect(doc).toContain('<w:titlePg/>');
    expect(doc).toMatch(/<w:footerReference w:type="first"/);
  });

  it('repeats header rows of tables; the signature table has a row per signatory, tall enough to sign', () => {
    const tables = all(doc, /<w:tbl>(.*?)<\/w:tbl>/gs);
    expect(tables.length).toBeGreaterThan(3);
    for (const t of tables) expect(/^.*?<w:tr>.*?<w:trPr>.*?<w:tblHeader\/>/s.test(t)).toBe(true);
    const signatures = tables.find((t) => t.includes('>Représentée par</w:t>'))!;
    const rows = all(signatures, /<w:tr>(.*?)<\/w:tr>/gs);
    const signatoryRows = fixtures.template.signatories.length + 2; // the maires: one row per commune (three)
    expect(rows).toHaveLength(1 + signatoryRows);
    expect(rows.slice(1).every((r) => r.includes('<w:trHeight w:val="1134" w:hRule="atLeast"/>') && r.includes('<w:cantSplit/>'))).toBe(true);
  });

  it('highlights the placeholders, with the guidance in italics inside the brackets', () => {
    expect(doc).not.toContain('[À compléter :');
    const marked = all(doc, /<w:r><w:rPr><w:rStyle w:val="PilierACompleter"\/>(.*?)<\/w:r>/gs);
    expect(marked.length).toBeGreaterThan(100);
    expect(marked.every((r) => r.includes('<w:highlight w:val="yellow"/>'))).toBe(true);
    expect(marked.some((r) => r.includes('<w:i/>') && r.includes('Ce qui est attendu'))).toBe(true);
  });

  it('writes the cover page: territoire, EPCI, communes, période, the quartiers with their codes, the date', () => {
    const cover = /<w:tag w:val="pilier-partie:garde"\/>.*?<\/w:sdt>/s.exec(doc)![0];
    for (const text of ['Contrat de ville', 'Val-de-Brume', '2015-2020', 'Communauté d’agglomération du Val-de-Brume', 'Brumeval, Saint-Aubin-sur-Brume et Orvilliers-la-Forêt', 'QN09901M', 'Le Moulin-Neuf', '12 mars 2025']) {
      expect(cover, text).toContain(text);
    }
  });

  it('adds the grille in landscape pages of its own, or leaves it out', async () => {
    expect(doc).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    const grille = /<w:tag w:val="pilier-partie:grille"\/>.*$/s.exec(doc)![0];
    expect(grille).toContain('>Synthèse par pilier et par axe</w:t>');
    expect(grille).toContain('>FEM-1a</w:t>');
    expect(grille).toMatch(/<w:pStyle w:val="Heading1"\/><w:numPr><w:ilvl w:val="0"\/><w:numId w:val="0"\/><\/w:numPr>/);
    const without = (await partsOf(fixtures.skeleton({ grille: false })))['word/document.xml']!;
    expect(without).not.toContain(GRILLE_TAG);
    expect(without).not.toContain('Grille de complétude');
    expect(without).not.toContain('w:orient="landscape"');
  });

  it('carries the document properties, dated by the export and not by the clock', async () => {
    const core = parts['docProps/core.xml']!;
    expect(core).toContain('<dc:title>Contrat de ville 2015-2020 — Val-de-Brume</dc:title>');
    expect(core).toContain('<dc:language>fr-FR</dc:language>');
    expect(core).toContain('<dc:creator>Équipe projet</dc:creator>');
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${EXPORT_DATE}T00:00:00Z</dcterms:created>`);
    expect(parts['docProps/app.xml']).toContain('<Company>Communauté d’agglomération du Val-de-Brume</Company>');
    // The same input gives the same document (bookmark numbers aside: the library counts them across documents).
    const stable = (xml: string): string => xml.replace(/_Toc\d+/g, '_Toc').replace(/(<w:bookmark(?:Start|End)[^>]*w:id=")\d+/g, '$1');
    const again = await partsOf(fixtures.skeleton());
    for (const name of ['word/document.xml', 'word/styles.xml', 'docProps/core.xml']) expect(stable(again[name]!), name).toBe(stable(parts[name]!));
  });
});

describe('buildContractDocx — content', () => {
  const section = (blocks: unknown[]): ExportInput => {
    const input = fixtures.build([{ id: 'essai', position: 0, title: 'Essai', content: editorStateJson([]) }], { grille: false });
    return { ...input, sections: [{ id: 'essai', title: 'Essai', requirements: ['FEM-1a'], blocks: blocks as ExportInput['sections'][number]['blocks'] }] };
  };

  it('keeps formats, never skips a heading level, numbers lists from their own start', async () => {
    const written = await partsOf(
        section([
          headingNode('h3', [textNode('Trop bas')]),
          headingNode('h3', [textNode('Niveau 3')]),
          paragraphNode([textNode('gras', TEXT_FORMAT.bold), textNode(' italique', TEXT_FORMAT.italic), textNode(' code', TEXT_FORMAT.code)]),
          listNode('number', [{ content: [textNode('trois')] }, { content: [textNode('quatre')], children: { listType: 'bullet', items: [{ content: [textNode('puce')] }] } }], 0, 3),
          paragraphNode([]),
          paragraphNode([linkNode('https://www.legifrance.gouv.fr', [textNode('Légifrance')]), textNode(' et '), linkNode('javascript:alert(1)', [textNode('piège')])]),
        ]),
    );
    const xml = written['word/document.xml']!;
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>.*?>Trop bas</s);
    expect(xml).not.toMatch(/<w:pStyle w:val="Heading3"\/>.*?>Trop bas</s);
    expect(xml).toMatch(/<w:pStyle w:val="Heading3"\/>.*?>Niveau 3</s);
    expect(written['word/numbering.xml']).toMatch(/<w:lvl w:ilvl="0"[^>]*><w:start w:val="3"\/><w:numFmt w:val="decimal"\/>/);
    expect(xml).toMatch(/<w:b\/>.*?>gras</s);
    expect(xml).toMatch(/<w:i\/>.*?> italique</s);
    expect(xml).toMatch(/Courier New.*?> code</s);
    expect(xml).toMatch(/<w:ilvl w:val="1"\/>.*?>puce</s);
    expect(xml).toContain('>Légifrance</w:t>');
    expect(xml).toContain('>piège</w:t>');
    expect(xml.match(/<w:hyperlink [^>]*r:id=/g)).toHaveLength(1);
    expect(xml).not.toContain('javascript');
  });

  it('writes nothing Word would refuse, whatever the stored content holds', async () => {
    const weird = [
      paragraphNode([textNode('contrôle\u0001 et \uD800 seul')]),
      { type: 'mystery', children: [{ type: 'text', text: 'inconnu' }] },
      { type: 'table', children: [] },
      { type: 'list', listType: 'number', start: -4, children: [{ type: 'listitem', children: [] }] },
      null,
      tableNode([[[placeholderNode('x')], [textNode('<&>')]]], true),
    ];
    const xml = (await partsOf(section(weird)))['word/document.xml']!;
    expect(xml).toContain('>contrôle et  seul</w:t>');
    expect(xml).toContain('>inconnu</w:t>');
    expect(xml).toContain('&lt;&amp;&gt;');
    expect([...xml].filter((c) => c.charCodeAt(0) < 0x20 && !'\t\n\r'.includes(c))).toEqual([]);
  });

  it('writes French no-break spaces inside « » and before : ; ! ?', async () => {
    const xml = (await partsOf(section([paragraphNode([textNode('Le volet « santé » : prêt ?')])])))['word/document.xml']!;
    expect(xml).toContain('>Le volet «\u00a0santé\u00a0»\u00a0: prêt\u00a0?</w:t>');
  });

  it('builds the demo contract, dated, in well under a second', async () => {
    const t = performance.now();
    const bytes = await buildContractDocx(fixtures.demo());
    expect(performance.now() - t).toBeLessThan(2000);
    expect(bytes.subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    expect(EXPORT_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
