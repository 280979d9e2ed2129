import { runCli } from './run';

// Piping into `head` closes stdout early: stop quietly instead of crashing with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

const color = process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb';

const tty = process.stderr.isTTY === true && process.env.TERM !== 'dumb';

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), color, tty, columns: process.stderr.columns }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Erreur interne : ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  },
);
