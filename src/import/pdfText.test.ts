import { describe, expect, it } from 'vitest';
import { headingNumbering, isPageNumber, isTocEntry, joinLines, listMarker, wordsOf } from './pdfText';

describe('joinLines', () => {
  it('joins with a space, and drops the hyphen of a word cut at the end of the line', () => {
    expect(joinLines('Le contrat prévoit', 'un accompagnement')).toBe('Le contrat prévoit un accompagnement');
    expect(joinLines('un accompa-', 'gnement renforcé')).toBe('un accompagnement renforcé');
    expect(joinLines('', 'début')).toBe('début');
  });

  it('keeps the hyphen of a compound broken at its own hyphen', () => {
    expect(joinLines('l’égalité femmes-', 'hommes')).toBe('l’égalité femmes-hommes');
    expect(joinLines('le sous-', 'préfet')).toBe('le sous-préfet');
    expect(joinLines('c’est-à-', 'dire')).toBe('c’est-à-dire');
    expect(joinLines('dans celle-', 'ci')).toBe('dans celle-ci');
    expect(joinLines('les Hauts-de-', 'Brume')).toBe('les Hauts-de-Brume');
    expect(joinLines('en 2015-', '2020')).toBe('en 2015-2020');
  });

  it('follows the document when it writes the word elsewhere', () => {
    expect(joinLines('un poste d’adulte-', 'relais', new Set(['adulte-relais']))).toBe('un poste d’adulte-relais');
    expect(joinLines('la sous-', 'traitance', new Set(['soustraitance']))).toBe('la soustraitance');
    expect(joinLines('le mal-', 'logement')).toBe('le mal-logement');
  });

  it('keeps a dash that stands alone', () => {
    expect(joinLines('Le contrat –', 'signé en 2015')).toBe('Le contrat – signé en 2015');
    expect(joinLines('Trois axes -', 'emploi')).toBe('Trois axes - emploi');
  });
});

describe('the text rules', () => {
  it('knows page numbers', () => {
    for (const t of ['3', '- 3 -', '– 12 –', 'Page 3', 'Page 3 sur 40', 'p. 7', '3/40', '3 / 40', 'iv']) expect(isPageNumber(t), t).toBe(true);
    for (const t of ['2015', '3 quartiers', 'Page de garde', 'Article 3']) expect(isPageNumber(t), t).toBe(t === '2015');
  });

  it('knows table-of-contents entries', () => {
    expect(isTocEntry('Santé ........................ 12')).toBe(true);
    expect(isTocEntry('Annexes. . . . . . . 40')).toBe(true);
    expect(isTocEntry('Signataires.......................')).toBe(true);
    expect(isTocEntry('Le contrat est signé... par tous.')).toBe(false);
  });

  it('reads list markers', () => {
    expect(listMarker('• un volet santé')).toEqual({ marker: '•', text: 'un volet santé' });
    expect(listMarker('– un volet emploi')).toEqual({ marker: '–', text: 'un volet emploi' });
    expect(listMarker('▪ la culture')).toEqual({ marker: '▪', text: 'la culture' });
    expect(listMarker('a) les écoles')).toEqual({ marker: 'a)', text: 'les écoles' });
    expect(listMarker('Le volet – emploi')).toBeUndefined();
    expect(listMarker('-3 % de chômage')).toBeUndefined();
  });

  it('reads heading numbering and its depth', () => {
    expect(headingNumbering('1. Le territoire')).toEqual({ depth: 1, strong: false });
    expect(headingNumbering('2.3 Santé')).toEqual({ depth: 2, strong: true });
    expect(headingNumbering('2.1.3. Collège')).toEqual({ depth: 3, strong: true });
    expect(headingNumbering('II. Le cadre de vie')).toEqual({ depth: 1, strong: true });
    expect(headingNumbering('Titre II – Les engagements')).toEqual({ depth: 1, strong: true });
    expect(headingNumbering('Article 3 – Durée')).toEqual({ depth: 2, strong: true });
    expect(headingNumbering('Le territoire')).toBeUndefined();
    expect(headingNumbering('2015 est l’année')).toBeUndefined();
  });

  it('lists a line’s words, compounds whole', () => {
    expect(wordsOf('L’égalité femmes-hommes, en 2015.')).toEqual(['l', 'égalité', 'femmes-hommes', 'en', '2015']);
  });
});
