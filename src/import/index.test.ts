import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildContractDocx } from '../export/docx/index';
import { GRILLE_TITLE } from '../export/grille';
import { buildContractOdt } from '../export/odt/index';
import { exportFixtures } from '../export/testInputs';
import { detectFormat, importDocument, withoutGrille } from './index';
import { buildTestPdf, lines } from './pdfTestFile';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const fixtures = exportFixtures(read);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const pdf = buildTestPdf([{ runs: [{ text: 'Contrat de ville', x: 72, y: 760, size: 18, bold: true }, ...lines(['Un contrat local de santé est signé avec l’ARS.'], 72, 720)] }]);
let docx: Uint8Array;
let odt: Uint8Array;

beforeAll(async () => {
  docx = await buildContractDocx(fixtures.demo());
  odt = buildContractOdt(fixtures.demo());
});

describe('detectFormat', () => {
  it('tells the format from the bytes, the name only for text', () => {
    expect(detectFormat(docx, 'a.docx')).toBe('docx');
    expect(detectFormat(odt, 'a.docx')).toBe('odt');
    expect(detectFormat(pdf, 'a.txt')).toBe('pdf');
    expect(detectFormat(utf8('# Titre'), 'a.md')).toBe('markdown');
    expect(detectFormat(utf8('# Titre'), 'a.txt')).toBe('text');
    expect(detectFormat(utf8('<?xml version="1.0"?><office:document office:mimetype="x">'), 'contrat')).toBe('odt');
    expect(detectFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'vieux.doc')).toBe('docx');
  });
});

describe('importDocument', () => {
  it('reads every format into the document model, with the content controls of DOCX and ODT', async () => {
    const results = await Promise.all([
      importDocument(docx, 'contrat.docx'),
      importDocument(odt, 'contrat.odt'),
      importDocument(pdf, 'contrat.pdf'),
      importDocument(utf8('# Contrat\n\n## Santé\n\nUn contrat local de santé.\n'), 'contrat.md'),
      importDocument(utf8('CONTRAT\n\nUn contrat local de santé.\n'), 'contrat.txt'),
    ]);
    expect(results.map((r) => (r.ok ? r.format : r.error))).toEqual(['docx', 'odt', 'pdf', 'markdown', 'text']);
    for (const r of results) expect(r.ok && r.document.blocks.length).toBeGreaterThan(1);
    const [fromDocx, fromOdt] = results;
    expect(fromDocx!.ok && fromDocx.contentControls?.some((c) => c.requirements.includes('FEM-1a'))).toBe(true);
    expect(fromOdt!.ok && fromOdt.contentControls?.some((c) => c.requirements.includes('FEM-1a'))).toBe(true);
    const text = results[2]!.ok ? results[2].document.blocks.map((b) => b.text) : [];
    expect(text).toEqual(['Contrat de ville', 'Un contrat local de santé est signé avec l’ARS.']);
  });

  it('reads a file by its content when its extension lies, and says so', async () => {
    const result = await importDocument(pdf, 'contrat.docx');
    expect(result.ok && result.format).toBe('pdf');
    expect(result.ok && result.warnings[0]).toBe(
      'Le fichier contrat.docx n’est pas un document Word (.docx) comme l’annonce son extension, mais un PDF : il a été lu d’après son contenu.',
    );
    const odtAsDocx = await importDocument(odt, 'contrat.docx');
    expect(odtAsDocx.ok && odtAsDocx.format).toBe('odt');
    const mdAsTxt = await importDocument(utf8('# Contrat\n'), 'contrat.txt');
    expect(mdAsTxt.ok && mdAsTxt.warnings).toEqual([]);
  });

  it('refuses bad files with the reader’s French message', async () => {
    const cases: [Uint8Array, string, RegExp][] = [
      [new Uint8Array(0), 'vide.pdf', /^Le fichier vide\.pdf est vide \(0 octet\)/],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'vieux.doc', /^Le fichier vieux\.doc n'est pas un document Word \(\.docx\) valide/],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'abîmé.docx', /^Le fichier abîmé\.docx est endommagé/],
      [new Uint8Array([0x41, 0, 0x42, 0]), 'binaire.txt', /^Le fichier binaire\.txt n'est pas un fichier texte/],
    ];
    for (const [bytes, name, message] of cases) {
      const result = await importDocument(bytes, name);
      expect(result.ok ? 'ok' : result.error).toMatch(message);
    }
  });

  it('reports progress at the start and end, and answers a cancelled import', async () => {
    const seen: string[] = [];
    await importDocument(docx, 'contrat.docx', { onProgress: (done, total, label) => seen.push(`${done}/${total} ${label}`) });
    expect(seen).toEqual(['0/1 Lecture de contrat.docx', '1/1 contrat.docx lu']);
    const controller = new AbortController();
    controller.abort();
    expect(await importDocument(docx, 'contrat.docx', { signal: controller.signal })).toEqual({ ok: false, cancelled: true, error: 'Import annulé : rien n’a été créé.' });
  });

  it('leaves out a grille whose tags were lost', () => {
    const doc = {
      blocks: [
        { id: 'b0', type: 'heading' as const, level: 1, text: 'Santé', headingPath: [] },
        { id: 'b1', type: 'paragraph' as const, text: 'Un contrat local de santé.', headingPath: ['Santé'] },
        { id: 'b2', type: 'heading' as const, level: 1, text: GRILLE_TITLE, headingPath: [] },
        { id: 'b3', type: 'paragraph' as const, text: 'FEM-1a Volet égalité', headingPath: [GRILLE_TITLE] },
        { id: 'b4', type: 'heading' as const, level: 1, text: 'Signataires', headingPath: [] },
      ],
    };
    expect(withoutGrille(doc).blocks.map((b) => b.id)).toEqual(['b0', 'b1', 'b4']);
    const without = { blocks: doc.blocks.slice(0, 2) };
    expect(withoutGrille(without)).toBe(without);
  });
});
