import { describe, expect, it } from 'vitest';
import { GRILLE_TITLE } from '../export/grille';
import { blocksFromUnits } from './pdfBlocks';
import type { Unit } from './pdfLines';

type LineUnit = Extract<Unit, { kind: 'line' }>;

/** Lines top to bottom, 14 pt apart unless a gap is given; body text is 11 pt regular. */
function page(specs: (string | { text: string; size?: number; bold?: boolean; gap?: number; x?: number })[], number = 1): LineUnit[] {
  let y = 780;
  return specs.map((spec) => {
    const s = typeof spec === 'string' ? { text: spec } : spec;
    y -= s.gap ?? 14;
    const x = s.x ?? 72;
    return { kind: 'line', page: number, text: s.text, x, xEnd: x + s.text.length * 5, y, size: s.size ?? 11, bold: s.bold ?? false };
  });
}

const shape = (units: Unit[]): string[] =>
  blocksFromUnits(units).document.blocks.map((b) => `${b.type === 'heading' ? `h${b.level}` : b.type === 'listItem' ? 'li' : 'p'}${b.placeholder ? '?' : ''} ${b.text}`);

describe('blocksFromUnits', () => {
  it('leaves out a table of contents, its title and its wrapped entries', () => {
    const units = page([
      { text: 'Sommaire', size: 14, bold: true },
      '1. Le territoire .................... 3',
      'Une entrée de sommaire bien trop longue qui passe',
      'à la ligne ........................... 5',
      { text: '1. Le territoire', size: 14, bold: true, gap: 30 },
      'Le texte du contrat.',
    ]);
    expect(shape(units)).toEqual(['h1 1. Le territoire', 'p Le texte du contrat.']);
    expect(blocksFromUnits(units).tocLines).toBe(2);
  });

  it('leaves out Pilier’s grille up to the next title of its level', () => {
    const units = page([
      { text: 'Santé', size: 14, bold: true },
      'Un contrat local de santé.',
      { text: GRILLE_TITLE, size: 14, bold: true, gap: 30 },
      'FEM-1a Volet égalité femmes-hommes : manquante.',
      { text: 'Synthèse', size: 12, bold: true, gap: 30 },
      'Tout est dit.',
      { text: 'Signataires', size: 14, bold: true, gap: 30 },
      'Le préfet.',
    ]);
    expect(shape(units)).toEqual(['h1 Santé', 'p Un contrat local de santé.', 'h1 Signataires', 'p Le préfet.']);
  });

  it('takes levels from numbering when all titles look alike, and never takes a placeholder for a title', () => {
    const units = page([
      { text: 'Article 2 – Les engagements', gap: 30 },
      { text: 'Les signataires s’engagent.', gap: 30 },
      { text: 'Titre II – La gouvernance', gap: 30 },
      { text: 'Le comité se réunit.', gap: 30 },
      { text: '[À compléter — nom de l’EPCI]', bold: true, gap: 30 },
      { text: 'Fin.', gap: 30 },
    ]);
    expect(shape(units)).toEqual(['h2 Article 2 – Les engagements', 'p Les signataires s’engagent.', 'h1 Titre II – La gouvernance', 'p Le comité se réunit.', 'p? [À compléter — nom de l’EPCI]', 'p Fin.']);
  });

  it('nests list items by their indentation', () => {
    const units = page(['Les actions :', '• l’emploi ;', { text: '– la mission locale ;', x: 90 }, '• la santé,', { text: 'sur deux lignes.', x: 88 }, 'Un paragraphe.']);
    expect(blocksFromUnits(units).document.blocks.map((b) => `${b.type}:${b.listDepth ?? ''} ${b.text}`)).toEqual([
      'paragraph: Les actions :',
      'listItem:0 l’emploi ;',
      'listItem:1 la mission locale ;',
      'listItem:0 la santé, sur deux lignes.',
      'paragraph: Un paragraphe.',
    ]);
  });
});
