// Bundles the `pilier` command (src/cli/main.ts) into dist/cli.mjs, ESM for Node 20, so the command starts
// without compiling TypeScript. The checker and the DOCX reader go into chunks (dist/chunks/) loaded only by
// `pilier check`, so `--help` and `--version` start at once. Runs from `npm install` (the `prepare` script).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the command into `outdir` (dist/ unless told otherwise, e.g. by a test): `cli.mjs` and `chunks/`. */
export async function buildCli(outdir = join(root, 'dist')) {
  await build({
    entryPoints: { cli: join(root, 'src', 'cli', 'main.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    minify: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Native modules stay outside the bundle; the CLI does not load them today.
    external: ['better-sqlite3', 'electron', '*.node'],
    // mammoth and its dependencies are CommonJS and call require() for Node's built-ins.
    banner: { js: "import { createRequire as __pilierCreateRequire } from 'node:module';\nconst require = __pilierCreateRequire(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await buildCli();
  } catch (error) {
    console.error(`La construction de la commande pilier a échoué : ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
