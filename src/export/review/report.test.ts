import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReviewReportDocx, buildReviewReportOdt, reportSections, reportTitle } from './index';
import { REVIEWER, reviewedDemo, VERDICT_COMMENTS } from './testReport';

const read = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const input = reviewedDemo(read);
const flat = (text: string): string => text.replace(/[\s\u00a0\u202f]+/g, ' ');

describe('the « Rapport d’analyse »', () => {
  it('is titled after the territoire, with the right elision', () => {
    expect(reportTitle('Val-Fictif')).toBe('Rapport d’analyse du contrat de ville de Val-Fictif');
    expect(reportTitle('Agglomération d’Exemple')).toBe('Rapport d’analyse du contrat de ville d’Agglomération d’Exemple');
    expect(reportTitle('  ')).toBe('Rapport d’analyse du contrat de ville');
  });

  it('says the same in its outline as the reviewer recorded', () => {
    const { front, annex } = reportSections(input);
    const texts = JSON.stringify([...front, ...annex]);
    for (const c of [...VERDICT_COMMENTS, 'Chiffre à sourcer (Insee ?).', 'Non conforme', 'À compléter', 'Conforme']) expect(texts).toContain(c);
    const grille = annex.find((b) => b.kind === 'table')!;
    expect(grille.kind === 'table' && grille.rows.length).toBe(input.rows.length);
    const fem = input.rows.find((r) => r.id === 'FEM-1a')!;
    expect(texts).toContain(JSON.stringify(fem.source).slice(1, -1));
  });

  it('as DOCX: the verdicts, comments, opinion and signature read back; header rows repeat; French language', async () => {
    const bytes = await buildReviewReportDocx(input);
    const text = flat((await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value);
    for (const expected of [
      'Rapport d’analyse du contrat de ville de Communauté d’agglomération du Val-de-Brume',
      'Établi le 12 mars 2025 par Claire Martin, Déléguée du préfet.',
      ...VERDICT_COMMENTS,
      'Chiffre à sourcer (Insee ?).',
      'FEM-1a — ',
      'Non conforme',
      'Contrat à compléter avant signature',
      'Fait à …………………………, le 12 mars 2025',
      'Signataires manquants',
      'Annexes manquantes',
      'contrat-val-de-brume.docx',
    ]) {
      expect(text, expected).toContain(flat(expected));
    }
    const files = unzipSync(bytes);
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBeGreaterThanOrEqual(4);
    expect(xml).toContain('w:orient="landscape"');
    expect(strFromU8(files['docProps/core.xml']!)).toContain('<dc:language>fr-FR</dc:language>');
    expect(strFromU8(files['docProps/core.xml']!)).toContain(`<dc:creator>${REVIEWER.nom}</dc:creator>`);
    // No clock inside: the dates are the report's own.
    expect(strFromU8(files['docProps/core.xml']!)).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-03-12T00:00:00Z</dcterms:created>');
  });

  it('as ODT: content.xml holds the verdicts and comments; meta.xml the title and language', () => {
    const files = unzipSync(buildReviewReportOdt(input));
    expect(strFromU8(files.mimetype!)).toBe('application/vnd.oasis.opendocument.text');
    const content = strFromU8(files['content.xml']!);
    const text = flat(content.replace(/<text:s\/>/g, ' ').replace(/<[^>]+>/g, ' '));
    for (const expected of [...VERDICT_COMMENTS, 'Chiffre à sourcer (Insee ?).', 'Non conforme', 'Claire Martin', 'Fait à …………………………, le 12 mars 2025']) {
      expect(text, expected).toContain(flat(expected));
    }
    expect(content).toContain('<table:table-header-rows>');
    const meta = strFromU8(files['meta.xml']!);
    expect(meta).toContain('<dc:language>fr-FR</dc:language>');
    expect(meta).toContain('Rapport d’analyse du contrat de ville');
  });

  it('leaves the reviewer and the opinion to complete when they are missing', async () => {
    const bare = { ...input, reviewer: null, opinion: '' };
    const text = flat((await mammoth.extractRawText({ buffer: Buffer.from(await buildReviewReportDocx(bare)) })).value);
    expect(text).toContain('[À compléter : nom et qualité du relecteur]');
    expect(text).toContain('[À compléter : avis général du relecteur]');
  });
});
