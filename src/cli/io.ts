/** Where the command writes, and the context it runs in: the process's, or a test's. */
export interface CliIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  /** Folder the paths on the command line are relative to. */
  cwd: string;
  /** Colour the status symbols (stdout is a terminal that wants it). */
  color?: boolean;
  /** stderr is a terminal: progress is a bar redrawn in place rather than lines. */
  tty?: boolean;
  /** Width of that terminal. */
  columns?: number;
  /** Today's date, ISO (YYYY-MM-DD), for what the command writes; the clock's when absent. */
  today?: string;
  /** Pilier's own folder (package.json, seeds/); found from this file's location when absent. */
  root?: string;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 2;
export const EXIT_INTERNAL = 70;
