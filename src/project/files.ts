import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Putting a finished file in place. A project is written whole under a temporary name beside its target,
 * then moved there in one step, so a crash leaves either no file or a complete one, never half of one.
 */

/** A unique name in the target's folder (same file system, so the final move is a rename). */
export function temporaryPath(target: string): string {
  return `${target}.tmp-${randomBytes(6).toString('hex')}`;
}

/**
 * Deletes a file and its SQLite side files, ignoring those that do not exist or cannot be reached (it runs on
 * failure paths, where the folder itself may be gone or be a file).
 */
export function removeQuietly(path: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) {
    try {
      rmSync(`${path}${suffix}`, { force: true });
    } catch {
      // Nothing was written there, or it cannot be removed: the caller already reports the failure.
    }
  }
}

/** Why files cannot be written in `path`'s folder (it does not exist, or is not a folder), or undefined. */
export function folderProblem(path: string): string | undefined {
  const folder = dirname(path);
  try {
    if (!statSync(folder).isDirectory()) return `« ${folder} » est un fichier, pas un dossier`;
    return undefined;
  } catch {
    return `le dossier « ${folder} » n’existe pas (ou plus)`;
  }
}

/** Makes a rename durable on power loss (POSIX); folders cannot be opened this way on Windows. */
function syncFolder(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dirname(path), 'r');
    fsyncSync(fd);
  } catch {
    // Not supported here (Windows, some network shares): the rename itself is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Link errors that mean « this file system has no hard links », not « the target exists ». */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Moves `temporary` to `target`. Without `overwrite`, refuses atomically when `target` exists, even if it
 * appeared a moment ago: a hard link cannot replace a file (falls back to a checked rename on file systems
 * without hard links, such as FAT USB sticks). Throws the file-system error (`EEXIST` when the target exists).
 */
export function publish(temporary: string, target: string, overwrite: boolean): void {
  if (overwrite) {
    renameSync(temporary, target);
  } else {
    try {
      linkSync(temporary, target);
      unlinkSync(temporary);
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (!NO_HARD_LINKS.has(code)) throw error;
      if (existsSync(target)) throw Object.assign(new Error(`${target} exists`), { code: 'EEXIST' });
      renameSync(temporary, target);
    }
  }
  syncFolder(target);
}
