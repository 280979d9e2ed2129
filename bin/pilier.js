#!/usr/bin/env node
// The `pilier` command: loads the bundle that `npm install` builds (scripts/build-cli.mjs, via `prepare`).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write(
    "La commande pilier n'est pas encore construite (dist/cli.mjs manque).\n" +
      'Lancez « npm install » dans le dossier de Pilier (il la construit), ou « npm run build:cli ».\n',
  );
  process.exit(2);
}
await import(bundle.href);
