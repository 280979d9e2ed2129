import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { convertToPdf, libreOfficeTools, pageCount } from '../tests/libreoffice';
import { check } from '../src/check/checker';
import { importDocument } from '../src/import/index';
import { parsePack } from '../src/referential/load';
import { contractToDocx } from './docx';
import { generateContract, wordCount } from './generate';
import { median, ms, timeRunsAsync } from './stats';

/**
 * `npx tsx bench/import.ts`: a received contract imported (`importDocument`) and checked, as review mode does it.
 * Targets (issue 5): a 100-page PDF ≤ 3 s, a 300-page DOCX ≤ 1.5 s. The PDF is the generated contract cut to
 * about 100 pages, written as DOCX and laid out by LibreOffice; without LibreOffice that part is skipped.
 */

const root = fileURLToPath(new URL('../', import.meta.url));
const packFile = 'referentiel-annexe-1-2014.json';
const loaded = parsePack(readFileSync(`${root}seeds/${packFile}`, 'utf8'), packFile);
if (!loaded.ok) throw new Error(loaded.error);
const pack = loaded.pack;
const RUNS = 5;

async function importAndCheck(bytes: Uint8Array, name: string): Promise<void> {
  const imported = await importDocument(bytes, name);
  if (!imported.ok) throw new Error(imported.error);
  check(imported.document, pack);
}

// 1. The 300-page DOCX (≈150 000 words).
const doc = generateContract(root);
const docx = await contractToDocx(doc);
const docxRuns = await timeRunsAsync(RUNS, () => importAndCheck(docx, 'banc-300-pages.docx'));
console.log(
  `DOCX de 300 pages (${wordCount(doc).toLocaleString('fr-FR')} mots, ${(docx.length / 1e6).toFixed(1)} Mo) importé + vérifié : médiane ${ms(median(docxRuns))} sur ${RUNS} — cible ≤ 1 500 ms`,
);

// 2. About 100 pages of it as a PDF laid out by LibreOffice.
const tools = libreOfficeTools();
if (!tools.ok) {
  console.log(`PDF de 100 pages : ignoré, ${tools.missing.join(', ')} manquant.`);
} else {
  const third = doc.blocks.slice(0, Math.round(doc.blocks.length * 0.46));
  const part = { title: doc.title, blocks: third };
  const converted = await convertToPdf(tools.tools, await contractToDocx(part), 'banc-100-pages.docx', 300_000);
  try {
    const pdf = new Uint8Array(await readFile(converted.pdf));
    const pages = await pageCount(tools.tools, converted.pdf);
    const first = await timeRunsAsync(1, () => importAndCheck(pdf, 'banc-100-pages.pdf'));
    const runs = await timeRunsAsync(RUNS, () => importAndCheck(pdf, 'banc-100-pages.pdf'));
    const imported = await importDocument(pdf, 'banc-100-pages.pdf');
    const blocks = imported.ok ? imported.document.blocks.length : 0;
    console.log(
      `PDF de ${pages} pages (${wordCount(part).toLocaleString('fr-FR')} mots, ${(pdf.length / 1e6).toFixed(1)} Mo, ${blocks.toLocaleString('fr-FR')} blocs relus) importé + vérifié : médiane ${ms(median(runs))} sur ${RUNS} (première fois, avec le chargement de pdfjs : ${ms(first[0]!)}) — cible ≤ 3 000 ms ; mise en page LibreOffice : ${ms(converted.ms)}`,
    );
  } finally {
    await converted.dispose();
  }
}
