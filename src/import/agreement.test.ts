import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libreOfficeRequired, libreOfficeTools, REQUIRE_ENV } from '../../tests/libreoffice';
import { check } from '../check/checker';
import type { CheckReport } from '../check/report';
import { parseMarkdown } from '../document/markdown';
import { buildContractDocx } from '../export/docx/index';
import { sectionsFromDocument } from '../export/fromDocument';
import { buildExportInput } from '../export/fromProject';
import { parsePack } from '../referential/load';
import { importDocument, type ImportFormat } from './index';

/*
 * The proof issue 5 asks for: the corpus drafts, exported to DOCX by Pilier, then converted by LibreOffice to ODT
 * and to PDF (one soffice call per target format), imported back with `importDocument` and checked. Per format,
 * the share of requirements whose status (couverte, partielle, manquante) is the one the checker gives on the
 * original Markdown. Skipped, with a message, where LibreOffice is missing, unless PILIER_REQUIRE_LIBREOFFICE=1.
 */

const seeds = new URL('../../seeds/', import.meta.url);
const pack = (() => {
  const parsed = parsePack(readFileSync(new URL('referentiel-annexe-1-2014.json', seeds), 'utf8'), 'referentiel-annexe-1-2014.json');
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.pack;
})();
const CORPUS = new URL('corpus/', seeds);
const DRAFTS = readdirSync(CORPUS)
  .filter((n) => n.endsWith('.md'))
  .sort();
const MIN_AGREEMENT = 0.95;
const found = libreOfficeTools();

if (!found.ok && !libreOfficeRequired()) {
  console.warn(`Concordance des imports DOCX/ODT/PDF ignorée : ${found.missing.join(', ')} manquant. Pour l’exiger : ${REQUIRE_ENV}=1.`);
}

/** soffice on many files at once, in a fresh profile, its process group killed by id when done or too slow. */
function convertAll(soffice: string, files: string[], to: string, outDir: string, profile: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nologo', '--nodefault', '--convert-to', to, '--outdir', outDir, ...files], {
      detached: true,
      stdio: 'ignore',
    });
    const killGroup = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      killGroup();
      reject(new Error(`LibreOffice n’a pas converti les brouillons en ${to} en ${timeoutMs / 1000} s.`));
    }, timeoutMs);
    child.on('exit', killGroup);
    child.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

const fr = (n: number, digits = 1): string => n.toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });

describe('LibreOffice for the agreement test', () => {
  it.runIf(libreOfficeRequired())(`is installed (${REQUIRE_ENV}=1)`, () => {
    expect(found.ok ? [] : found.missing).toEqual([]);
  });
});

describe.skipIf(!found.ok)('imported DOCX, ODT and PDF agree with the original drafts', () => {
  let work: string;
  const originals = new Map<string, CheckReport>();
  const converted = new Map<ImportFormat, Map<string, Uint8Array>>();
  let soffice = 0;

  beforeAll(async () => {
    if (!found.ok) return;
    work = await mkdtemp(join(tmpdir(), 'pilier-agreement-'));
    const docxDir = join(work, 'docx');
    await mkdir(docxDir);
    const docxFiles: string[] = [];
    for (const name of DRAFTS) {
      const document = parseMarkdown(await readFile(new URL(name, CORPUS), 'utf8'));
      const report = check(document, pack);
      originals.set(name, report);
      const input = buildExportInput({
        meta: { territoire: document.title ?? name, epci: '', communes: [], qpv: [], periode: { debut: '2015', fin: '2020' } },
        sections: sectionsFromDocument(document),
        pack,
        report,
        date: '2026-11-25',
        options: { grille: true },
      });
      const file = join(docxDir, name.replace(/\.md$/, '.docx'));
      await writeFile(file, await buildContractDocx(input));
      docxFiles.push(file);
    }
    const started = performance.now();
    for (const ext of ['odt', 'pdf']) await convertAll(found.tools.soffice, docxFiles, ext, join(work, ext), join(work, 'profile'), 240_000);
    soffice = performance.now() - started;
    for (const ext of ['docx', 'odt', 'pdf'] as const) {
      const files = new Map<string, Uint8Array>();
      for (const name of DRAFTS) {
        const path = join(work, ext, name.replace(/\.md$/, `.${ext}`));
        if (existsSync(path)) files.set(name, await readFile(path));
      }
      converted.set(ext, files);
    }
  }, 300_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('converts every draft', () => {
    console.log(`LibreOffice : ${DRAFTS.length} brouillons convertis en ODT et en PDF en ${fr(soffice / 1000)} s.`);
    expect(DRAFTS.length).toBeGreaterThanOrEqual(6);
    for (const ext of ['docx', 'odt', 'pdf'] as const) expect([...converted.get(ext)!.keys()]).toEqual(DRAFTS);
  });

  for (const [format, label] of [
    ['docx', 'DOCX'],
    ['odt', 'ODT'],
    ['pdf', 'PDF'],
  ] as const) {
    it(`${label}: at least ${MIN_AGREEMENT * 100} % of requirements have the status of the original`, async () => {
      let agree = 0;
      let total = 0;
      const worst: string[] = [];
      for (const [name, bytes] of converted.get(format)!) {
        const imported = await importDocument(bytes, name.replace(/\.md$/, `.${format}`));
        if (!imported.ok) throw new Error(imported.error);
        expect(imported.format).toBe(format);
        const report = check(imported.document, pack);
        const statusOf = new Map(report.requirements.map((r) => [r.id, r.status]));
        const original = originals.get(name)!;
        const differ = original.requirements.filter((r) => statusOf.get(r.id) !== r.status);
        agree += original.requirements.length - differ.length;
        total += original.requirements.length;
        if (differ.length > 0) worst.push(`${name} : ${differ.map((r) => `${r.id} ${r.status}→${statusOf.get(r.id)}`).join(', ')}`);
      }
      console.log(`${label} : ${fr((agree / total) * 100)} % des exigences concordent (${agree.toLocaleString('fr-FR')} / ${total.toLocaleString('fr-FR')})`);
      if (worst.length > 0) console.log(`${label}, écarts :\n  ${worst.join('\n  ')}`);
      expect(agree / total).toBeGreaterThanOrEqual(MIN_AGREEMENT);
    }, 120_000);
  }

  it('PDF: the headings, list items and table cells of the DOCX are rebuilt from the layout', async () => {
    // Heading numbers (« 1.2. ») are drawn by Word and LibreOffice from the style: in a PDF they are text.
    const norm = (text: string): string => text.replace(/\s+/g, ' ').trim().replace(/^(?:\d+\.)+\s*/, '');
    const counts = { heading: [0, 0], listItem: [0, 0], tableCell: [0, 0] };
    for (const [name, docx] of converted.get('docx')!) {
      const fromDocx = await importDocument(docx, `${name}.docx`);
      const fromPdf = await importDocument(converted.get('pdf')!.get(name)!, `${name}.pdf`);
      if (!fromDocx.ok || !fromPdf.ok) throw new Error(`${name} illisible`);
      for (const type of ['heading', 'listItem', 'tableCell'] as const) {
        const found = new Set(fromPdf.document.blocks.filter((b) => b.type === type).map((b) => norm(b.text)));
        const expected = fromDocx.document.blocks.filter((b) => b.type === type && b.text.trim() !== '').map((b) => norm(b.text));
        counts[type][0]! += expected.filter((t) => found.has(t)).length;
        counts[type][1]! += expected.length;
      }
    }
    const line = (label: string, [found, total]: number[]): string => `${label} ${found!.toLocaleString('fr-FR')} / ${total!.toLocaleString('fr-FR')}`;
    console.log(`PDF, structure relue : ${line('titres', counts.heading)} ; ${line('éléments de liste', counts.listItem)} ; ${line('cellules non vides', counts.tableCell)}`);
    for (const [found, total] of Object.values(counts)) expect(found! / total!).toBeGreaterThanOrEqual(MIN_AGREEMENT);
  }, 120_000);
});
