import Database from 'better-sqlite3';
import { accessSync, constants, existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { damagedMessage, describeError, fail, isExpectedError, newerSchemaMessage, notPilierMessage, ok, ProjectRefusal, type Result } from './errors';
import { publish, removeQuietly, temporaryPath } from './files';
import { inspectProject, metaProblem } from './inspect';
import { describeIssue, NewProjectMetaSchema, ProjectMetaSchema, sectionChangeProblem, type NewProjectMeta, type NewSection, type ProjectMeta } from './meta';
import { latestVersion, MIGRATIONS, PILIER_APPLICATION_ID, readVersion, runMigrations, type Migration } from './migrations';
import { ProjectFile, type Clock } from './projectFile';
import { sha256Hex } from './review';

/**
 * Creating and opening `.pilier` files.
 *
 * The lock. An open project holds SQLite's own file lock, exclusively, until it is closed: the connection
 * runs in `locking_mode = EXCLUSIVE` and takes the lock with `BEGIN EXCLUSIVE` before reading anything. It is
 * an operating-system lock (POSIX advisory lock on Linux and macOS, `LockFileEx` on Windows), so it needs no
 * clean-up: when Pilier crashes or is killed, the system releases it and the file opens again at once, with
 * no stale « locked » marker to clear by hand. A second window's read-only probe then finds the file busy and
 * says so. (A `locks` row with a process id would survive a crash and need guessing whether its owner still
 * lives; it would also mean writing to a file before knowing it is ours.) In exclusive mode SQLite keeps the
 * WAL index in process memory, so no `-shm` file is used either.
 *
 * Durability. `journal_mode = WAL` with `synchronous = NORMAL`: each autosave is one append to the log, with
 * no fsync on the typing path (better-sqlite3 is synchronous, so an fsync would stall the main process once a
 * second). In this mode a crash or a power cut cannot corrupt the file (on a disk that honours fsync); a
 * killed or crashed Pilier loses nothing that was committed, since the operating system still writes the log
 * out; only a power cut or a system crash may roll back the autosaves the system had not yet flushed since
 * the last checkpoint (typically the last seconds of typing). Checkpoints (every ~4 MB of log, and at
 * `close()`) are fully synced. `synchronous = FULL` would close that gap at the cost of one fsync per autosave.
 *
 * @see https://www.sqlite.org/pragma.html#pragma_locking_mode
 * @see https://www.sqlite.org/wal.html#durability
 */

export interface OpenOptions {
  /** The project's clock for `updatedAt`, section and snapshot times. Default: the system clock. */
  clock?: Clock;
  /** The migrations to apply; only tests pass their own. */
  migrations?: readonly Migration[];
}

/** For `createProject`: the file a review starts from, stored byte for byte in the same transaction. */
export interface CreateOptions extends OpenOptions {
  original?: { name: string; bytes: Uint8Array };
}

/** How long opening waits for a lock a moment busy (another window probing the file) before refusing. */
const LOCK_WAIT_MS = 500;

const systemClock: Clock = () => new Date();

function loadMeta(db: Database.Database, fileName: string): ProjectMeta {
  const row = db.prepare('SELECT data FROM meta WHERE id = 1').get() as { data: string } | undefined;
  const problem = metaProblem(row?.data);
  if (problem || !row) throw new ProjectRefusal(damagedMessage(fileName, problem ?? 'métadonnées absentes'));
  return ProjectMetaSchema.parse(JSON.parse(row.data));
}

/** A project is opened to be written to: its folder too (for the write-ahead log beside it). */
function readOnlyMessage(path: string, fileName: string): string | undefined {
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(resolve(path)), constants.W_OK);
    return undefined;
  } catch (error) {
    if (!isExpectedError(error)) throw error;
    return `Le fichier ${fileName} est en lecture seule (lui ou son dossier) : Pilier ne pourrait pas y enregistrer votre travail. Copiez-le dans un dossier où vous pouvez écrire ; le fichier n’a pas été modifié.`;
  }
}

function migrate(db: Database.Database, migrations: readonly Migration[], fileName: string, latest: number): void {
  try {
    runMigrations(db, migrations);
  } catch (error) {
    if (!isExpectedError(error)) throw error;
    const code = (error as { code?: string }).code;
    throw new ProjectRefusal(`La mise à jour de ${fileName} vers le schéma ${latest} a échoué (${code}) : le fichier n’a pas été modifié.`);
  }
}

/**
 * Opens a project for editing. Before any write, the file is inspected read-only (see `inspectProject`): a
 * file that is not a Pilier project, damaged, from a newer Pilier, or open in another window is refused with
 * a French message and left byte for byte as it was. Then the lock is taken, pending migrations run in the
 * same transaction (all or nothing), and the connection switches to WAL.
 */
export function openProject(path: string, options: OpenOptions = {}): Result<ProjectFile> {
  const fileName = basename(path);
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = latestVersion(migrations);
  const inspected = inspectProject(path, latest);
  if (!inspected.ok) return inspected;
  const readOnly = readOnlyMessage(path, fileName);
  if (readOnly) return fail(readOnly);
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: true, timeout: LOCK_WAIT_MS });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    let meta: ProjectMeta;
    try {
      // Checked again under the lock: the file may have changed since the read-only look.
      if (db.pragma('application_id', { simple: true }) !== PILIER_APPLICATION_ID) {
        throw new ProjectRefusal(notPilierMessage(fileName, 'c’est une base SQLite, mais pas celle d’un projet Pilier'));
      }
      const version = readVersion(db);
      if (version > latest) throw new ProjectRefusal(newerSchemaMessage(fileName, version));
      migrate(db, migrations, fileName, latest);
      meta = loadMeta(db, fileName);
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    return ok(new ProjectFile(db, path, meta, options.clock ?? systemClock));
  } catch (error) {
    db?.close();
    return fail(describeError(fileName, 'open', error));
  }
}

function existsMessage(fileName: string): string {
  return `Le fichier ${fileName} existe déjà : Pilier ne l’écrase pas ; choisissez un autre nom.`;
}

/**
 * Creates a new project file and opens it. Refuses to replace an existing file. The file is written whole
 * under a temporary name in the same folder, then moved into place, so a crash leaves no half-written project.
 * A review project also keeps the received file (`options.original`), byte for byte, in the same transaction.
 */
export function createProject(
  path: string,
  meta: NewProjectMeta,
  sections: readonly NewSection[],
  options: CreateOptions = {},
): Result<ProjectFile> {
  const fileName = basename(path);
  if (existsSync(path)) return fail(existsMessage(fileName));
  const parsed = NewProjectMetaSchema.safeParse(meta);
  if (!parsed.success) return fail(`Le projet ${fileName} n’a pas été créé : ${describeIssue(parsed.error)}.`);
  const ids = new Set<string>();
  for (const section of sections) {
    const incomplete = typeof section.content !== 'string' || typeof section.title !== 'string' || typeof section.position !== 'number';
    const problem = sectionChangeProblem(section) ?? (incomplete ? `la section « ${section.id} » est incomplète (titre, position ou contenu)` : undefined);
    if (problem) return fail(`Le projet ${fileName} n’a pas été créé : ${problem}.`);
    if (ids.has(section.id)) return fail(`Le projet ${fileName} n’a pas été créé : deux sections ont l’identifiant « ${section.id} ».`);
    ids.add(section.id);
  }
  const now = (options.clock ?? systemClock)().toISOString();
  const stored: ProjectMeta = { ...parsed.data, createdAt: now, updatedAt: now };
  const temporary = temporaryPath(path);
  let db: Database.Database | undefined;
  try {
    db = new Database(temporary);
    const created = db;
    created.transaction(() => {
      runMigrations(created, options.migrations ?? MIGRATIONS);
      created.prepare('INSERT INTO meta (id, data) VALUES (1, ?)').run(JSON.stringify(stored));
      const insert = created.prepare('INSERT INTO sections (id, position, title, content, updated_at) VALUES (?, ?, ?, ?, ?)');
      for (const s of sections) insert.run(s.id, s.position, s.title, s.content, now);
      const original = options.original;
      if (original) {
        created
          .prepare('INSERT INTO originals (name, bytes, sha256, imported_at) VALUES (?, ?, ?, ?)')
          .run(original.name, Buffer.from(original.bytes.buffer, original.bytes.byteOffset, original.bytes.byteLength), sha256Hex(original.bytes), now);
      }
    })();
    db.close();
    db = undefined;
    publish(temporary, path, false);
  } catch (error) {
    db?.close();
    removeQuietly(temporary);
    if ((error as { code?: string }).code === 'EEXIST') return fail(existsMessage(fileName));
    return fail(describeError(fileName, 'create', error));
  }
  return openProject(path, options);
}
