import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { withHeadingPaths, type Block } from '../document/model';
import { readContentControls, scanDocumentXml } from './contentControls';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const docx = (body: string): Uint8Array => zipSync({ 'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`) });
const p = (text: string, style?: string): string => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const sdt = (tag: string, content: string, alias = ''): string =>
  `<w:sdt><w:sdtPr>${alias ? `<w:alias w:val="${alias}"/>` : ''}<w:tag w:val="${tag}"/><w:id w:val="7"/></w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
const tc = (inner: string, merge = ''): string => `<w:tc><w:tcPr>${merge}</w:tcPr>${inner}</w:tc>`;
const tbl = (rows: string[][]): string => `<w:tbl>${rows.map((r) => `<w:tr>${r.join('')}</w:tr>`).join('')}</w:tbl>`;

type Raw = Omit<Block, 'headingPath'>;
const blocks = (raw: Raw[]): Block[] => withHeadingPaths(raw);

describe('readContentControls', () => {
  it('maps each control to the blocks it wraps, and reads a Pilier tag’s requirement ids', () => {
    const bytes = docx(p('Avant') + sdt('pilier:FEM-1a,INT-1f', p('Égalité', 'Heading1') + p('Texte du volet'), 'Égalité') + p('Après'));
    const doc = blocks([
      { id: 'b0', type: 'paragraph', text: 'Avant' },
      { id: 'b1', type: 'heading', level: 1, text: 'Égalité' },
      { id: 'b2', type: 'paragraph', text: 'Texte du volet' },
      { id: 'b3', type: 'paragraph', text: 'Après' },
    ]);
    expect(readContentControls(bytes, doc)).toEqual([{ tag: 'pilier:FEM-1a,INT-1f', alias: 'Égalité', requirements: ['FEM-1a', 'INT-1f'], blockIds: ['b1', 'b2'] }]);
  });

  it('joins a long list of ids spread over nested controls, and keeps other nested controls apart', () => {
    const inner = sdt('pilier:SAN-2,SAN-3', p('Santé', 'Heading1'));
    const chunked = sdt('pilier:SAN-1', inner, 'Santé');
    const other = sdt('pilier:EDU-1', p('Éducation') + sdt('mon-outil', p('Note')), 'Éducation');
    const controls = readContentControls(
      docx(chunked + other),
      blocks([
        { id: 'b0', type: 'heading', level: 1, text: 'Santé' },
        { id: 'b1', type: 'paragraph', text: 'Éducation' },
        { id: 'b2', type: 'paragraph', text: 'Note' },
      ]),
    );
    expect(controls.map((c) => [c.tag, c.requirements, c.blockIds])).toEqual([
      ['pilier:SAN-1', ['SAN-1', 'SAN-2', 'SAN-3'], ['b0']],
      ['pilier:EDU-1', ['EDU-1'], ['b1', 'b2']],
      ['mon-outil', [], ['b2']],
    ]);
  });

  it('matches table cells, skipping merged continuations, and one-cell frames as paragraphs', () => {
    const table = tbl([
      [tc(p('Institution')), tc(p('Signature'))],
      [tc(p('État') + p('préfet')), tc('<w:p/>', '<w:vMerge w:val="restart"/>')],
      [tc(p('Région')), tc('<w:p/>', '<w:vMerge/>')],
    ]);
    const frame = tbl([[tc(p('Encadré'))]]);
    const controls = readContentControls(
      docx(sdt('pilier:CAD-SIG-PREF', table) + sdt('cadre', frame)),
      blocks([
        { id: 't0r0c0', type: 'tableCell', text: 'Institution', table: { id: 't0', row: 0, col: 0 } },
        { id: 't0r0c1', type: 'tableCell', text: 'Signature', table: { id: 't0', row: 0, col: 1 } },
        { id: 't0r1c0', type: 'tableCell', text: 'État\npréfet', table: { id: 't0', row: 1, col: 0 } },
        { id: 't0r1c1', type: 'tableCell', text: '', table: { id: 't0', row: 1, col: 1 } },
        { id: 't0r2c0', type: 'tableCell', text: 'Région', table: { id: 't0', row: 2, col: 0 } },
        { id: 'b0', type: 'paragraph', text: 'Encadré' },
      ]),
    );
    expect(controls.map((c) => c.blockIds)).toEqual([['t0r0c0', 't0r0c1', 't0r1c0', 't0r1c1', 't0r2c0'], ['b0']]);
  });

  it('marks tables of contents and Pilier’s own parts', () => {
    const toc = `<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>${p('Préambule', 'TOC1')}</w:sdtContent></w:sdt>`;
    const controls = readContentControls(
      docx(sdt('pilier-partie:garde', p('Contrat de ville', 'Title')) + toc + p('Préambule', 'Heading1') + sdt('pilier-partie:grille', p('Annexe'))),
      blocks([
        { id: 'b0', type: 'heading', level: 1, text: 'Contrat de ville' },
        { id: 'b1', type: 'paragraph', text: 'Préambule' },
        { id: 'b2', type: 'heading', level: 1, text: 'Préambule' },
        { id: 'b3', type: 'paragraph', text: 'Annexe' },
      ]),
    );
    expect(controls.map((c) => [c.generated, c.blockIds])).toEqual([
      ['garde', ['b0']],
      ['sommaire', ['b1']],
      ['grille', ['b3']],
    ]);
  });

  it('reads text as mammoth does: entities, tabs, deletions and field codes left out, run-level controls', () => {
    const body =
      '<w:p><w:r><w:t>A &amp; B&#160;:</w:t></w:r><w:r><w:tab/><w:t>suite</w:t></w:r><w:del><w:r><w:delText>effacé</w:delText></w:r></w:del>' +
      '<w:r><w:instrText> PAGE </w:instrText></w:r></w:p>' +
      `<w:p><w:r><w:t>Le maire de </w:t></w:r>${'<w:sdt><w:sdtPr><w:tag w:val="commune"/></w:sdtPr><w:sdtContent><w:r><w:t>Brumeval</w:t></w:r></w:sdtContent></w:sdt>'}</w:p>`;
    const { units } = scanDocumentXml(`<w:document ${W}><w:body>${body}</w:body></w:document>`);
    expect(units.map((u) => u.key)).toEqual(['A&B\u00a0:suite'.replace(/\s/g, ''), 'LemairedeBrumeval']);
    const controls = readContentControls(docx(body), blocks([{ id: 'b0', type: 'paragraph', text: 'A & B : suite' }, { id: 'b1', type: 'paragraph', text: 'Le maire de Brumeval' }]));
    expect(controls).toEqual([{ tag: 'commune', requirements: [], blockIds: ['b1'] }]);
  });

  it('never throws, and finds nothing in what is not a Word document with controls', () => {
    expect(readContentControls(new Uint8Array([1, 2, 3]), [])).toEqual([]);
    expect(readContentControls(docx(p('Sans contrôle')), [])).toEqual([]);
    const truncated = readContentControls(docx('<w:sdt><w:sdtContent><w:p><w:r><w:t>ouvert'), [{ id: 'b0', type: 'paragraph', text: 'ouvert', headingPath: [] }]);
    expect(truncated.every((c) => c.blockIds.length === 0)).toBe(true);
  });
});
