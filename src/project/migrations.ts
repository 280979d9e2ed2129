import type { Database } from 'better-sqlite3';

/**
 * The schema of a `.pilier` file and its numbered migrations. `PRAGMA application_id` marks the file as
 * Pilier's (so `file(1)` and Pilier itself can tell it from any other SQLite file); `PRAGMA user_version`
 * is the schema version. A migration only ever moves a file forward by one version; opening a file runs the
 * pending ones in the same transaction as the lock check (see `openProject`).
 *
 * When a migration changes the shape of `meta` or of the sections, it must also rewrite the snapshots'
 * JSON (`snapshots.data`, gzip of `SnapshotData`), or restoring an old snapshot would fail validation.
 *
 * @see https://www.sqlite.org/appfileformat.html
 */

/** « PILR » in ASCII. */
export const PILIER_APPLICATION_ID = 0x50494c52;

export interface Migration {
  /** The version the file has after this migration. */
  version: number;
  description: string;
  up(db: Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'Schéma initial : métadonnées, sections, rapport, historique, originaux',
    up(db) {
      db.exec(`
        CREATE TABLE meta (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          data TEXT NOT NULL
        ) STRICT;
        CREATE TABLE sections (
          id TEXT PRIMARY KEY NOT NULL,
          position INTEGER NOT NULL CHECK (position >= 0),
          title TEXT NOT NULL,
          content TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX sections_by_position ON sections (position);
        CREATE TABLE reports (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          data TEXT NOT NULL,
          created_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE snapshots (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          created_at TEXT NOT NULL,
          label TEXT,
          reason TEXT NOT NULL CHECK (reason IN ('auto', 'manuel', 'avant-restauration')),
          size_bytes INTEGER NOT NULL,
          data BLOB NOT NULL
        ) STRICT;
        CREATE INDEX snapshots_by_time ON snapshots (created_at);
        CREATE TABLE originals (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          name TEXT NOT NULL,
          bytes BLOB NOT NULL,
          sha256 TEXT NOT NULL,
          imported_at TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    // Review mode (issue 5). Only new tables: `meta`, the sections and the snapshots keep their shape, so the
    // snapshots' JSON needs no rewriting. Reviewers and anchors are JSON, validated with zod when read.
    version: 2,
    description: 'Relecture : verdicts, commentaires, relecteur et avis général',
    up(db) {
      db.exec(`
        CREATE TABLE review_verdicts (
          requirement_id TEXT PRIMARY KEY NOT NULL,
          verdict TEXT CHECK (verdict IS NULL OR verdict IN ('conforme', 'a-completer', 'non-conforme', 'sans-objet')),
          comment TEXT NOT NULL,
          automatic_status TEXT CHECK (automatic_status IS NULL OR automatic_status IN ('covered', 'partial', 'missing')),
          reviewer TEXT NOT NULL,
          at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE review_comments (
          id TEXT PRIMARY KEY NOT NULL,
          requirement_id TEXT,
          anchor TEXT,
          text TEXT NOT NULL,
          reviewer TEXT NOT NULL,
          at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX review_comments_by_time ON review_comments (at, id);
        CREATE TABLE review_meta (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          reviewer TEXT,
          opinion TEXT NOT NULL DEFAULT ''
        ) STRICT;
      `);
    },
  },
];

/** The schema version this build of Pilier writes. */
export const SCHEMA_VERSION = latestVersion(MIGRATIONS);

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/** Tables every Pilier file has had since version 1: their absence means the file is not ours or is damaged. */
export const CORE_TABLES = ['meta', 'sections', 'snapshots'] as const;

export function readVersion(db: Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Brings the file from its version to the latest of `migrations`, all or nothing: inside the caller's
 * transaction if there is one (better-sqlite3 nests it as a savepoint), else in its own. Returns the
 * versions applied. Throws on SQLite errors, leaving the file as it was.
 */
export function runMigrations(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  ordered.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 1…n without gaps (got ${m.version} at ${i + 1})`);
  });
  const apply = db.transaction(() => {
    const from = readVersion(db);
    const applied: number[] = [];
    for (const migration of ordered) {
      if (migration.version <= from) continue;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
      applied.push(migration.version);
    }
    if (db.pragma('application_id', { simple: true }) !== PILIER_APPLICATION_ID) {
      db.pragma(`application_id = ${PILIER_APPLICATION_ID}`);
    }
    return applied;
  });
  return apply();
}
