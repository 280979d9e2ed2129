import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Builds the main process and the preload as `npm start` does, and checks what each bundle may load. */

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = mkdtempSync(join(tmpdir(), 'pilier-electron-build-'));
const startScript = join(root, 'scripts', 'start.mjs');

const requires = (code: string) => [...new Set([...code.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]))].sort();

beforeAll(async () => {
  const { buildDesktop } = (await import(/* @vite-ignore */ startScript)) as { buildDesktop(outdir: string): Promise<void> };
  await buildDesktop(outdir);
}, 60_000);
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('desktop bundles', () => {
  it('the sandboxed preload requires nothing but electron', () => {
    const preload = readFileSync(join(outdir, 'preload.cjs'), 'utf8');
    expect(requires(preload)).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld');
    expect(preload).not.toMatch(/ipcRenderer\.send\(|ipcRenderer\.sendSync\(/);
  });

  it('the main process loads only electron, better-sqlite3 and Node built-ins', () => {
    const main = readFileSync(join(outdir, 'main.cjs'), 'utf8');
    const allowed = new Set(['electron', 'better-sqlite3', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    expect(requires(main).filter((name) => !allowed.has(name!))).toEqual([]);
    expect(requires(main)).toContain('better-sqlite3');
  });

  it('registers exactly the contract’s channels through ipcMain, with the sender check', () => {
    const main = readFileSync(join(outdir, 'main.cjs'), 'utf8');
    expect(main).toContain('Demande refusée : elle ne vient pas de la fenêtre de Pilier.');
    expect(main).toMatch(/ipcMain\.handle\(/);
    expect(main).not.toMatch(/ipcMain\.on\(/);
  });
});
