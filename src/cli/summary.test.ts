import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContractDocx } from '../export/docx/index';
import { buildContractOdt } from '../export/odt/index';
import { SUMMARY_TITLE } from '../export/summary/docx';
import { exportFixtures } from '../export/testInputs';
import { buildTestPdf, lines } from '../import/pdfTestFile';
import { runCli, type CliIo } from './run';

/*
 * `pilier check <dossier> --summary` on a folder of contracts received in every format: corpus drafts as
 * Markdown, DOCX and ODT written by Pilier, a PDF, and a damaged file; the DOCX summary read back.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const fixtures = exportFixtures(read);
let work: string;

async function run(argv: string[], extra: Partial<CliIo> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: work,
    root,
    today: '2026-11-25',
    ...extra,
  });
  expect(stderr).not.toMatch(/\n\s+at /);
  return { code, stdout, stderr };
}

const PDF = buildTestPdf([
  {
    runs: [
      { text: 'Contrat de ville de la Communauté de communes du Haut-Brême', x: 72, y: 780, size: 16, bold: true },
      { text: '1. Santé', x: 72, y: 740, size: 13, bold: true },
      ...lines(['Un contrat local de santé est signé avec l’agence régionale de santé.'], 72, 715),
    ],
  },
]);

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'pilier-summary-'));
  const folder = join(work, 'recus');
  await mkdir(folder);
  await copyFile(join(root, 'seeds', 'corpus', '01-grand-brevannais-2015.md'), join(folder, 'a-brevannais.md'));
  await writeFile(join(folder, 'b-seine-et-oeuvre.docx'), await buildContractDocx(fixtures.corpus('13-seine-et-oeuvre-tableaux.md')));
  await writeFile(join(folder, 'c-sainte-aure.odt'), buildContractOdt(fixtures.corpus('11-sainte-aure-contexte-national.md')));
  await writeFile(join(folder, 'd-haut-breme.pdf'), PDF);
  await writeFile(join(folder, 'e-abime.pdf'), PDF.subarray(0, 200));
}, 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('pilier check <dossier> --summary', () => {
  it('gives one row per contract as JSON, with plain progress lines on stderr', async () => {
    const { code, stdout, stderr } = await run(['check', 'recus', '--summary', '--json']);
    expect(code).toBe(2); // one file is unreadable
    const summary = JSON.parse(stdout);
    expect(summary.date).toBe('2026-11-25');
    expect(summary.referentiel.id).toBe('annexe-1-2014');
    expect(summary.rows.map((r: { file: string; format?: string }) => `${r.file} ${r.format ?? 'illisible'}`)).toEqual([
      'recus/a-brevannais.md markdown',
      'recus/b-seine-et-oeuvre.docx docx',
      'recus/c-sainte-aure.odt odt',
      'recus/d-haut-breme.pdf pdf',
      'recus/e-abime.pdf illisible',
    ]);
    const pdf = summary.rows[3];
    expect(pdf.territoire).toBe('Communauté de communes du Haut-Brême');
    expect(pdf.missingObligatoire.length).toBeGreaterThan(5);
    expect(pdf.missingObligatoire[0]).toEqual({ id: expect.any(String), title: expect.any(String) });
    expect(pdf.covered + pdf.partial + pdf.missing).toBe(summary.rows[0].covered + summary.rows[0].partial + summary.rows[0].missing);
    expect(summary.rows[4].error).toMatch(/^Le fichier recus\/e-abime\.pdf est incomplet/);
    expect(summary.totals).toMatchObject({ contracts: 5, checked: 4, unreadable: 1 });
    expect(summary.totals.covered).toBe(summary.rows.slice(0, 4).reduce((n: number, r: { covered: number }) => n + r.covered, 0));
    expect(stderr.split('\n').filter((l) => l.startsWith('Vérification'))).toEqual([1, 2, 3, 4, 5].map((i) => `Vérification ${i}/5 : recus/${['a-brevannais.md', 'b-seine-et-oeuvre.docx', 'c-sainte-aure.odt', 'd-haut-breme.pdf', 'e-abime.pdf'][i - 1]}`));
  });

  it('prints a table and writes the DOCX « Synthèse des contrats de ville reçus »', async () => {
    const { code, stdout } = await run(['check', 'recus', '--summary', '--out', 'synthese.docx']);
    expect(code).toBe(2);
    expect(stdout.split('\n')[0]).toMatch(/^Contrat +Territoire +Couvertes +Partielles +Manquantes +Obligatoires manquantes$/);
    expect(stdout).toMatch(/recus\/d-haut-breme\.pdf +Communauté de communes du Haut-Brême +\d+ +\d+ +\d+ +\d+ : /);
    expect(stdout).toContain('5 contrats reçus, 4 vérifiés, 1 illisible ;');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('Synthèse écrite : synthese.docx (5 contrats).');
    const parts = unzipSync(await readFile(join(work, 'synthese.docx')));
    const xml = strFromU8(parts['word/document.xml']!);
    const text = xml.replace(/<w:tab\/>/g, ' ').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
    expect(text).toContain(SUMMARY_TITLE);
    expect(text).toContain('Établie le 25 novembre 2026');
    expect(xml).toContain('w:orient="landscape"');
    for (const file of ['recus/a-brevannais.md (MARKDOWN)', 'recus/b-seine-et-oeuvre.docx (DOCX)', 'recus/c-sainte-aure.odt (ODT)', 'recus/d-haut-breme.pdf (PDF)', 'recus/e-abime.pdf']) {
      expect(text).toContain(file);
    }
    expect(text).toContain('Communauté de communes du Haut-Brême');
    expect(text).toMatch(/Illisible\s:\sLe fichier recus\/e-abime\.pdf est incomplet/);
    expect(text).toMatch(/Total \(4 contrats\)/);
    const json = JSON.parse((await run(['check', 'recus', '--summary', '--json'])).stdout);
    expect(text).toContain(`${json.rows[3].missingObligatoire[0].id} ${json.rows[3].missingObligatoire[0].title}`);
  });

  it('does not overwrite the DOCX without --force', async () => {
    await writeFile(join(work, 'existant.docx'), 'ancien');
    const refused = await run(['check', 'recus', '--summary', '--out', 'existant.docx']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe('Le fichier existant.docx existe déjà : Pilier ne l’écrase pas. Choisissez un autre nom, ou ajoutez --force pour le remplacer.\n');
    await run(['check', 'recus', '--summary', '--out', 'existant.docx', '--force']);
    expect((await readFile(join(work, 'existant.docx'))).subarray(0, 2).toString()).toBe('PK');
  });

  it('draws a bar on a terminal, and clears it', async () => {
    const { stderr } = await run(['check', 'recus/d-haut-breme.pdf', 'recus/a-brevannais.md', '--summary'], { tty: true, columns: 100 });
    expect(stderr).toContain('\r\u001b[2K[');
    expect(stderr).toMatch(/\[█*░*\] 1\/2 recus\/d-haut-breme\.pdf/);
    expect(stderr).not.toContain('Vérification');
    expect(stderr.endsWith('\r\u001b[2K')).toBe(true);
  });

  it('refuses --out without --summary, or not a .docx', async () => {
    expect((await run(['check', 'recus', '--out', 'x.docx'])).stderr.split('\n')[0]).toBe('L’option --out s’emploie avec --summary : pilier check <dossier> --summary --out synthese.docx');
    expect((await run(['check', 'recus', '--summary', '--out', 'x.pdf'])).stderr.split('\n')[0]).toBe('La synthèse s’écrit en document Word : donnez à --out un nom en .docx (« x.pdf »).');
  });
});

describe('pilier check on ODT and PDF', () => {
  it('reads them like the other formats', async () => {
    for (const file of ['recus/c-sainte-aure.odt', 'recus/d-haut-breme.pdf']) {
      const { code, stdout } = await run(['check', file, '--json']);
      expect(code).toBe(0);
      expect(JSON.parse(stdout).file).toBe(file);
    }
  });
});
