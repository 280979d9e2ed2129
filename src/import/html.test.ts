import { describe, expect, it } from 'vitest';
import { htmlToDocument } from './docx';
import { decodeEntities, parseHtml, type HtmlElement } from './html';

describe('decodeEntities', () => {
  it('decodes named, decimal and hexadecimal references', () => {
    expect(decodeEntities('a &amp; b &lt;c&gt; &quot;d&quot; &#233;t&#xE9; &nbsp;&laquo;x&raquo;')).toBe('a & b <c> "d" été \u00a0«x»');
  });
  it('leaves unknown names and bare ampersands alone', () => {
    expect(decodeEntities('R&D &foo; &')).toBe('R&D &foo; &');
  });
  it('replaces invalid code points instead of throwing', () => {
    expect(decodeEntities('&#xD800;&#99999999;')).toBe('\ufffd&#99999999;');
  });
});

describe('parseHtml', () => {
  it('builds a tree with attributes, void and self-closing elements', () => {
    const [p] = parseHtml('<p class="x" data-a=\'1 > 2\'>un<br />deux<img src="a.png">trois</p>') as HtmlElement[];
    expect(p!.tag).toBe('p');
    expect(p!.attrs).toEqual({ class: 'x', 'data-a': '1 > 2' });
    expect(p!.children.map((c) => (c.kind === 'text' ? c.text : c.tag))).toEqual(['un', 'br', 'deux', 'img', 'trois']);
  });
  it('skips comments and tolerates stray or missing end tags', () => {
    const nodes = parseHtml('<!-- note --><p>a</span>b<strong>c</p><p>d');
    expect(nodes).toHaveLength(2);
    const first = nodes[0] as HtmlElement;
    expect(first.children.map((c) => (c.kind === 'text' ? c.text : c.tag))).toEqual(['ab', 'strong']);
    expect((nodes[1] as HtmlElement).children).toEqual([{ kind: 'text', text: 'd' }]);
  });
  it('keeps a lone < as text', () => {
    expect(parseHtml('1 < 2')).toEqual([{ kind: 'text', text: '1 < 2' }]);
  });
});

describe('htmlToDocument (mammoth-like HTML)', () => {
  const blocksOf = (html: string) => htmlToDocument(html).document.blocks;

  it('reads headings, paragraphs and inline marks with decoded entities and heading paths', () => {
    const { document } = htmlToDocument(
      '<h1>Contrat de ville</h1><h2>Pilier « Cohésion sociale »</h2><p>Le <strong>volet</strong> <em>éducation</em> &amp; la <u>santé</u>' +
        '<sup>2</sup> <a href="https://x.fr/?a=1&amp;b=2">lien</a></p><h3>Santé</h3><p>Atelier   santé\tville</p>',
    );
    expect(document.title).toBe('Contrat de ville');
    expect(document.blocks.map((b) => [b.id, b.type, b.level, b.text])).toEqual([
      ['b0', 'heading', 1, 'Contrat de ville'],
      ['b1', 'heading', 2, 'Pilier « Cohésion sociale »'],
      ['b2', 'paragraph', undefined, 'Le volet éducation & la santé2 lien'],
      ['b3', 'heading', 3, 'Santé'],
      ['b4', 'paragraph', undefined, 'Atelier santé ville'],
    ]);
    expect(document.blocks[4]!.headingPath).toEqual(['Contrat de ville', 'Pilier « Cohésion sociale »', 'Santé']);
    expect(document.blocks[1]!.headingPath).toEqual(['Contrat de ville']);
  });

  it('reads nested lists with their depth, each item without its sub-list', () => {
    const blocks = blocksOf('<ul><li>Un<ul><li>Un-a<ol><li>Un-a-i</li></ol></li></ul></li><li>Deux</li></ul>');
    expect(blocks.map((b) => [b.type, b.listDepth, b.text])).toEqual([
      ['listItem', 0, 'Un'],
      ['listItem', 1, 'Un-a'],
      ['listItem', 2, 'Un-a-i'],
      ['listItem', 0, 'Deux'],
    ]);
  });

  it('reads tables cell by cell, with header rows, spans and paragraphs inside cells', () => {
    const blocks = blocksOf(
      '<table><thead><tr><th><p>Signataire</p></th><th><p>Qualité</p></th><th>Date</th></tr></thead><tbody>' +
        '<tr><td rowspan="2"><p>Préfet</p></td><td colspan="2"><p>État</p><p>représentant</p></td></tr>' +
        '<tr><td>b</td><td>c</td></tr></tbody></table>',
    );
    expect(blocks.map((b) => [b.id, b.text, b.table])).toEqual([
      ['t0r0c0', 'Signataire', { id: 't0', row: 0, col: 0 }],
      ['t0r0c1', 'Qualité', { id: 't0', row: 0, col: 1 }],
      ['t0r0c2', 'Date', { id: 't0', row: 0, col: 2 }],
      ['t0r1c0', 'Préfet', { id: 't0', row: 1, col: 0 }],
      ['t0r1c1', 'État\nreprésentant', { id: 't0', row: 1, col: 1 }],
      ['t0r2c1', 'b', { id: 't0', row: 2, col: 1 }],
      ['t0r2c2', 'c', { id: 't0', row: 2, col: 2 }],
    ]);
    expect(blocks.every((b) => b.type === 'tableCell')).toBe(true);
  });

  it('reads a one-cell layout table as ordinary text, headings included', () => {
    const blocks = blocksOf('<table><tr><td><h2>Gouvernance</h2><p>Un comité de pilotage.</p></td></tr></table>');
    expect(blocks.map((b) => [b.type, b.text, b.headingPath])).toEqual([
      ['heading', 'Gouvernance', []],
      ['paragraph', 'Un comité de pilotage.', ['Gouvernance']],
    ]);
  });

  it('places footnotes under the headings of the text that calls them, without the back-link', () => {
    const { document } = htmlToDocument(
      '<h1>A</h1><p>Texte<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p><h1>B</h1><p>Fin</p>' +
        '<ol><li id="footnote-1"><p>Voir la convention TFPB. <a href="#footnote-ref-1">↑</a></p></li></ol>',
    );
    const note = document.blocks.at(-1)!;
    expect(note).toMatchObject({ type: 'paragraph', text: 'Voir la convention TFPB.', headingPath: ['A'] });
  });

  it('marks placeholder-only blocks', () => {
    const blocks = blocksOf('<h2>Santé</h2><p>[À compléter : actions santé]</p><p>Texte [À compléter] écrit</p>');
    expect(blocks.map((b) => b.placeholder ?? false)).toEqual([false, true, false]);
  });

  it('takes short bold paragraphs for headings when no heading style is used, with levels from numbering', () => {
    const { document, boldHeadings } = htmlToDocument(
      '<p><strong>1. Pilier cohésion sociale</strong></p><p>Texte.</p><p><strong>1.2 Santé</strong></p>' +
        '<p><strong>Les signataires s’engagent à :</strong></p><p>Du <strong>gras</strong> partiel</p><p><strong>II. Gouvernance</strong></p>',
    );
    expect(boldHeadings).toBe(3);
    expect(document.blocks.map((b) => [b.type, b.level])).toEqual([
      ['heading', 1],
      ['paragraph', undefined],
      ['heading', 2],
      ['paragraph', undefined],
      ['paragraph', undefined],
      ['heading', 1],
    ]);
    expect(document.blocks[1]!.headingPath).toEqual(['1. Pilier cohésion sociale']);
  });

  it('leaves bold paragraphs alone when the document has real headings', () => {
    const { document, boldHeadings } = htmlToDocument('<h1>Titre</h1><p><strong>Important</strong></p>');
    expect(boldHeadings).toBe(0);
    expect(document.blocks[1]!.type).toBe('paragraph');
  });

  it('gives no blocks for empty paragraphs and an empty document', () => {
    expect(blocksOf('<p></p><p>  </p><ul><li></li></ul>')).toEqual([]);
    expect(htmlToDocument('').document).toEqual({ blocks: [] });
  });
});
