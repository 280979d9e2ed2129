import { describe, expect, it } from 'vitest';
import { boldTitlesDocx, sampleContractDocx } from '../../tests/fixtures/cli/docx';
import { centralRecords, oleFile, storedZip, withDeclaredSize } from '../../tests/fixtures/cli/zip';
import { MAX_DOCX_BYTES } from './bytes';
import { readDocx } from './docx';

async function readOk(bytes: Uint8Array, name = 'contrat.docx') {
  const result = await readDocx(bytes, name);
  if (!result.ok) throw new Error(result.error);
  return result;
}

async function readError(bytes: Uint8Array, name = 'contrat.docx'): Promise<string> {
  const result = await readDocx(bytes, name);
  if (result.ok) throw new Error('expected an error');
  expect(result.error).not.toMatch(/\n\s+at /); // never a stack trace
  return result.error;
}

describe('readDocx on real Word documents', () => {
  it('reads headings, nested lists, a table and French text', async () => {
    const { document, warnings } = await readOk(await sampleContractDocx());
    expect(warnings).toEqual([]);
    expect(document.title).toBe('Contrat de ville de Brévannes 2024-2030');
    const summary = document.blocks.map((b) => [b.id, b.type, b.level ?? b.listDepth ?? null, b.text]);
    expect(summary).toEqual([
      ['b0', 'heading', 1, 'Contrat de ville de Brévannes 2024-2030'],
      ['b1', 'heading', 1, 'Pilier « Cohésion sociale »'],
      ['b2', 'heading', 2, 'Égalité entre les femmes et les hommes'],
      ['b3', 'paragraph', null, 'Le contrat consacre un volet à l’égalité entre les femmes et les hommes, piloté par la déléguée aux droits des femmes.'],
      ['b4', 'paragraph', null, 'Un diagnostic sexué des quartiers est conduit en 2025 ; le centre d’information sur les droits des femmes et des familles tient deux permanences par semaine au centre social, et les animateurs sont formés aux stéréotypes.'],
      ['b5', 'listItem', 0, 'Marches exploratoires de femmes'],
      ['b6', 'listItem', 1, 'dans les quatre quartiers prioritaires'],
      ['b7', 'listItem', 2, 'avant la fin de 2025'],
      ['b8', 'heading', 3, 'Santé'],
      ['b9', 'paragraph', null, 'Un contrat local de santé (CLS) est signé avec l’ARS.'],
      ['b10', 'heading', 1, 'Signatures'],
      ['t0r0c0', 'tableCell', null, 'Signataire'],
      ['t0r0c1', 'tableCell', null, 'Qualité'],
      ['t0r1c0', 'tableCell', null, 'Le préfet de l’Essonne'],
      ['t0r1c1', 'tableCell', null, 'Représentant de l’État'],
      ['t0r2c0', 'tableCell', null, 'Le procureur de la République'],
      ['t0r2c1', 'tableCell', null, 'Ministère public'],
    ]);
    expect(document.blocks[9]!.headingPath).toEqual(['Pilier « Cohésion sociale »', 'Égalité entre les femmes et les hommes', 'Santé']);
    expect(document.blocks[15]!.headingPath).toEqual(['Signatures']);
  });

  it('gives the same ids when the same document is read twice', async () => {
    const bytes = await sampleContractDocx();
    const [a, b] = await Promise.all([readOk(bytes), readOk(bytes)]);
    expect(a.document).toEqual(b.document);
  });

  it('takes bold section titles for headings when no heading style is used, and says so', async () => {
    const { document, warnings } = await readOk(await boldTitlesDocx(), 'gras.docx');
    expect(document.blocks.filter((b) => b.type === 'heading').map((b) => [b.level, b.text])).toEqual([
      [1, '1. Pilier cohésion sociale'],
      [2, '1.1 Santé'],
      [1, '2. Emploi et développement économique'],
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('gras.docx');
    expect(warnings[0]).toContain('3 paragraphes courts en gras ont été pris pour des titres');
  });
});

describe('readDocx refuses what it cannot read, in French, naming the file', () => {
  it('an empty file', async () => {
    expect(await readError(new Uint8Array(), 'vide.docx')).toBe('Le fichier vide.docx est vide (0 octet) : il n\'y a rien à vérifier.');
  });

  it('a file over 100 Mo, before looking inside', async () => {
    const big = new Uint8Array(MAX_DOCX_BYTES + 1);
    expect(await readError(big, 'gros.docx')).toBe(
      'Le fichier gros.docx est trop volumineux (100\u00a0Mo) : Pilier lit les documents Word jusqu\'à 100\u00a0Mo.',
    );
  });

  it('a file that is not a ZIP', async () => {
    const error = await readError(new TextEncoder().encode('# Pas un document Word'), 'faux.docx');
    expect(error).toContain('Le fichier faux.docx n\'est pas un document Word (.docx) valide');
  });

  it('a truncated DOCX', async () => {
    const bytes = await sampleContractDocx();
    const error = await readError(bytes.subarray(0, Math.floor(bytes.length / 2)), 'coupé.docx');
    expect(error).toMatch(/^Le fichier coupé\.docx est endommagé \(archive ZIP incomplète/);
  });

  it('a DOCX whose compressed text is damaged', async () => {
    const bytes = (await sampleContractDocx()).slice();
    const records = centralRecords(bytes);
    const view = new DataView(bytes.buffer);
    const local = view.getUint32(records.get('word/document.xml')! + 42, true);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    for (let i = dataStart + 10; i < dataStart + 200; i++) bytes[i] = 0xff;
    const error = await readError(bytes, 'abîmé.docx');
    expect(error).toMatch(/^Le fichier abîmé\.docx est endommagé : son contenu Word est illisible/);
    expect(error).toContain('enregistrez-le de nouveau au format .docx');
  });

  it('a password-protected DOCX (OLE container with an encrypted package)', async () => {
    const error = await readError(oleFile('EncryptedPackage'), 'secret.docx');
    expect(error).toContain('Le fichier secret.docx est protégé par un mot de passe');
    expect(error).toContain('retirez le mot de passe');
  });

  it('an OLE file with nothing recognisable: says both likely causes and what to do', async () => {
    const error = await readError(oleFile(), 'protégé.docx');
    expect(error).toContain('Le fichier protégé.docx n\'est pas un document Word (.docx) valide');
    expect(error).toContain('protégé par un mot de passe');
    expect(error).toContain('ancien document .doc');
  });

  it('an old .doc renamed .docx', async () => {
    expect(await readError(oleFile('WordDocument'), 'ancien.docx')).toContain('ancien document Word (.doc, format 97-2003)');
  });

  it('a ZIP without word/document.xml, and an OpenDocument file', async () => {
    expect(await readError(storedZip({ 'notes.txt': 'bonjour' }), 'archive.docx')).toContain('partie word/document.xml absente');
    expect(await readError(storedZip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' }), 'c.docx')).toContain(
      'OpenDocument',
    );
  });

  it('a ZIP that declares more than 500 Mo once uncompressed (zip bomb), before decompressing', async () => {
    const bomb = withDeclaredSize(await sampleContractDocx(), 'word/document.xml', 0xf0000000);
    const error = await readError(bomb, 'bombe.docx');
    expect(error).toMatch(/^Le fichier bombe\.docx a été refusé : une fois décompressé, il occuperait 3,8\u00a0Go \(limite 500\u00a0Mo\)/);
  });

  it('a ZIP whose declared sizes lie is refused as damaged', async () => {
    const lie = withDeclaredSize(await sampleContractDocx(), 'word/document.xml', 100);
    expect(await readError(lie, 'menteur.docx')).toMatch(/^Le fichier menteur\.docx est endommagé : son contenu Word est illisible/);
  });

  it('a PDF named .docx', async () => {
    expect(await readError(new TextEncoder().encode('%PDF-1.4 ...'), 'x.docx')).toContain('c’est un PDF');
  });
});
