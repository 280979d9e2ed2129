import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SUMMARY_TITLE, buildSummaryDocx } from './docx';
import { batchSummary, type SummaryRow } from './rows';

const rows: SummaryRow[] = [
  {
    file: 'recus/brumeval.pdf',
    format: 'pdf',
    territoire: 'Communauté d’agglomération du Val-de-Brume',
    covered: 41,
    partial: 12,
    missing: 83,
    missingObligatoire: [
      { id: 'FEM-1a', title: 'Volet égalité femmes-hommes' },
      { id: 'JUS-1', title: 'Procureur signataire' },
    ],
  },
  { file: 'recus/castelmaure.docx', format: 'docx', covered: 90, partial: 10, missing: 36, missingObligatoire: [] },
  { file: 'recus/abime.odt', error: 'Le fichier recus/abime.odt est endommagé.' },
];

async function documentText(): Promise<{ xml: string; paragraphs: string[] }> {
  const bytes = await buildSummaryDocx(batchSummary(rows, { id: 'annexe-1-2014', version: '1.0.0', title: 'Annexe 1' }, '2026-03-01'));
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  const paragraphs = xml.split('</w:p>').map((p) => p.replace(/<[^>]+>/g, '').replace(/\u00a0/g, ' ')).filter(Boolean);
  return { xml, paragraphs };
}

describe('buildSummaryDocx', () => {
  it('writes a landscape table with one row per contract, the missing obligatoire requirements and the totals', async () => {
    const { xml, paragraphs } = await documentText();
    expect(xml).toContain('w:orient="landscape"');
    expect(paragraphs[0]).toBe(SUMMARY_TITLE);
    expect(paragraphs).toContain('Établie le 1er mars 2026 au regard du référentiel « Annexe 1 » (version 1.0.0).');
    expect(paragraphs).toContain('3 contrats reçus, 2 vérifiés, 1 illisible ; 1 contient toutes les exigences obligatoires.');
    const table = paragraphs.slice(paragraphs.indexOf('Contrat'));
    expect(table.slice(0, 6)).toEqual(['Contrat', 'Territoire', 'Couvertes', 'Partielles', 'Manquantes', 'Exigences obligatoires manquantes']);
    expect(table.slice(6, 13)).toEqual([
      'recus/brumeval.pdf (PDF)',
      'Communauté d’agglomération du Val-de-Brume',
      '41',
      '12',
      '83',
      'FEM-1a Volet égalité femmes-hommes',
      'JUS-1 Procureur signataire',
    ]);
    expect(table.slice(13, 19)).toEqual(['recus/castelmaure.docx (DOCX)', '—', '90', '10', '36', 'Aucune']);
    expect(table.slice(19, 21)).toEqual(['recus/abime.odt', 'Illisible : Le fichier recus/abime.odt est endommagé.']);
    expect(table.slice(21, 26)).toEqual(['Total (2 contrats)', '131', '22', '119', '2 exigences obligatoires manquantes']); // the empty territoire cell has no text
  });
});
