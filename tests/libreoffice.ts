import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * LibreOffice for the export tests: converts a DOCX or ODT to PDF headless, then reads the PDF with poppler
 * (`pdfinfo`, `pdftotext`, `pdftoppm`). Debian packages: `libreoffice-writer-nogui` and `poppler-utils`.
 *
 * Every conversion runs in a fresh profile (`-env:UserInstallation`), under a timeout, and the process group
 * it started is ended by its id when it is done or too slow: LibreOffice can leave a `soffice.bin` behind that
 * holds pipes open and hangs the test run (reference/feasibility.md §5).
 */

export const REQUIRE_ENV = 'PILIER_REQUIRE_LIBREOFFICE';
const CANDIDATES = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice'];

function onPath(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path ? path : undefined;
}

/** The soffice binary, or undefined when LibreOffice is not installed. */
export function findSoffice(): string | undefined {
  return CANDIDATES.find((p) => existsSync(p)) ?? onPath('soffice');
}

export interface LibreOfficeTools {
  soffice: string;
  pdftotext: string;
  pdftoppm: string;
  pdfinfo: string;
}

/** All the tools, or the list of what is missing. */
export function libreOfficeTools(): { ok: true; tools: LibreOfficeTools } | { ok: false; missing: string[] } {
  const soffice = findSoffice();
  const pdftotext = onPath('pdftotext');
  const pdftoppm = onPath('pdftoppm');
  const pdfinfo = onPath('pdfinfo');
  const missing = [
    ...(soffice ? [] : ['soffice (apt : libreoffice-writer-nogui)']),
    ...(pdftotext && pdftoppm && pdfinfo ? [] : ['pdftotext/pdftoppm/pdfinfo (apt : poppler-utils)']),
  ];
  if (missing.length > 0 || !soffice || !pdftotext || !pdftoppm || !pdfinfo) return { ok: false, missing };
  return { ok: true, tools: { soffice, pdftotext, pdftoppm, pdfinfo } };
}

/** Whether the LibreOffice tests must run (CI sets PILIER_REQUIRE_LIBREOFFICE=1) rather than be skipped. */
export const libreOfficeRequired = (): boolean => process.env[REQUIRE_ENV] === '1';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs a command in its own process group; on timeout the whole group is killed by its id. */
function run(command: string, args: string[], timeoutMs: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const killGroup = (): void => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // A soffice.bin left behind by the launcher would hold the pipes open: when the launcher exits, end its group.
    child.on('exit', killGroup);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: -1, stdout, stderr: String(error), timedOut });
    });
  });
}

export interface Converted {
  /** Folder holding the converted file (and the pages rendered into it); removed by `dispose`. */
  dir: string;
  /** The converted file (named `pdf` since that is what most tests ask for). */
  pdf: string;
  ms: number;
  dispose(): Promise<void>;
}

/**
 * Converts a .docx or .odt (bytes) with LibreOffice headless, in a fresh profile, within `timeoutMs`: to PDF by
 * default, or to another format (`{ filter: 'docx:MS Word 2007 XML', ext: 'docx' }`).
 */
export async function convertToPdf(
  tools: LibreOfficeTools,
  bytes: Uint8Array,
  fileName: string,
  timeoutMs = 120_000,
  to: { filter: string; ext: string } = { filter: 'pdf', ext: 'pdf' },
): Promise<Converted> {
  const dir = await mkdtemp(join(tmpdir(), 'pilier-lo-'));
  const profile = join(dir, 'profile');
  const out = join(dir, 'out');
  await mkdir(out);
  const input = join(dir, fileName);
  await writeFile(input, bytes);
  const started = performance.now();
  const result = await run(
    tools.soffice,
    [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nologo', '--nodefault', '--convert-to', to.filter, '--outdir', out, input],
    timeoutMs,
  );
  const ms = performance.now() - started;
  const pdf = join(out, `${basename(fileName, extname(fileName))}.${to.ext}`);
  const dispose = (): Promise<void> => rm(dir, { recursive: true, force: true });
  if (result.timedOut || !existsSync(pdf)) {
    await dispose();
    throw new Error(
      `LibreOffice n’a pas converti ${fileName} en ${to.ext.toUpperCase()}${result.timedOut ? ` en ${timeoutMs / 1000} s` : ''} (code ${result.code}) : ${result.stderr.trim().slice(0, 500)}`,
    );
  }
  return { dir, pdf, ms, dispose };
}

/** Number of pages of a PDF. */
export async function pageCount(tools: LibreOfficeTools, pdf: string): Promise<number> {
  const result = await run(tools.pdfinfo, [pdf], 30_000);
  const m = /^Pages:\s+(\d+)/m.exec(result.stdout);
  if (!m) throw new Error(`pdfinfo n’a pas lu ${pdf} : ${result.stderr.trim()}`);
  return Number(m[1]);
}

/** The size of each page of a PDF, in points, in page order. */
export async function pageSizes(tools: LibreOfficeTools, pdf: string): Promise<{ width: number; height: number }[]> {
  const count = await pageCount(tools, pdf);
  const result = await run(tools.pdfinfo, ['-f', '1', '-l', String(count), pdf], 30_000);
  return [...result.stdout.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

/** The text of each page of a PDF (pdftotext separates pages with form feeds). */
export async function pagesText(tools: LibreOfficeTools, pdf: string): Promise<string[]> {
  const text = await pdfText(tools, pdf);
  return text.split('\f').slice(0, await pageCount(tools, pdf));
}

/** The text of a PDF (or of pages `first` to `last`), in reading order with the layout kept. */
export async function pdfText(tools: LibreOfficeTools, pdf: string, pages?: { first: number; last: number }): Promise<string> {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  const result = await run(tools.pdftotext, ['-layout', ...range, pdf, '-'], 60_000);
  if (result.code !== 0) throw new Error(`pdftotext a échoué sur ${pdf} : ${result.stderr.trim()}`);
  return result.stdout;
}

/** Renders pages of a PDF to PNG files (`prefix-N.png`) at `dpi`; returns their paths in page order. */
export async function renderPages(tools: LibreOfficeTools, pdf: string, outDir: string, pages: { first: number; last: number }, dpi = 60, prefix = 'page'): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const result = await run(tools.pdftoppm, ['-r', String(dpi), '-png', '-f', String(pages.first), '-l', String(pages.last), pdf, join(outDir, prefix)], 60_000);
  if (result.code !== 0) throw new Error(`pdftoppm a échoué sur ${pdf} : ${result.stderr.trim()}`);
  const names = (await readdir(outDir)).filter((n) => n.startsWith(`${prefix}-`) && n.endsWith('.png'));
  const number = (n: string): number => Number(/-(\d+)\.png$/.exec(n)?.[1] ?? 0);
  return names.sort((a, b) => number(a) - number(b)).map((n) => join(outDir, n));
}

/** The bytes of a file (for tests that read what they rendered). */
export const readBytes = (path: string): Promise<Buffer> => readFile(path);
