import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Runs the `pilier` command as a child process with a wall-clock bound, and measures its time and peak memory:
 * under GNU time (`/usr/bin/time`) when present, else by polling the child's VmHWM in /proc.
 */

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(REPO, 'bin', 'pilier.js');
const GNU_TIME = '/usr/bin/time';

export interface CliRun {
  /** The exit code, or null when a signal ended it. */
  code: number | null;
  signal: string | null;
  timedOut: boolean;
  ms: number;
  /** Peak resident memory in kilobytes, when it could be measured. */
  maxRssKb: number | null;
  stderr: string;
}

export function runPilier(args: string[], cwd: string, timeoutMs: number): Promise<CliRun> {
  const withTime = existsSync(GNU_TIME);
  const reportDir = mkdtempSync(join(tmpdir(), 'pilier-time-'));
  const report = join(reportDir, 'time.txt');
  const command = withTime ? GNU_TIME : process.execPath;
  const argv = withTime ? ['-f', 'rss=%M', '-o', report, process.execPath, BIN, ...args] : [BIN, ...args];
  const started = performance.now();
  // Its own process group: a timeout ends GNU time and the command it runs, and nothing else.
  const child = spawn(command, argv, { cwd, detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < 100_000) stderr += chunk;
  });
  let polledKb: number | null = null;
  const poll = withTime
    ? undefined
    : setInterval(() => {
        try {
          const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (hwm) polledKb = Math.max(polledKb ?? 0, Number(hwm[1]));
        } catch {
          // the process has ended, or there is no /proc here
        }
      }, 20);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      const ms = performance.now() - started;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      let code = exitCode;
      let killedBy: string | null = signal;
      let maxRssKb = polledKb;
      if (withTime && existsSync(report)) {
        const text = readFileSync(report, 'utf8');
        const rss = /rss=(\d+)/.exec(text);
        if (rss) maxRssKb = Number(rss[1]);
        const terminated = /terminated by signal (\d+)/.exec(text);
        if (terminated) {
          code = null;
          killedBy = `signal ${terminated[1]}`;
        }
      }
      rmSync(reportDir, { recursive: true, force: true });
      resolve({ code, signal: killedBy, timedOut, ms, maxRssKb, stderr });
    });
  });
}

/** Lines of a message that only a developer should see: stack frames, « Error: » prefixes, Node internals. */
export function developerLines(text: string): string[] {
  return text.split('\n').filter((line) => /^\s+at\s|\b[A-Z][A-Za-z]*Error\b|\bError:|node:internal|ERR_[A-Z_]+/.test(line));
}

/** A sentence a French reader understands: French words, not an empty or English-only message. */
export function looksFrench(text: string): boolean {
  return /\b(le|la|les|du|des|est|pas|fichier|ce|une?)\b/i.test(text) && /[a-zàâçéèêëîïôûùüÿœ]/.test(text);
}

export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | 'délai dépassé'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'délai dépassé'>((resolve) => {
    timer = setTimeout(() => resolve('délai dépassé'), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
