import type { Database } from 'better-sqlite3';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ProjectRefusal } from './errors';
import { SnapshotDataSchema, type SnapshotData } from './meta';

/**
 * The history of a project: whole copies of its metadata and sections, kept inside the file. The JSON is
 * stored gzipped (Lexical JSON shrinks about tenfold), so a day of 10-minute snapshots of a 300-page contract
 * stays in the tens of megabytes rather than the gigabyte.
 */

export const SNAPSHOT_REASONS = ['auto', 'manuel', 'avant-restauration'] as const;
export type SnapshotReason = (typeof SNAPSHOT_REASONS)[number];

/** An automatic snapshot is due after this much editing since the last snapshot. */
export const AUTO_SNAPSHOT_INTERVAL_MS = 10 * 60 * 1000;
/** Automatic snapshots kept besides the last one of each day; manual ones are never pruned. */
export const AUTO_SNAPSHOTS_KEPT = 50;

export interface SnapshotInfo {
  id: number;
  /** ISO 8601, UTC. */
  createdAt: string;
  label: string | null;
  reason: SnapshotReason;
  /** Size of the snapshot's JSON (what it holds), before compression. */
  sizeBytes: number;
}

interface SnapshotRow {
  id: number;
  created_at: string;
  label: string | null;
  reason: SnapshotReason;
  size_bytes: number;
}

const toInfo = (row: SnapshotRow): SnapshotInfo => ({
  id: row.id,
  createdAt: row.created_at,
  label: row.label,
  reason: row.reason,
  sizeBytes: row.size_bytes,
});

export function writeSnapshot(
  db: Database,
  data: SnapshotData,
  reason: SnapshotReason,
  label: string | null,
  createdAt: string,
): SnapshotInfo {
  const json = Buffer.from(JSON.stringify(data), 'utf8');
  // Level 3: most of the ratio of level 9 for a fraction of the time, on the main process.
  const packed = gzipSync(json, { level: 3 });
  const row = db
    .prepare(
      'INSERT INTO snapshots (created_at, label, reason, size_bytes, data) VALUES (?, ?, ?, ?, ?) RETURNING id, created_at, label, reason, size_bytes',
    )
    .get(createdAt, label, reason, json.length, packed) as SnapshotRow;
  if (reason === 'auto') pruneAutoSnapshots(db, AUTO_SNAPSHOTS_KEPT);
  return toInfo(row);
}

/** Newest first. */
export function listSnapshotRows(db: Database): SnapshotInfo[] {
  const rows = db
    .prepare('SELECT id, created_at, label, reason, size_bytes FROM snapshots ORDER BY created_at DESC, id DESC')
    .all() as SnapshotRow[];
  return rows.map(toInfo);
}

export function lastSnapshotTime(db: Database): string | undefined {
  const row = db.prepare('SELECT max(created_at) AS last FROM snapshots').get() as { last: string | null };
  return row.last ?? undefined;
}

/**
 * Reads and validates a snapshot's data. Throws `ProjectRefusal` (a French message) when the snapshot is
 * missing or damaged, so the restoring transaction rolls back.
 */
export function readSnapshotData(db: Database, id: number, fileName: string): SnapshotData {
  const row = db.prepare('SELECT data FROM snapshots WHERE id = ?').get(id) as { data: Buffer } | undefined;
  if (!row) throw new ProjectRefusal(`La version n° ${id} n’existe pas dans ${fileName} ; rien n’a été modifié.`);
  let json: unknown;
  try {
    json = JSON.parse(gunzipSync(row.data).toString('utf8'));
  } catch {
    throw new ProjectRefusal(`La version n° ${id} de ${fileName} est endommagée (données illisibles) ; rien n’a été modifié.`);
  }
  const parsed = SnapshotDataSchema.safeParse(json);
  if (!parsed.success) {
    throw new ProjectRefusal(`La version n° ${id} de ${fileName} est endommagée (données invalides) ; rien n’a été modifié.`);
  }
  return parsed.data;
}

/**
 * Keeps the `kept` newest automatic snapshots and, older than those, the last one of each day (UTC), so a
 * long project keeps a daily trail without growing without bound.
 */
export function pruneAutoSnapshots(db: Database, kept: number): number {
  const result = db
    .prepare(
      `DELETE FROM snapshots WHERE reason = 'auto'
         AND id NOT IN (SELECT id FROM snapshots WHERE reason = 'auto' ORDER BY created_at DESC, id DESC LIMIT ?)
         AND id NOT IN (SELECT max(id) FROM snapshots WHERE reason = 'auto' GROUP BY substr(created_at, 1, 10))`,
    )
    .run(kept);
  return result.changes;
}
