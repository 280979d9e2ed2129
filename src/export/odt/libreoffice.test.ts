import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../check';
import { readOdt } from '../../import/odt';
import { sectionsFromMarkdown } from '../../template/fromMarkdown';
import { buildSkeleton } from '../../template/skeleton';
import { loadTemplateAndPack, META } from '../../template/testFiles';
import type { ExportInput } from '../input';
import { buildContractOdt } from './index';
import { exportInput } from './testInput';

/**
 * LibreOffice opens what we write: the skeleton and the demo are converted to PDF headless (pages counted, key
 * headings, the contents' page numbers, header and footer read back with pdftotext; pages rendered to PNG in
 * test-output/odt/ for a person to look at), and re-saved as ODT to show the section names survive. Skipped,
 * with a message, where soffice is not installed, unless PILIER_REQUIRE_LIBREOFFICE=1.
 */

const which = (name: string): string | undefined =>
  (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, name)).find((path) => existsSync(path));
const soffice = which('soffice');
const poppler = which('pdftotext') && which('pdftoppm') && which('pdfinfo');
const required = process.env.PILIER_REQUIRE_LIBREOFFICE === '1';
const available = Boolean(soffice && poppler);
if (!available && !required) {
  console.warn('⚠ Tests LibreOffice ignorés : soffice ou poppler-utils absent (apt install libreoffice-writer-nogui poppler-utils ; PILIER_REQUIRE_LIBREOFFICE=1 pour les exiger).');
}

const read = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const repo = new URL('../../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'pilier-odt-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a command in a process group of its own; past the timeout, that group is killed by its id. */
function run(command: string, args: string[], timeoutMs: number): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`${command} n’a pas fini en ${timeoutMs} ms : arrêté (pid ${child.pid}). ${out}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

/** LibreOffice headless, with a fresh profile each run, converting one file into `outDir`. */
async function convert(file: string, to: 'pdf' | 'odt', outDir: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(join(work, 'profile-'));
  try {
    const { code, out } = await run(soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, file], 90_000);
    const result = join(outDir, file.split('/').pop()!.replace(/\.odt$/, `.${to}`));
    if (code !== 0 || !existsSync(result)) throw new Error(`conversion de ${file} en ${to} échouée (code ${code}) : ${out}`);
    return result;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

async function pdfText(pdf: string, first?: number): Promise<string> {
  const pages = first ? ['-f', String(first), '-l', String(first)] : [];
  return (await run('pdftotext', [...pages, '-layout', pdf, '-'], 30_000)).out;
}

async function pageCount(pdf: string): Promise<number> {
  return Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [pdf], 30_000)).out)?.[1] ?? 0);
}

const { template, pack } = loadTemplateAndPack(read);
const cases: [string, () => ExportInput][] = [
  ['squelette', () => exportInput(buildSkeleton(template, pack, META), pack, META, template)],
  ['demo', () => exportInput(sectionsFromMarkdown(read('seeds/demo/contrat-demo.md')), pack, META, template)],
];

describe.runIf(available || required)('LibreOffice opens the ODT', () => {
  it('is installed (PILIER_REQUIRE_LIBREOFFICE=1)', () => {
    expect(soffice, 'soffice introuvable dans le PATH').toBeDefined();
    expect(poppler, 'pdftotext, pdftoppm ou pdfinfo introuvable').toBeTruthy();
  });

  it.each(cases)('converts the %s to PDF: pages, headings, contents with page numbers, header and footer', async (name, make) => {
    const input = make();
    const file = join(work, `${name}.odt`);
    writeFileSync(file, buildContractOdt(input));
    const pdf = await convert(file, 'pdf', join(work, name));
    const pages = await pageCount(pdf);
    expect(pages).toBeGreaterThan(5);
    const text = await pdfText(pdf);
    for (const s of input.sections) expect(text, s.title).toContain(s.title.length > 60 ? s.title.slice(0, 40) : s.title);
    for (const heading of ['Contrat de ville', 'Sommaire', 'Annexe — Grille de complétude', 'Synthèse par pilier et axe', 'Représentée par']) expect(text).toContain(heading);
    // The contents' page numbers come from the heading bookmarks: they match the page each heading is on.
    const preambule = Number(/1\. Préambule\.{5,}\s*(\d+)/.exec(text)?.[1]);
    expect(await pdfText(pdf, preambule)).toMatch(/^\s*1\. Préambule\s*$/m);
    const cover = await pdfText(pdf, 1);
    expect(cover).not.toMatch(/Page 1 sur/);
    expect(cover).not.toContain('Contrat de ville 2015-2020 — Val-de-Brume');
    const second = await pdfText(pdf, 2);
    expect(second).toContain('Contrat de ville 2015-2020 — Val-de-Brume');
    expect(second).toContain(`Page 2 sur ${pages}`);
    // Pages for a person to look at.
    const png = join(repo, 'test-output', 'odt', name);
    rmSync(png, { recursive: true, force: true });
    mkdirSync(png, { recursive: true });
    await run('pdftoppm', ['-r', '60', '-png', pdf, join(png, 'page')], 60_000);
    expect(readdirSync(png).filter((f) => f.endsWith('.png'))).toHaveLength(pages);
  }, 180_000);

  it('keeps the section names (requirement ids) and the verdicts when LibreOffice saves the file again', async () => {
    const input = cases[1]![1]();
    const file = join(work, 'resave.odt');
    writeFileSync(file, buildContractOdt(input));
    const saved = await convert(file, 'odt', join(work, 'resaved'));
    const before = await readOdt(buildContractOdt(input), 'resave.odt');
    const after = await readOdt(new Uint8Array(readFileSync(saved)), 'resave.odt');
    if (!before.ok || !after.ok) throw new Error('lecture impossible');
    expect(after.sections.map((s) => [s.name, s.requirements])).toEqual(before.sections.map((s) => [s.name, s.requirements]));
    const verdicts = (doc: typeof after.document) => check(doc, pack).requirements.map((r) => [r.id, r.status]);
    expect(verdicts(after.document)).toEqual(verdicts(before.document));
  }, 180_000);
});
