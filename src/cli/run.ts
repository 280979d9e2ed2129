import { HELP_TEXT, parseArgs } from './args';
import { EXIT_FAILED, EXIT_INTERNAL, EXIT_OK, type CliIo } from './io';
import { availableReferentiels, findRoot, readVersion } from './root';

export type { CliIo } from './io';

/**
 * The `pilier` command, as a function: tests call it in-process, `main.ts` calls it with the process's
 * streams. Returns the exit code: 0 when the checks ran, 2 for bad usage or any unreadable file (the other
 * files are still checked), 70 for a bug. Never throws and never prints a stack trace.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(`Erreur interne : ${message.split('\n')[0]}\nMerci de signaler ce problème, avec la commande lancée.\n`);
    return EXIT_INTERNAL;
  }
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const command = parseArgs(argv);
  const root = io.root ?? findRoot();
  switch (command.kind) {
    case 'usage':
      io.stderr.write(`${command.message}\n`);
      return EXIT_FAILED;
    case 'help': {
      const ids = await availableReferentiels(root);
      io.stdout.write(HELP_TEXT + (ids.length > 0 ? `\nRéférentiels disponibles : ${ids.join(', ')}\n` : ''));
      return EXIT_OK;
    }
    case 'version':
      io.stdout.write(`pilier ${readVersion(root)}\n`);
      return EXIT_OK;
    case 'check': {
      // Loaded only here, so that --help and --version start without the checker and the DOCX reader.
      const { runCheck } = await import('./checkCommand');
      return runCheck(command, root, io);
    }
    case 'export':
    case 'skeleton': {
      const { runExport, runSkeleton } = await import('./export');
      return command.kind === 'export' ? runExport(command, root, io) : runSkeleton(command, root, io);
    }
  }
}

