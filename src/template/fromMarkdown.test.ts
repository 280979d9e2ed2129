import { describe, expect, it } from 'vitest';
import { blocksFromSection } from '../document/lexical';
import { markdownBlocks, markdownInline, sectionsFromMarkdown, slugify } from './fromMarkdown';

const MD = [
  '# Contrat de ville de Brumeval',
  '',
  '## Préambule',
  '',
  'Un paragraphe **important**',
  'sur deux lignes, avec un [lien](https://exemple.fr) et du *texte* en `code`.',
  '',
  '## Pilier 1 — Cohésion sociale',
  '',
  '### Santé',
  '',
  '[À compléter : volet santé]',
  '',
  '#### Sous-titre',
  '',
  '- premier point',
  '  - sous-point',
  '    suite du sous-point',
  '- deuxième point',
  '',
  '3. troisième',
  '4. quatrième',
  '',
  '| Institution | Signature |',
  '|---|---|',
  '| La CAF \\| la CPAM | |',
  '',
  '## Préambule',
  '',
  'Le préfet signe. Texte : [À compléter : date] et suite.',
].join('\n');

const sections = sectionsFromMarkdown(MD);
type Node = { type: string; text?: string; tag?: string; format?: number; listType?: string; start?: number; value?: number; indent?: number; url?: string; headerState?: number; children?: Node[] };
const root = (i: number): Node => (JSON.parse(sections[i]!.content) as { root: Node }).root;

describe('sectionsFromMarkdown', () => {
  it('starts a section at each ## heading, with unique slug ids; the # title is the document’s', () => {
    expect(sections.map((s) => [s.id, s.position, s.title])).toEqual([
      ['preambule', 0, 'Préambule'],
      ['pilier-1-cohesion-sociale', 1, 'Pilier 1 — Cohésion sociale'],
      ['preambule-2', 2, 'Préambule'],
    ]);
  });

  it('keeps bold, italic, code and links as Lexical writes them', () => {
    const p = root(0).children![0]!;
    expect(p.type).toBe('paragraph');
    expect(p.children!.map((n) => [n.type, n.text ?? n.url, n.format])).toEqual([
      ['text', 'Un paragraphe ', 0],
      ['text', 'important', 1],
      ['text', ' sur deux lignes, avec un ', 0],
      ['link', 'https://exemple.fr', ''],
      ['text', ' et du ', 0],
      ['text', 'texte', 2],
      ['text', ' en ', 0],
      ['text', 'code', 16],
      ['text', '.', 0],
    ]);
  });

  it('turns ### into h2, #### into h3, and placeholders into placeholder nodes', () => {
    const kids = root(1).children!;
    expect(kids.filter((n) => n.type === 'heading').map((n) => [n.tag, n.children![0]!.text])).toEqual([
      ['h2', 'Santé'],
      ['h3', 'Sous-titre'],
    ]);
    expect(kids[1]).toMatchObject({ type: 'paragraph', children: [{ type: 'pilier-placeholder', version: 1, text: '[À compléter : volet santé]' }] });
    expect(root(2).children![0]!.children!.map((n) => n.type)).toEqual(['text', 'pilier-placeholder', 'text']);
  });

  it('nests lists as Lexical does, and keeps an ordered list’s start', () => {
    const lists = root(1).children!.filter((n) => n.type === 'list');
    expect(lists.map((l) => [l.listType, l.start])).toEqual([
      ['bullet', 1],
      ['number', 3],
    ]);
    const [first, wrapper, second] = lists[0]!.children!;
    expect([first!.value, wrapper!.value, second!.value]).toEqual([1, 2, 2]);
    expect(wrapper!.children![0]).toMatchObject({ type: 'list', listType: 'bullet', children: [{ type: 'listitem', indent: 1, value: 1, children: [{ text: 'sous-point suite du sous-point' }] }] });
    expect(lists[1]!.children!.map((i) => i.value)).toEqual([3, 4]);
  });

  it('reads pipe tables with a header row and escaped pipes', () => {
    const table = root(1).children!.find((n) => n.type === 'table')!;
    expect(table.children!.map((r) => r.children!.map((c) => [c.headerState, c.children![0]!.children!.map((t) => t.text).join('')]))).toEqual([
      [
        [1, 'Institution'],
        [1, 'Signature'],
      ],
      [
        [0, 'La CAF | la CPAM'],
        [0, ''],
      ],
    ]);
  });

  it('reads back through blocksFromSection as parseMarkdown would', () => {
    const blocks = blocksFromSection(sections[1]!);
    expect(blocks.map((b) => [b.type, b.text, b.level ?? b.listDepth ?? b.table?.row ?? null, b.placeholder ?? false])).toEqual([
      ['heading', 'Pilier 1 — Cohésion sociale', 1, false],
      ['heading', 'Santé', 2, false],
      ['paragraph', '[À compléter : volet santé]', null, true],
      ['heading', 'Sous-titre', 3, false],
      ['listItem', 'premier point', 0, false],
      ['listItem', 'sous-point suite du sous-point', 1, false],
      ['listItem', 'deuxième point', 0, false],
      ['listItem', 'troisième', 0, false],
      ['listItem', 'quatrième', 0, false],
      ['tableCell', 'Institution', 0, false],
      ['tableCell', 'Signature', 0, false],
      ['tableCell', 'La CAF | la CPAM', 1, false],
      ['tableCell', '', 1, false],
    ]);
  });

  it('keeps text before the first ## as a section named after the document, and an empty body as one empty paragraph', () => {
    const s = sectionsFromMarkdown('# Contrat\n\nSous-titre.\n\n## Vide\n');
    expect(s.map((x) => x.title)).toEqual(['Contrat', 'Vide']);
    expect(JSON.parse(s[1]!.content)).toMatchObject({ root: { children: [{ type: 'paragraph', children: [] }] } });
  });
});

describe('helpers', () => {
  it('slugifies French titles', () => {
    expect(slugify('Pilier 2 — Cadre de vie & renouvellement urbain')).toBe('pilier-2-cadre-de-vie-renouvellement-urbain');
    expect(slugify('Œuvres d’art')).toBe('oeuvres-d-art');
    expect(slugify('***')).toBe('section');
  });

  it('does not read emphasis inside words or escaped marks', () => {
    expect(markdownInline('snake_case_name et 2 * 3 * 4').map((n) => n.type === 'text' && n.text)).toEqual(['snake_case_name et 2 * 3 * 4']);
    expect(markdownInline('\\*pas italique\\*')).toMatchObject([{ type: 'text', text: '*pas italique*', format: 0 }]);
  });

  it('splits a bullet list followed by a numbered list', () => {
    expect(markdownBlocks(['- a', '1. b']).map((n) => n.type === 'list' && n.listType)).toEqual(['bullet', 'number']);
  });
});
