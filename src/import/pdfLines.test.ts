import { describe, expect, it } from 'vitest';
import { dropRunningText, fragmentsOf, itemFromTransform, unitsOf, type Fragment, type PdfItem } from './pdfLines';

const item = (text: string, x: number, y: number, width = text.length * 5, size = 10, bold = false): PdfItem => ({ text, x, y, width, size, bold });
const frag = (text: string, x: number, y: number, size = 10): Fragment => ({ text, x, xEnd: x + text.length * 5, y, size, bold: false });

describe('fragmentsOf', () => {
  it('joins the items of a line, with a space where a gap is', () => {
    const out = fragmentsOf([item('Le contrat', 72, 700, 50), item('de ville', 125, 700, 40), item('1', 168, 700, 5), item('er', 173, 704, 6, 6)]);
    expect(out.map((f) => f.text)).toEqual(['Le contrat de ville 1er']);
    expect(out[0]!.size).toBe(10);
  });

  it('splits a line at a wide gap, and at a blank item pdfjs stretched over the gap between cells', () => {
    expect(fragmentsOf([item('Action', 75, 700, 30), item('Pilote', 200, 700, 30)]).map((f) => f.text)).toEqual(['Action', 'Pilote']);
    const cells = fragmentsOf([item('Cordées de la réussite', 75, 700, 100), item(' ', 175, 700, 14), item('Université', 189, 700, 44)]);
    expect(cells.map((f) => f.text)).toEqual(['Cordées de la réussite', 'Université']);
  });

  it('keeps a list marker with its text across the tab stop', () => {
    const out = fragmentsOf([item('•', 72, 700, 4), item(' ', 76, 700, 14), item('un volet santé', 90, 700, 70)]);
    expect(out.map((f) => f.text)).toEqual(['• un volet santé']);
  });

  it('says whether the line is bold from most of its characters', () => {
    expect(fragmentsOf([item('Santé et accès aux soins', 72, 700, 120, 10, true)])[0]!.bold).toBe(true);
    expect(fragmentsOf([item('Le volet', 72, 700, 40, 10, true), item(' santé est signé avec l’ARS', 112, 700, 130)])[0]!.bold).toBe(false);
  });

  it('leaves out rotated text', () => {
    expect(itemFromTransform('Brouillon', [0, 40, -40, 0, 300, 400], 200, false)).toBeUndefined();
    expect(itemFromTransform('Texte', [11, 0, 0, 11, 72, 700], 25, true)).toEqual({ text: 'Texte', x: 72, y: 700, width: 25, size: 11, bold: true });
  });
});

describe('unitsOf', () => {
  it('reads a table drawn cell by cell into rows, and the text before it into lines', () => {
    const units = unitsOf(
      [
        frag('Texte avant le tableau.', 72, 760),
        frag('Action', 76, 730),
        frag('Pilote', 250, 730),
        frag('Scolarisation des', 76, 710),
        frag('moins de 3 ans', 76, 698),
        frag('DSDEN', 250, 710),
        frag('Texte après.', 72, 670),
      ],
      4,
    );
    expect(units.map((u) => (u.kind === 'line' ? `line ${u.text}` : `row ${u.cells.map((c) => c.lines.map((l) => l.text).join(' / ')).join(' | ')}`))).toEqual([
      'line Texte avant le tableau.',
      'row Action | Pilote',
      'row Scolarisation des / moins de 3 ans | DSDEN',
      'line Texte après.',
    ]);
    expect(units.every((u) => u.page === 4)).toBe(true);
  });

  it('keeps running text and its indented lines as lines', () => {
    const units = unitsOf([frag('• premier point', 72, 700), frag('suite du point', 90, 686), frag('• second point', 72, 672), frag('Paragraphe.', 72, 650)], 1);
    expect(units.map((u) => u.kind)).toEqual(['line', 'line', 'line', 'line']);
  });
});

describe('dropRunningText', () => {
  it('drops repeated headers and footers and page numbers, and keeps the rest', () => {
    const page = (n: number, extra: Fragment[] = []) => ({
      number: n,
      height: 842,
      fragments: [frag('Contrat de ville de Brumeval', 300, 810), frag(`Texte de la page ${n}`, 72, 700), ...extra, frag(`- ${n} -`, 290, 30)],
    });
    const kept = dropRunningText([page(1), page(2, [frag('Une note en bas de page', 72, 60)]), page(3)]);
    expect(kept.map((p) => p.map((f) => f.text))).toEqual([['Texte de la page 1'], ['Texte de la page 2', 'Une note en bas de page'], ['Texte de la page 3']]);
  });

  it('keeps a number in the body of the page', () => {
    const kept = dropRunningText([{ number: 1, height: 842, fragments: [frag('Habitants', 72, 500), frag('4 310', 300, 500), frag('12', 72, 480)] }]);
    expect(kept[0]!.map((f) => f.text)).toEqual(['Habitants', '4 310', '12']);
  });
});
