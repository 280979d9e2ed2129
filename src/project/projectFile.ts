import Database from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { CheckReport } from '../check/report';
import { describeError, fail, lockedMessage, ok, ProjectRefusal, type Result } from './errors';
import { folderProblem, publish, removeQuietly, temporaryPath } from './files';
import { heldByAnotherWindow } from './inspect';
import { ReviewStore } from './review';
import {
  describeIssue,
  isDeletion,
  MAX_META_CHARS,
  MAX_SECTION_BYTES,
  NewProjectMetaSchema,
  sectionChangeProblem,
  type MetaPatch,
  type ProjectMeta,
  type Section,
  type SectionChange,
  type SnapshotData,
} from './meta';
import {
  AUTO_SNAPSHOT_INTERVAL_MS,
  lastSnapshotTime,
  listSnapshotRows,
  readSnapshotData,
  writeSnapshot,
  type SnapshotInfo,
  type SnapshotReason,
} from './snapshots';

/** Returns the current time; injected so tests (and the crash test) control it. */
export type Clock = () => Date;

interface SectionRow {
  id: string;
  position: number;
  title: string;
  content: string;
  updated_at: string;
}

const toSection = (row: SectionRow): Section => ({
  id: row.id,
  position: row.position,
  title: row.title,
  content: row.content,
  updatedAt: row.updated_at,
});

/**
 * An open `.pilier` file. Obtained from `openProject` or `createProject`, which hold SQLite's exclusive lock
 * for as long as it stays open. Every method that can fail for a reason outside the program (disk full,
 * invalid input, damaged snapshot) returns a `Result` with a French message; using it after `close()` is a bug
 * and throws.
 */
export class ProjectFile {
  readonly fileName: string;
  private closed = false;
  private copying = 0;

  constructor(
    private readonly db: Database.Database,
    readonly path: string,
    private meta: ProjectMeta,
    private readonly clock: Clock,
  ) {
    this.fileName = basename(path);
  }

  private now(): string {
    return this.clock().toISOString();
  }

  private live(): Database.Database {
    if (this.closed) throw new Error(`ProjectFile ${this.path} used after close()`);
    return this.db;
  }

  /** Runs `work` in one transaction; any failure rolls it back and becomes a French message. */
  private write<T>(work: () => T): Result<T> {
    const db = this.live();
    try {
      return ok(db.transaction(work)());
    } catch (error) {
      return fail(describeError(this.fileName, 'save', error));
    }
  }

  private storeMeta(meta: ProjectMeta): void {
    this.db.prepare('INSERT INTO meta (id, data) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data').run(JSON.stringify(meta));
  }

  getMeta(): ProjectMeta {
    this.live();
    return structuredClone(this.meta);
  }

  /** Changes some metadata fields (validated whole, limits included) and stamps `updatedAt`. */
  updateMeta(patch: MetaPatch): Result<ProjectMeta> {
    const { createdAt } = this.meta;
    const current: Partial<ProjectMeta> = { ...this.meta };
    delete current.createdAt;
    delete current.updatedAt;
    const parsed = NewProjectMetaSchema.safeParse({ ...current, ...patch });
    if (!parsed.success) {
      return fail(`Les informations du projet n’ont pas été enregistrées dans ${this.fileName} : ${describeIssue(parsed.error)}.`);
    }
    const next: ProjectMeta = { ...parsed.data, createdAt, updatedAt: this.now() };
    const saved = this.write(() => this.storeMeta(next));
    if (!saved.ok) return saved;
    this.meta = next;
    return ok(structuredClone(next));
  }

  /** The review tables (verdicts, comments, reviewer, opinion, original file): see `ReviewStore`. */
  review(): ReviewStore {
    return new ReviewStore(this.live(), this.fileName, (work) => this.write(work));
  }

  /** The sections in document order. */
  listSections(): Result<Section[]> {
    const db = this.live();
    try {
      const rows = db.prepare('SELECT id, position, title, content, updated_at FROM sections ORDER BY position, id').all() as SectionRow[];
      return ok(rows.map(toSection));
    } catch (error) {
      return fail(describeError(this.fileName, 'read', error));
    }
  }

  /**
   * The autosave entry point: applies every change in one transaction, so the file holds all of them or
   * none (a failure leaves the previous content). A new section needs `content`; its title defaults to
   * empty and its position to the end.
   */
  saveSections(changes: readonly SectionChange[]): Result<{ savedAt: string }> {
    for (const change of changes) {
      const problem = sectionChangeProblem(change);
      if (problem) return fail(`Les modifications n’ont pas été enregistrées dans ${this.fileName} : ${problem}.`);
    }
    const db = this.live();
    if (changes.length === 0) return ok({ savedAt: this.meta.updatedAt });
    const savedAt = this.now();
    const find = db.prepare('SELECT 1 FROM sections WHERE id = ?').pluck();
    const insert = db.prepare(
      'INSERT INTO sections (id, position, title, content, updated_at) VALUES (?, coalesce(?, (SELECT coalesce(max(position) + 1, 0) FROM sections)), ?, ?, ?)',
    );
    const update = db.prepare(
      'UPDATE sections SET position = coalesce(?, position), title = coalesce(?, title), content = coalesce(?, content), updated_at = ? WHERE id = ?',
    );
    const remove = db.prepare('DELETE FROM sections WHERE id = ?');
    const next: ProjectMeta = { ...this.meta, updatedAt: savedAt };
    const result = this.write(() => {
      for (const change of changes) {
        if (isDeletion(change)) {
          remove.run(change.id);
        } else if (find.get(change.id) !== undefined) {
          update.run(change.position ?? null, change.title ?? null, change.content ?? null, savedAt, change.id);
        } else if (change.content === undefined) {
          throw new ProjectRefusal(
            `Les modifications n’ont pas été enregistrées dans ${this.fileName} : la section « ${change.id} » est nouvelle mais n’a pas de contenu.`,
          );
        } else {
          insert.run(change.id, change.position ?? null, change.title ?? '', change.content, savedAt);
        }
      }
      this.storeMeta(next);
      return { savedAt };
    });
    if (result.ok) this.meta = next;
    return result;
  }

  /** Keeps the latest check report (one per file: it is a cache that `check()` can always rebuild). */
  saveReport(report: CheckReport): Result<{ createdAt: string }> {
    const json = JSON.stringify(report);
    if (json === undefined || Buffer.byteLength(json, 'utf8') > MAX_SECTION_BYTES) {
      return fail(`Le rapport de vérification n’a pas été enregistré dans ${this.fileName} : il est vide ou dépasse 20 Mo.`);
    }
    const createdAt = this.now();
    return this.write(() => {
      this.db
        .prepare('INSERT INTO reports (id, data, created_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data, created_at = excluded.created_at')
        .run(json, createdAt);
      return { createdAt };
    });
  }

  /** The last saved report, or `null` when there is none or it is unreadable (then check again). */
  latestReport(): Result<{ report: CheckReport; createdAt: string } | null> {
    const db = this.live();
    try {
      const row = db.prepare('SELECT data, created_at FROM reports WHERE id = 1').get() as { data: string; created_at: string } | undefined;
      if (!row) return ok(null);
      const report = JSON.parse(row.data) as Partial<CheckReport> | null;
      const shaped = !!report && typeof report === 'object' && !!report.referentiel && !!report.summary && Array.isArray(report.requirements);
      return ok(shaped ? { report: report as CheckReport, createdAt: row.created_at } : null);
    } catch (error) {
      if (error instanceof SyntaxError) return ok(null);
      return fail(describeError(this.fileName, 'read', error));
    }
  }

  private currentData(): SnapshotData {
    const rows = this.db.prepare('SELECT id, position, title, content FROM sections ORDER BY position, id').all() as SnapshotData['sections'];
    return { format: 1, meta: this.meta, sections: rows };
  }

  /** Saves a whole copy of the metadata and sections in the file's history. */
  snapshot(reason: SnapshotReason, label?: string): Result<SnapshotInfo> {
    if (label !== undefined && label.length > MAX_META_CHARS) {
      return fail(`La version n’a pas été enregistrée dans ${this.fileName} : son nom dépasse 10\u202f000 caractères.`);
    }
    const createdAt = this.now();
    return this.write(() => writeSnapshot(this.db, this.currentData(), reason, label ?? null, createdAt));
  }

  /** The history, newest first. */
  listSnapshots(): Result<SnapshotInfo[]> {
    const db = this.live();
    try {
      return ok(listSnapshotRows(db));
    } catch (error) {
      return fail(describeError(this.fileName, 'read', error));
    }
  }

  /**
   * Puts the project back as snapshot `id` left it. In one transaction: first an « avant-restauration »
   * snapshot of the current state (so the restore can itself be undone), then metadata and sections replaced.
   */
  restoreSnapshot(id: number): Result<{ backup: SnapshotInfo; meta: ProjectMeta }> {
    const at = this.now();
    const result = this.write(() => {
      const data = readSnapshotData(this.db, id, this.fileName);
      const backup = writeSnapshot(this.db, this.currentData(), 'avant-restauration', `Avant la restauration de la version n° ${id}`, at);
      const meta: ProjectMeta = { ...data.meta, createdAt: this.meta.createdAt, updatedAt: at };
      this.db.prepare('DELETE FROM sections').run();
      const insert = this.db.prepare('INSERT INTO sections (id, position, title, content, updated_at) VALUES (?, ?, ?, ?, ?)');
      for (const s of data.sections) insert.run(s.id, s.position, s.title, s.content, at);
      this.storeMeta(meta);
      return { backup, meta };
    });
    if (!result.ok) return result;
    this.meta = result.value.meta;
    return ok({ backup: result.value.backup, meta: structuredClone(result.value.meta) });
  }

  /**
   * Takes an « auto » snapshot when the project was edited since the last snapshot (or since its creation)
   * and that was at least 10 minutes before `now`. Returns the snapshot taken, or `null` when none was due.
   */
  maybeAutoSnapshot(now: Date): Result<SnapshotInfo | null> {
    const db = this.live();
    let since: string;
    try {
      since = lastSnapshotTime(db) ?? this.meta.createdAt;
    } catch (error) {
      return fail(describeError(this.fileName, 'read', error));
    }
    const edited = this.meta.updatedAt > since;
    if (!edited || now.getTime() - Date.parse(since) < AUTO_SNAPSHOT_INTERVAL_MS) return ok(null);
    const data = this.currentData();
    return this.write(() => writeSnapshot(db, data, 'auto', null, now.toISOString()));
  }

  /**
   * « Enregistrer sous » : writes a consistent copy with SQLite's backup API (edits made meanwhile through
   * this project are carried over), under a temporary name, then moves it into place. Refuses to replace an
   * existing file unless the user confirmed (`overwrite`), and never replaces a file open in another window.
   * The open project stays this one: the caller reopens the copy if it should become the working file.
   */
  async saveAs(targetPath: string, options: { overwrite?: boolean } = {}): Promise<Result<{ path: string }>> {
    const db = this.live();
    const target = resolve(targetPath);
    const targetName = basename(target);
    if (target === resolve(this.path)) return fail(`${targetName} est le fichier déjà ouvert : il est enregistré automatiquement.`);
    const folder = folderProblem(target);
    if (folder) return fail(`${targetName} n’a pas pu être enregistré : ${folder}. Choisissez un autre dossier ; rien n’a été écrit.`);
    if (existsSync(target)) {
      if (!options.overwrite) return fail(`Le fichier ${targetName} existe déjà : confirmez pour le remplacer ; rien n’a été écrit.`);
      if (heldByAnotherWindow(target)) return fail(lockedMessage(targetName));
    }
    const temporary = temporaryPath(target);
    this.copying++;
    try {
      await db.backup(temporary);
      // The copy inherits the WAL flag; a single self-contained file is what a user copies or sends.
      const copy = new Database(temporary, { fileMustExist: true });
      try {
        copy.pragma('journal_mode = DELETE');
      } finally {
        copy.close();
      }
      publish(temporary, target, options.overwrite === true);
      return ok({ path: target });
    } catch (error) {
      removeQuietly(temporary);
      if ((error as { code?: string }).code === 'EEXIST') return fail(`Le fichier ${targetName} existe déjà : confirmez pour le remplacer ; rien n’a été écrit.`);
      return fail(describeError(targetName, 'copy', error));
    } finally {
      this.copying--;
    }
  }

  /**
   * Checkpoints the write-ahead log into the file, returns it to a single self-contained file (rollback
   * journal mode), and releases the lock. The connection is closed even when the checkpoint fails: the log
   * stays beside the file and SQLite replays it at the next opening, so nothing is lost.
   */
  close(): Result<void> {
    const db = this.live();
    if (this.copying > 0) return fail(`Une copie de ${this.fileName} est en cours : réessayez dans un instant.`);
    this.closed = true;
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('journal_mode = DELETE');
      // A read-only look at the file after a crash may have left a `-shm`; the lock is still ours here.
      rmSync(`${this.path}-shm`, { force: true });
      return ok(undefined);
    } catch (error) {
      return fail(describeError(this.fileName, 'close', error));
    } finally {
      db.close();
    }
  }
}
