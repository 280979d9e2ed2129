import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../document/markdown';
import { batchSummary, summarySentence, territoireOf, type SummaryRow } from './rows';

const corpus = new URL('../../../seeds/corpus/', import.meta.url);

describe('territoireOf', () => {
  it('finds the territoire in the titles of the corpus drafts', () => {
    const found = readdirSync(corpus)
      .filter((n) => n.endsWith('.md'))
      .sort()
      .map((n) => territoireOf(parseMarkdown(readFileSync(new URL(n, corpus), 'utf8'))));
    expect(found).toEqual([
      'Communauté d\'agglomération du Grand Brévannais',
      'Seine-Ardoise',
      'Vallombre Métropole',
      'Communauté de communes du Val d\'Aubrèle',
      'Communauté d\'agglomération Porte de l\'Ardour',
      'Grand Valmont',
      'Val de Sernoise',
      'Haudrecourt Métropole',
      'Vierzelles Agglo',
      'Estuaire Métropole',
      'Communauté d\'agglomération du Pays de Sainte-Aure',
      'Castelmaure',
      'COMMUNAUTÉ D’AGGLOMÉRATION SEINE-ET-ŒUVRE',
      'Communauté de communes de la Côte-au-Vent',
      'Lisonne Agglomération',
      'Pays de Vernelle',
      'Agglomération Sauveterre-Ambreuil',
      'Roncière Agglomération',
    ]);
  });

  it('reads Pilier’s cover page, and says nothing rather than guess', () => {
    const doc = parseMarkdown('# Contrat de ville\n\nVal-de-Brume\n\nPÉRIODE\n\n2015-2020\n');
    expect(territoireOf(doc)).toBe('Val-de-Brume');
    expect(territoireOf(parseMarkdown('# Préambule\n\nLe présent document engage les signataires.\n'))).toBeUndefined();
  });
});

describe('batchSummary', () => {
  it('adds up the rows that were read', () => {
    const rows: SummaryRow[] = [
      { file: 'a.pdf', format: 'pdf', covered: 10, partial: 2, missing: 3, missingObligatoire: [{ id: 'FEM-1a', title: 'Volet égalité' }] },
      { file: 'b.docx', format: 'docx', covered: 12, partial: 1, missing: 2, missingObligatoire: [] },
      { file: 'c.odt', error: 'Le fichier c.odt est endommagé.' },
    ];
    const summary = batchSummary(rows, { id: 'x', version: '1', title: 'X' }, '2026-11-25');
    expect(summary.totals).toEqual({ contracts: 3, checked: 2, unreadable: 1, complete: 1, covered: 22, partial: 3, missing: 5, missingObligatoire: 1 });
    expect(summarySentence(summary)).toBe('3 contrats reçus, 2 vérifiés, 1 illisible ; 1 contient toutes les exigences obligatoires.');
    expect(summarySentence(batchSummary(rows.slice(1, 2), summary.referentiel, summary.date))).toBe('1 contrat reçu, 1 vérifié ; il contient toutes les exigences obligatoires.');
  });
});
