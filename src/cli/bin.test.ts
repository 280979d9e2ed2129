import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PACK } from '../check/testPack';
import { buildTestPdf, lines } from '../import/pdfTestFile';

/*
 * The command as a user runs it: the bundle that `npm install` builds, started through bin/pilier.js in a
 * fresh process. Built here into a temporary copy of Pilier's layout (package.json, bin/, dist/, seeds/).
 */

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let tmp: string;
let install: string;

function pilier(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [join(install, 'bin', 'pilier.js'), ...args], { cwd, timeout: 20_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'pilier-bin-'));
  install = join(tmp, 'pilier');
  await mkdir(join(install, 'seeds'), { recursive: true });
  await cp(join(repo, 'bin'), join(install, 'bin'), { recursive: true });
  await writeFile(join(install, 'package.json'), JSON.stringify({ name: 'pilier', version: '1.2.3', type: 'module' }));
  await writeFile(join(install, 'seeds', 'referentiel-annexe-1-2014.json'), JSON.stringify({ ...TEST_PACK, id: 'annexe-1-2014' }));
  await writeFile(join(tmp, 'contrat.md'), '# Contrat\n\n## Santé\n\nUn contrat local de santé est signé avec l’ARS.\n');
  const pdf = [{ runs: [{ text: 'Santé', x: 72, y: 760, size: 16, bold: true }, ...lines(['Un contrat local de santé est signé avec l’ARS.'], 72, 730)] }];
  await writeFile(join(tmp, 'contrat.pdf'), buildTestPdf(pdf));
}, 30_000);

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('bin/pilier.js', () => {
  it('says in French to run npm install when the bundle is missing', async () => {
    const { code, stdout, stderr } = await pilier(tmp, '--help');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain("La commande pilier n'est pas encore construite");
    expect(stderr).toContain('npm install');
  });

  describe('with the bundle built', () => {
    beforeAll(async () => {
      const script = pathToFileURL(join(repo, 'scripts', 'build-cli.mjs')).href;
      const { buildCli } = (await import(script)) as { buildCli: (outdir: string) => Promise<void> };
      await buildCli(join(install, 'dist'));
    }, 60_000);

    it('starts fast for --help and --version', async () => {
      const help = await pilier(tmp, '--help');
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('pilier check <fichier|dossier>…');
      expect(help.ms).toBeLessThan(1500);
      const version = await pilier(tmp, '--version');
      expect(version.stdout).toBe('pilier 1.2.3\n');
    });

    it('checks a file with the default référentiel found beside the bundle', async () => {
      const { code, stdout, stderr } = await pilier(tmp, 'check', 'contrat.md', '--json');
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const json = JSON.parse(stdout);
      expect(json.referentiel.id).toBe('annexe-1-2014');
      expect(json.file).toBe('contrat.md');
    });

    it('reads a PDF with pdfjs bundled, without its optional canvas package and without a word on stderr', async () => {
      const { code, stdout, stderr } = await pilier(tmp, 'check', 'contrat.pdf', '--json');
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const json = JSON.parse(stdout);
      expect(json.file).toBe('contrat.pdf');
      expect(json.requirements.find((r: { id: string }) => r.id === 'SAN-5').status).not.toBe('missing');
    });

    it('reports a missing file in French with exit 2 and no stack trace', async () => {
      const { code, stderr } = await pilier(tmp, 'check', 'absent.docx');
      expect(code).toBe(2);
      expect(stderr).toBe('Le fichier ou dossier absent.docx est introuvable.\n');
    });
  });
});
