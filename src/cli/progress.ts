import type { CliIo } from './io';

/**
 * Progress of a batch on stderr: a bar redrawn in place on a terminal (with the page of a long PDF), one line per
 * file otherwise (a log, a pipe). Messages go through `log` so that they do not land inside the bar.
 */
export interface Progress {
  /** The `index`-th file (from 0) starts. */
  file(index: number, display: string): void;
  /** Pages read of the current file. */
  pages(done: number, total: number): void;
  /** A message for the user, on its own line. */
  log(message: string): void;
  /** Clears the bar. */
  end(): void;
}

const BAR = 24;

export function progressOn(io: CliIo, total: number): Progress {
  const err = io.stderr;
  if (!io.tty) {
    return {
      file: (index, display) => err.write(`Vérification ${index + 1}/${total} : ${display}\n`),
      pages: () => undefined,
      log: (message) => err.write(`${message}\n`),
      end: () => undefined,
    };
  }
  let line = '';
  let current = { index: 0, display: '' };
  const width = Math.max(40, io.columns ?? 80);
  const draw = (fraction: number, detail: string): void => {
    const filled = Math.round(Math.min(1, Math.max(0, fraction)) * BAR);
    const text = `[${'█'.repeat(filled)}${'░'.repeat(BAR - filled)}] ${current.index + 1}/${total} ${current.display}${detail}`;
    line = [...text].length > width - 1 ? `${[...text].slice(0, width - 2).join('')}…` : text;
    err.write(`\r\u001b[2K${line}`);
  };
  const clear = (): void => {
    if (line) err.write('\r\u001b[2K');
  };
  return {
    file(index, display) {
      current = { index, display };
      draw(index / total, '');
    },
    pages(done, count) {
      if (count > 1) draw((current.index + done / count) / total, ` — page ${done}/${count}`);
    },
    log(message) {
      clear();
      err.write(`${message}\n`);
      if (line) err.write(line);
    },
    end() {
      clear();
      line = '';
    },
  };
}
