import { describe, expect, it } from 'vitest';
import type { Block } from '../document/model';
import { MAX_PDF_BYTES, MAX_PDF_PAGES, readPdf } from './pdf';
import { buildTestPdf, lines, type TestPage, type TestRun } from './pdfTestFile';

const HEADER = (n: number, total: number): TestRun[] => [
  { text: 'Contrat de ville de Brumeval 2015-2020', x: 300, y: 810, size: 8 },
  { text: `Page ${n} sur ${total}`, x: 270, y: 30, size: 8 },
];

/** A three-page contract as a word processor lays it out, with what the reader must undo. */
function contract(): TestPage[] {
  return [
    {
      runs: [
        ...HEADER(1, 3),
        { text: 'Contrat de ville', x: 72, y: 760, size: 20, bold: true },
        { text: '1. Le territoire', x: 72, y: 720, size: 15, bold: true },
        { text: '1.1 Les quartiers prioritaires', x: 72, y: 695, size: 12, bold: true },
        ...lines(
          [
            'L’agglomération de Brumeval regroupe trois quartiers prioritaires. Le contrat prévoit un accompa-',
            'gnement renforcé des habitants et une politique d’égalité femmes-',
            'hommes dans chaque action.',
          ],
          72,
          670,
        ),
        ...lines(['Les signataires s’engagent à :'], 72, 625),
        { text: '•', x: 72, y: 605 },
        { text: 'ouvrir une maison des services publics ;', x: 90, y: 605 },
        { text: '•', x: 72, y: 591 },
        { text: 'financer un poste d’adulte-relais pour la', x: 90, y: 591 },
        { text: 'médiation sociale.', x: 90, y: 577 },
        { text: 'a) un volet santé signé avec l’ARS ;', x: 72, y: 555 },
        // A table: header row, then two rows of three cells, drawn cell by cell.
        { text: 'Action', x: 76, y: 520, bold: true },
        { text: 'Pilote', x: 250, y: 520, bold: true },
        { text: 'Indicateur', x: 420, y: 520, bold: true },
        { text: 'Cité éducative du', x: 76, y: 500 },
        { text: 'Vieux-Moulin', x: 76, y: 486 },
        { text: 'Éducation nationale', x: 250, y: 500 },
        { text: '300 élèves', x: 420, y: 500 },
        { text: 'Médiation de nuit', x: 76, y: 466 },
        { text: 'Ville', x: 250, y: 466 },
        { text: '12 médiateurs', x: 420, y: 466 },
        ...lines(['Ce paragraphe se poursuit à la page suivante, sans point final, et il ne se termine'], 72, 430),
      ],
    },
    {
      runs: [
        ...HEADER(2, 3),
        ...lines(['qu’après la coupure de page.'], 72, 770),
        { text: '2. Gouvernance', x: 72, y: 735, size: 15, bold: true },
        ...lines(['Le comité de pilotage se réunit deux fois par an, sous la présidence du préfet.'], 72, 710),
        { text: 'Article 3 – Durée du contrat', x: 72, y: 680 },
        ...lines(['Le contrat est conclu pour six ans.'], 72, 655),
      ],
    },
    { runs: [...HEADER(3, 3), { text: '3. Signataires', x: 72, y: 760, size: 15, bold: true }, ...lines(['Le préfet, le président de l’EPCI, les maires.'], 72, 735)] },
  ];
}

const shape = (b: Block): string => `${b.type === 'heading' ? `h${b.level}` : b.type === 'listItem' ? `li${b.listDepth}` : b.type === 'tableCell' ? `td${b.table!.row}.${b.table!.col}` : 'p'} ${b.text}`;

describe('readPdf', () => {
  it('rebuilds headings, paragraphs, list items and table cells, without running headers and page numbers', async () => {
    const result = await readPdf(buildTestPdf(contract()), 'contrat.pdf');
    if (!result.ok) throw new Error(result.error);
    expect(result.pages).toBe(3);
    expect(result.document.blocks.map(shape)).toEqual([
      'h1 Contrat de ville',
      'h2 1. Le territoire',
      'h3 1.1 Les quartiers prioritaires',
      'p L’agglomération de Brumeval regroupe trois quartiers prioritaires. Le contrat prévoit un accompagnement renforcé des habitants et une politique d’égalité femmes-hommes dans chaque action.',
      'p Les signataires s’engagent à :',
      'li0 ouvrir une maison des services publics ;',
      'li0 financer un poste d’adulte-relais pour la médiation sociale.',
      'li0 un volet santé signé avec l’ARS ;',
      'td0.0 Action',
      'td0.1 Pilote',
      'td0.2 Indicateur',
      'td1.0 Cité éducative du Vieux-Moulin',
      'td1.1 Éducation nationale',
      'td1.2 300 élèves',
      'td2.0 Médiation de nuit',
      'td2.1 Ville',
      'td2.2 12 médiateurs',
      'p Ce paragraphe se poursuit à la page suivante, sans point final, et il ne se termine qu’après la coupure de page.',
      'h2 2. Gouvernance',
      'p Le comité de pilotage se réunit deux fois par an, sous la présidence du préfet.',
      expect.stringMatching(/^h\d Article 3 – Durée du contrat$/),
      'p Le contrat est conclu pour six ans.',
      'h2 3. Signataires',
      'p Le préfet, le président de l’EPCI, les maires.',
    ]);
    expect(result.document.title).toBe('Contrat de ville');
    const gouvernance = result.document.blocks.find((b) => b.text.startsWith('Le comité'))!;
    expect(gouvernance.headingPath).toEqual(['Contrat de ville', '2. Gouvernance']);
    expect(result.warnings).toEqual([]);
  });

  it('reports progress per page and stops between pages when cancelled', async () => {
    const bytes = buildTestPdf(contract());
    const seen: [number, number][] = [];
    await readPdf(bytes, 'contrat.pdf', { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const controller = new AbortController();
    const pages: number[] = [];
    const cancelled = await readPdf(bytes, 'contrat.pdf', {
      signal: controller.signal,
      onProgress: (done) => {
        pages.push(done);
        if (done === 1) controller.abort();
      },
    });
    expect(cancelled).toEqual({ ok: false, cancelled: true, error: 'Import annulé : rien n’a été créé.' });
    expect(pages).toEqual([0, 1]);
  });

  it('leaves the caller’s bytes as they were', async () => {
    const bytes = buildTestPdf(contract());
    const copy = bytes.slice();
    await readPdf(bytes, 'contrat.pdf');
    expect(bytes.byteLength).toBe(copy.byteLength);
    expect(Buffer.from(bytes).equals(Buffer.from(copy))).toBe(true);
  });

  it('refuses bad files with a French message naming the file', async () => {
    const good = buildTestPdf(contract());
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array(0), /^Le fichier x\.pdf est vide \(0 octet\)/],
      [new TextEncoder().encode('Bonjour, ceci est un texte.'), /^Le fichier x\.pdf n’est pas un PDF : /],
      [good.slice(0, 40), /^Le fichier x\.pdf (est endommagé|est incomplet)/],
      [buildTestPdf(contract(), { encrypted: true }), /^Le fichier x\.pdf est protégé par un mot de passe : Pilier ne peut pas le lire\./],
      [buildTestPdf([{ runs: [], image: true }, { runs: [], image: true }]), /^Le fichier x\.pdf ne contient pas de texte \(document numérisé\) : une reconnaissance de caractères \(OCR\) est nécessaire/],
    ];
    for (const [bytes, message] of cases) {
      const result = await readPdf(bytes, 'x.pdf');
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.error).toMatch(message);
    }
  });

  it('says a truncated file is incomplete', async () => {
    const good = buildTestPdf(contract());
    const result = await readPdf(good.slice(0, Math.floor(good.length * 0.8)), 'coupé.pdf');
    expect(result.ok ? '' : result.error).toMatch(/^Le fichier coupé\.pdf est incomplet \(sa fin manque, un téléchargement interrompu peut-être\) : /);
  });

  it('reads the other pages when one is damaged', async () => {
    const bytes = buildTestPdf(contract());
    const text = new TextDecoder('latin1').decode(bytes);
    // Page 2's content stream loses its « stream » keyword: that page's text cannot be read.
    const damaged = bytes.slice();
    damaged.set(new TextEncoder().encode('XXXXXX'), text.lastIndexOf('stream', text.indexOf('Gouvernance')));
    const result = await readPdf(damaged, 'abîmé.pdf');
    if (!result.ok) throw new Error(result.error);
    expect(result.document.blocks.some((b) => b.text === '3. Signataires')).toBe(true);
    expect(result.document.blocks.some((b) => b.text.includes('Gouvernance'))).toBe(false);
  });

  it('refuses files over the size and page limits, saying the limit', async () => {
    const big = new Uint8Array(MAX_PDF_BYTES + 1);
    big.set(new TextEncoder().encode('%PDF-1.4\n'));
    const tooBig = await readPdf(big, 'énorme.pdf');
    expect(tooBig.ok ? '' : tooBig.error).toBe('Le fichier énorme.pdf est trop volumineux (100\u00a0Mo) : Pilier lit les PDF jusqu\'à 100\u00a0Mo.');
    const many = await readPdf(buildTestPdf(Array.from({ length: MAX_PDF_PAGES + 1 }, () => ({ runs: [] }))), 'annexes.pdf');
    expect(many.ok ? '' : many.error).toBe(
      'Le fichier annexes.pdf compte 2\u00a0001 pages : Pilier lit les PDF jusqu’à 2\u00a0000 pages. Envoyez le contrat sans ses annexes les plus longues.',
    );
  });

  it('warns when many pages have no text among typed ones', async () => {
    const pages: TestPage[] = [contract()[0]!, { runs: [], image: true }, { runs: [], image: true }];
    const result = await readPdf(buildTestPdf(pages), 'mixte.pdf');
    if (!result.ok) throw new Error(result.error);
    expect(result.warnings).toEqual(['2 pages de mixte.pdf ne contiennent pas de texte (pages 2, 3) : si elles sont numérisées, leur contenu n’est pas vérifié sans reconnaissance de caractères (OCR).']);
  });
});
