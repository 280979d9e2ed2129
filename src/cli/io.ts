/** Where the command writes, and the context it runs in: the process's, or a test's. */
export interface CliIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  /** Folder the paths on the command line are relative to. */
  cwd: string;
  /** Colour the status symbols (stdout is a terminal that wants it). */
  color?: boolean;
  /** Pilier's own folder (package.json, seeds/); found from this file's location when absent. */
  root?: string;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 2;
export const EXIT_INTERNAL = 70;
