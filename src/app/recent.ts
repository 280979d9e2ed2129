import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { RecentFile } from '../api/contract';

/**
 * The « Fichiers récents » list: a small JSON file in the app's data folder, shared by every window. It is
 * a convenience, never a reason to fail: a missing, unreadable or invalid file reads as an empty list (with
 * a warning), and a failed write loses only the newest entry.
 */

export const RECENT_FILE_NAME = 'recent.json';
export const MAX_RECENT = 10;

const RecentFileSchema = z
  .object({
    schemaVersion: z.literal(1),
    files: z
      .array(z.object({ path: z.string().min(1).max(4_096), territoire: z.string().max(10_000), openedAt: z.iso.datetime() }).strict())
      .max(100),
  })
  .strict();

export interface RecentFiles {
  /** Newest first, without files that no longer exist. */
  list(): RecentFile[];
  /** Puts `path` at the top (once), keeping the newest `MAX_RECENT`. */
  add(entry: RecentFile): void;
}

export function recentFiles(dataDir: string, warn: (message: string) => void): RecentFiles {
  const file = join(dataDir, RECENT_FILE_NAME);

  function load(): RecentFile[] {
    if (!existsSync(file)) return [];
    try {
      const parsed = RecentFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (parsed.success) return parsed.data.files;
      warn(`La liste des fichiers récents (${file}) est invalide : elle est ignorée.`);
    } catch {
      warn(`La liste des fichiers récents (${file}) est illisible : elle est ignorée.`);
    }
    return [];
  }

  function store(files: RecentFile[]): void {
    const temporary = `${file}.tmp-${process.pid}`;
    try {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(temporary, `${JSON.stringify({ schemaVersion: 1, files }, null, 2)}\n`, 'utf8');
      renameSync(temporary, file);
    } catch (error) {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // Nothing was written (the folder itself is missing or not a folder).
      }
      const code = (error as { code?: string }).code ?? 'erreur inconnue';
      warn(`La liste des fichiers récents n’a pas pu être enregistrée (${code}).`);
    }
  }

  return {
    list: () => load().filter((entry) => existsSync(entry.path)),
    add(entry) {
      const path = resolve(entry.path);
      const others = load().filter((existing) => resolve(existing.path) !== path);
      store([{ ...entry, path }, ...others].slice(0, MAX_RECENT));
    },
  };
}
