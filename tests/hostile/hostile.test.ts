import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testHost } from '../../src/app/testServices';
import { importDocument } from '../../src/import/index';
import { parsePack } from '../../src/referential/load';
import { makeHostileCorpus, SAMPLE_MARKDOWN, type HostileInput } from './make';
import { developerLines, looksFrench, REPO, runPilier, withTimeout, type CliRun } from './run';

/**
 * Every hostile input through the `pilier` command (a child process: exit code, time, peak memory) and through
 * the service that takes it in the app (the import service, the référentiel loader, or `project:open`): a clear
 * French error or a correct result, within 10 s and 1 Go, never a crash. Prints the table.
 */

const LIMIT_MS = 10_000;
const LIMIT_RSS_KB = 1024 * 1024;
const SECRET = readFileSync('/etc/passwd', 'utf8').split('\n')[0]!.split(':')[0]!; // « root »

// The « external entity over http » inputs point at this server: it must never be asked anything.
const xxeRequests: string[] = [];
const xxeServer = createServer((request, response) => {
  xxeRequests.push(request.url ?? '');
  response.end('<!ENTITY leak "fuite">');
});
await new Promise<void>((resolve) => xxeServer.listen(0, '127.0.0.1', resolve));
const address = xxeServer.address();
const xxeUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 9}/xxe`;

const dir = mkdtempSync(join(tmpdir(), 'pilier-hostile-'));
const inputs = makeHostileCorpus(dir, join(REPO, 'seeds'), { xxeUrl, big: true });
const exportDir = join(dir, 'exports');
mkdirSync(exportDir);

interface Row {
  input: HostileInput;
  size: number;
  cli: CliRun;
  imported: string;
  importOk: boolean;
  importMs: number;
}
const rows: Row[] = [];

const host = testHost();
beforeAll(() => {
  if (!existsSync(join(REPO, 'dist', 'cli.mjs'))) throw new Error('dist/cli.mjs manque : lancez « npm run build:cli ».');
});
afterAll(() => {
  host.dispose();
  xxeServer.close();
  rmSync(dir, { recursive: true, force: true });
  printTable(rows);
});

function cliArgs(input: HostileInput): string[] {
  if (input.entry === 'referentiel') return ['check', SAMPLE_MARKDOWN, '--referentiel', input.name];
  if (input.entry === 'project') return ['export', input.name, '--out', join(exportDir, `${input.name}.docx`)];
  return ['check', input.name];
}

type Outcome = { ok: true; summary: string; text: string } | { ok: false; error: string };

async function throughService(input: HostileInput, path: string): Promise<Outcome | 'délai dépassé'> {
  if (input.entry === 'referentiel') {
    const pack = parsePack(readFileSync(path, 'utf8'), input.name);
    return pack.ok ? { ok: true, summary: `référentiel valide : ${pack.pack.requirements.length} exigences`, text: '' } : pack;
  }
  if (input.entry === 'project') {
    const opened = await host.call('project:open', { path });
    if (!opened.ok) return opened;
    await host.call('project:close');
    return { ok: true, summary: `ouvert : ${opened.value.sections.length} sections`, text: opened.value.meta.territoire };
  }
  const bytes = new Uint8Array(readFileSync(path));
  const read = await withTimeout(importDocument(bytes, input.name), LIMIT_MS);
  if (read === 'délai dépassé' || !read.ok) return read;
  const text = read.document.blocks.map((b) => b.text).join('\n');
  return { ok: true, summary: `lu (${read.format}) : ${read.document.blocks.length} blocs, ${text.length} caractères`, text };
}

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe(`hostile inputs (${inputs.length})`, () => {
  it('the corpus holds at least 30 inputs, of every kind the issue lists', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(30);
    for (const part of ['tronque', 'bombe-zip', 'xxe', 'milliard-de-rires', 'imbrique', '200-mo', 'chiffre.pdf', 'binaire.md', 'utf8-invalide', 'vide', 'ref-', 'meta-1-mo']) {
      expect(inputs.some((i) => i.name.includes(part)), part).toBe(true);
    }
  });

  it.each(inputs.map((input) => [input.name, input] as const))('%s', async (_name, input) => {
    const path = join(dir, input.name);
    const before = sha(path);
    const timedService = async () => {
      const started = performance.now();
      const result = await throughService(input, path);
      return { outcome: result, importMs: performance.now() - started };
    };
    // The child process and the in-process service at the same time (the run stays under a minute), except for a
    // project file, which one of them would find locked by the other.
    const [cli, { outcome, importMs }] =
      input.entry === 'project'
        ? [await runPilier(cliArgs(input), dir, LIMIT_MS), await timedService()]
        : await Promise.all([runPilier(cliArgs(input), dir, LIMIT_MS), timedService()]);
    rows.push({
      input,
      size: readFileSync(path).length,
      cli,
      importMs,
      importOk: outcome !== 'délai dépassé' && outcome.ok,
      imported: outcome === 'délai dépassé' ? outcome : outcome.ok ? outcome.summary : `erreur : ${outcome.error}`,
    });

    // The command: ended by itself, in time, within memory, with exit 0 (checked) or 2 (refused), in French.
    expect(cli.timedOut, 'délai de 10 s dépassé').toBe(false);
    expect(cli.signal, 'terminé par un signal').toBeNull();
    expect([0, 2], `code de sortie ${cli.code} ; ${cli.stderr}`).toContain(cli.code);
    expect(cli.ms).toBeLessThanOrEqual(LIMIT_MS);
    if (cli.maxRssKb !== null) expect(cli.maxRssKb).toBeLessThanOrEqual(LIMIT_RSS_KB);
    expect(developerLines(cli.stderr), cli.stderr).toEqual([]);
    if (cli.code === 2) expect(looksFrench(cli.stderr), cli.stderr).toBe(true);

    // The service: a French refusal, or a result that leaked nothing and stayed small.
    expect(outcome, 'délai de 10 s dépassé').not.toBe('délai dépassé');
    expect(importMs).toBeLessThanOrEqual(LIMIT_MS);
    if (outcome === 'délai dépassé') return;
    if (!outcome.ok) {
      expect(developerLines(outcome.error), outcome.error).toEqual([]);
      expect(looksFrench(outcome.error), outcome.error).toBe(true);
      expect(outcome.error).toContain(input.name);
    } else {
      expect(outcome.text).not.toContain(`${SECRET}:x:0`);
      expect(outcome.text).not.toContain('fuite');
      expect(outcome.text.length).toBeLessThan(1024 * 1024 + 10_000);
    }
    // Nothing that came in was changed (a project file least of all).
    expect(sha(path)).toBe(before);
  });

  it('no input made a request: external entities are never fetched', () => {
    expect(xxeRequests).toEqual([]);
  });
});

function printTable(done: Row[]): void {
  const kb = (n: number | null) => (n === null ? '—' : `${Math.round(n / 1024)} Mo`);
  const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} Mo` : n >= 1024 ? `${Math.round(n / 1024)} Ko` : `${n} o`);
  const header = ['entrée', 'taille', 'CLI', 'temps CLI', 'RSS max', 'service (60 premiers caractères)', 'temps service'];
  const lines = done.map((r) => [
    r.input.name,
    size(r.size),
    r.cli.signal ?? String(r.cli.code),
    `${Math.round(r.cli.ms)} ms`,
    kb(r.cli.maxRssKb),
    r.imported.replace(/\s+/g, ' ').slice(0, 60),
    `${Math.round(r.importMs)} ms`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' · ');
  const refused = done.filter((r) => !r.importOk).length;
  console.log(
    [
      format(header),
      ...lines.map(format),
      `${done.length} entrées : ${refused} refusées avec un message, ${done.length - refused} lues correctement ; ` +
        `CLI : ${done.filter((r) => r.cli.code === 2).length} refus (code 2), ${done.filter((r) => r.cli.code === 0).length} vérifiées (code 0), ` +
        `${done.filter((r) => r.cli.code !== 0 && r.cli.code !== 2).length} échecs ; RSS max ${kb(Math.max(...done.map((r) => r.cli.maxRssKb ?? 0)))}, ` +
        `temps max ${Math.round(Math.max(...done.map((r) => r.cli.ms)))} ms.`,
    ].join('\n'),
  );
}
