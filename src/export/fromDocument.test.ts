import { describe, expect, it } from 'vitest';
import { blocksFromSection } from '../document/lexical';
import { withHeadingPaths, type Block } from '../document/model';
import { metaFromCover, sectionsFromDocument } from './fromDocument';

type Raw = Omit<Block, 'headingPath' | 'id'> & { id?: string };
const doc = (blocks: Raw[], title?: string) => ({ ...(title ? { title } : {}), blocks: withHeadingPaths(blocks.map((b, i) => ({ id: `b${i}`, ...b }))) });

describe('sectionsFromDocument', () => {
  const document = doc(
    [
      { type: 'paragraph', text: 'Avant tout titre.' },
      { type: 'heading', level: 1, text: 'Préambule' },
      { type: 'paragraph', text: 'Texte [À compléter : date].' },
      { type: 'heading', level: 3, text: 'Détail' },
      { type: 'listItem', text: 'un', listDepth: 0 },
      { type: 'listItem', text: 'sous', listDepth: 2 },
      { type: 'listItem', text: 'deux', listDepth: 0 },
      { type: 'heading', level: 1, text: 'Préambule' },
      { id: 't0r0c0', type: 'tableCell', text: 'Institution', table: { id: 't0', row: 0, col: 0 } },
      { id: 't0r0c1', type: 'tableCell', text: 'Signature', table: { id: 't0', row: 0, col: 1 } },
      { id: 't0r1c0', type: 'tableCell', text: 'État', table: { id: 't0', row: 1, col: 0 } },
      { id: 't0r1c1', type: 'tableCell', text: '', table: { id: 't0', row: 1, col: 1 } },
    ],
    'Contrat de ville de Brumeval',
  );
  const sections = sectionsFromDocument(document);

  it('starts a section at each level-1 heading, with unique ids; text before goes under the document’s title', () => {
    expect(sections.map((s) => [s.id, s.position, s.title])).toEqual([
      ['contrat-de-ville-de-brumeval', 0, 'Contrat de ville de Brumeval'],
      ['preambule', 1, 'Préambule'],
      ['preambule-2', 2, 'Préambule'],
    ]);
  });

  it('reads back through the editor’s reader as the same blocks', () => {
    const blocks = blocksFromSection(sections[1]!);
    expect(blocks.map((b) => [b.type, b.text, b.level ?? b.listDepth ?? null, b.placeholder ?? false])).toEqual([
      ['heading', 'Préambule', 1, false],
      ['paragraph', 'Texte [À compléter : date].', null, false],
      ['heading', 'Détail', 3, false],
      ['listItem', 'un', 0, false],
      ['listItem', 'sous', 1, false],
      ['listItem', 'deux', 0, false],
    ]);
    const table = blocksFromSection(sections[2]!).filter((b) => b.type === 'tableCell');
    expect(table.map((c) => [c.table!.row, c.table!.col, c.text])).toEqual([
      [0, 0, 'Institution'],
      [0, 1, 'Signature'],
      [1, 0, 'État'],
      [1, 1, ''],
    ]);
    expect(JSON.parse(sections[2]!.content).root.children[0].children[0].children[0].headerState).toBe(1);
  });

  it('leaves out the blocks it is told to skip', () => {
    expect(sectionsFromDocument(document, new Set(['b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6'])).map((s) => s.title)).toEqual(['Préambule']);
  });
});

describe('metaFromCover', () => {
  it('reads the cover page Pilier writes', () => {
    const cover = doc([
      { type: 'heading', level: 1, text: 'Contrat de ville' },
      { type: 'paragraph', text: 'Val-de-Brume' },
      { type: 'paragraph', text: 'Période' },
      { type: 'paragraph', text: '2015-2020' },
      { type: 'paragraph', text: 'Établissement public de coopération intercommunale' },
      { type: 'paragraph', text: '[À compléter — nom de l’EPCI]' },
      { type: 'paragraph', text: 'Communes' },
      { type: 'paragraph', text: 'Brumeval, Saint-Aubin et Orvilliers' },
      { type: 'paragraph', text: 'Quartiers prioritaires de la politique de la ville' },
      { type: 'tableCell', text: 'Quartier', table: { id: 't0', row: 0, col: 0 } },
      { type: 'tableCell', text: 'Code', table: { id: 't0', row: 0, col: 1 } },
      { type: 'tableCell', text: 'La Garenne', table: { id: 't0', row: 1, col: 0 } },
      { type: 'tableCell', text: 'QN09903M', table: { id: 't0', row: 1, col: 1 } },
    ]);
    expect(metaFromCover(cover.blocks)).toEqual({
      territoire: 'Val-de-Brume',
      periode: { debut: '2015', fin: '2020' },
      communes: ['Brumeval', 'Saint-Aubin', 'Orvilliers'],
      qpv: [{ nom: 'La Garenne', code: 'QN09903M' }],
    });
    expect(metaFromCover(doc([{ type: 'paragraph', text: 'Autre chose' }]).blocks)).toEqual({});
  });
});
