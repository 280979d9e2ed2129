import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/* What `--help` and `--version` need: kept apart from the checker so they start fast. */

/**
 * Finds Pilier's own folder (the one holding its package.json and `seeds/`) by walking up from this
 * file: `src/cli/` when run from source, `dist/` once bundled, `node_modules/pilier/dist/` once installed.
 */
export function findRoot(from: string = dirname(fileURLToPath(import.meta.url))): string | undefined {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
        if (name === 'pilier') return dir;
      } catch {
        // Someone else's broken package.json: keep walking up.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function readVersion(root: string | undefined): string {
  if (!root) return 'inconnue';
  try {
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string' ? version : 'inconnue';
  } catch {
    return 'inconnue';
  }
}

/** Ids of the packs in `seeds/`, from their file names (`referentiel-<id>.json`). */
export async function availableReferentiels(root: string | undefined): Promise<string[]> {
  if (!root) return [];
  try {
    const names = await readdir(join(root, 'seeds'));
    return names
      .map((n) => /^referentiel-(.+)\.json$/.exec(n)?.[1])
      .filter((id): id is string => id !== undefined)
      .sort();
  } catch {
    return [];
  }
}
