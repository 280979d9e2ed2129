import { describe, expect, it } from 'vitest';
import { parseMarkdown, parsePlainText } from './markdown';

describe('parseMarkdown', () => {
  const doc = parseMarkdown(
    [
      '# Contrat de ville',
      '',
      '## Pilier 1 — **Cohésion sociale**',
      '',
      'Un paragraphe',
      'sur deux lignes.',
      '',
      '- premier point',
      '  - sous-point',
      '1. numéroté',
      '',
      '| Institution | Signature |',
      '|---|---|',
      '| La CAF | |',
      '',
      '### Santé',
      '',
      '[À compléter : volet santé]',
    ].join('\n'),
  );

  it('reads headings, paragraphs, nested lists, tables and placeholders with heading paths', () => {
    expect(doc.title).toBe('Contrat de ville');
    expect(doc.blocks.map((b) => [b.type, b.text])).toEqual([
      ['heading', 'Contrat de ville'],
      ['heading', 'Pilier 1 — Cohésion sociale'],
      ['paragraph', 'Un paragraphe sur deux lignes.'],
      ['listItem', 'premier point'],
      ['listItem', 'sous-point'],
      ['listItem', 'numéroté'],
      ['tableCell', 'Institution'],
      ['tableCell', 'Signature'],
      ['tableCell', 'La CAF'],
      ['tableCell', ''],
      ['heading', 'Santé'],
      ['paragraph', '[À compléter : volet santé]'],
    ]);
    expect(doc.blocks[4]!.listDepth).toBe(1);
    expect(doc.blocks[8]).toMatchObject({ id: 't0r1c0', table: { id: 't0', row: 1, col: 0 } });
    expect(doc.blocks[11]).toMatchObject({ placeholder: true, headingPath: ['Contrat de ville', 'Pilier 1 — Cohésion sociale', 'Santé'] });
    expect(doc.blocks[10]!.headingPath).toEqual(['Contrat de ville', 'Pilier 1 — Cohésion sociale']);
  });

  it('gives stable, unique ids', () => {
    const ids = doc.blocks.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(parseMarkdown('# A\n\ntexte').blocks.map((b) => b.id)).toEqual(['b0', 'b1']);
  });
});

describe('parsePlainText', () => {
  it('takes short numbered or capitalised lines as headings', () => {
    const doc = parsePlainText('CONTRAT DE VILLE\n\n2.1 Santé publique\n\nLe volet santé est porté par l’ARS.\n\n- un point');
    expect(doc.blocks.map((b) => [b.type, b.level ?? null])).toEqual([
      ['heading', 1],
      ['heading', 2],
      ['paragraph', null],
      ['listItem', null],
    ]);
    expect(doc.blocks[2]!.headingPath).toEqual(['CONTRAT DE VILLE', '2.1 Santé publique']);
  });
});
