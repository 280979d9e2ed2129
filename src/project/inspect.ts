import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { damagedMessage, describeError, isExpectedError, newerSchemaMessage, notPilierMessage, type Result } from './errors';
import { ProjectMetaSchema } from './meta';
import { CORE_TABLES, PILIER_APPLICATION_ID, SCHEMA_VERSION } from './migrations';

/**
 * Looks at a file before Pilier writes anything to it: first its bytes, then a read-only SQLite connection.
 * Every refusal here leaves the file's bytes as they were (a read-only connection to a file left in WAL mode
 * by a crash may create the `-shm` side file SQLite needs to read it; the file itself is untouched).
 */

const SQLITE_MAGIC = 'SQLite format 3\0';
const HEADER_BYTES = 100;
/** How long the read-only probe waits for a lock before calling the file « already open elsewhere ». */
const PROBE_WAIT_MS = 200;

export interface Inspection {
  /** The schema version found in the file (≤ the latest this build knows). */
  schemaVersion: number;
}

interface Header {
  pageSize: number;
  /** Pages the header says the file has, when that number can be trusted. */
  declaredPages?: number;
  applicationId: number;
}

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    const read = readSync(fd, buffer, 0, HEADER_BYTES, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** @see https://www.sqlite.org/fileformat2.html#the_database_header */
function parseHeader(bytes: Buffer): Header | undefined {
  if (bytes.length < SQLITE_MAGIC.length || bytes.toString('latin1', 0, SQLITE_MAGIC.length) !== SQLITE_MAGIC) return undefined;
  if (bytes.length < HEADER_BYTES) return { pageSize: 0, applicationId: 0 };
  const rawPageSize = bytes.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = bytes.readUInt32BE(28);
  // The page count is valid only when the change counter matches « version-valid-for ».
  const trusted = pages > 0 && bytes.readUInt32BE(24) === bytes.readUInt32BE(92);
  return { pageSize, applicationId: bytes.readUInt32BE(68), ...(trusted ? { declaredPages: pages } : {}) };
}

const formatBytes = (n: number) => n.toLocaleString('fr-FR').replace(/\s/g, '\u202f');

function checkBytes(path: string, fileName: string, size: number): string | undefined {
  if (size === 0) return notPilierMessage(fileName, 'le fichier est vide, 0 octet');
  const header = parseHeader(readHeader(path));
  if (!header) return notPilierMessage(fileName, 'son contenu n’est pas celui d’un fichier .pilier');
  if (header.pageSize === 0) return damagedMessage(fileName, `fichier tronqué : ${formatBytes(size)} octets seulement`);
  if (header.applicationId !== PILIER_APPLICATION_ID && header.applicationId !== 0) {
    return notPilierMessage(fileName, 'c’est une base SQLite d’une autre application');
  }
  // With a write-ahead log beside it, the file may legitimately lag behind its header until recovery.
  const wal = `${path}-wal`;
  const hasLog = existsSync(wal) && statSync(wal).size > 0;
  if (!hasLog && header.declaredPages !== undefined) {
    const expected = header.declaredPages * header.pageSize;
    if (size < expected) {
      return damagedMessage(fileName, `fichier tronqué : ${formatBytes(size)} octets sur ${formatBytes(expected)} attendus`);
    }
  }
  return undefined;
}

function tableNames(db: Database.Database): Set<string> {
  const rows = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[];
  return new Set(rows.map((r) => r.name));
}

/** The SQLite-level checks, on a read-only connection. */
function checkDatabase(db: Database.Database, fileName: string, latest: number): Result<Inspection> {
  const applicationId = Number(db.pragma('application_id', { simple: true }));
  if (applicationId !== PILIER_APPLICATION_ID) {
    return { ok: false, error: notPilierMessage(fileName, 'c’est une base SQLite, mais pas celle d’un projet Pilier') };
  }
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > latest) return { ok: false, error: newerSchemaMessage(fileName, version) };
  const check = db.pragma('quick_check(5)') as { quick_check: string }[];
  const problems = check.map((row) => row.quick_check).filter((line) => line !== 'ok');
  if (problems.length > 0) return { ok: false, error: damagedMessage(fileName, `contrôle d’intégrité : ${problems[0]}`) };
  if (version < 1) return { ok: false, error: damagedMessage(fileName, 'schéma absent') };
  const tables = tableNames(db);
  const missing = CORE_TABLES.filter((t) => !tables.has(t));
  if (missing.length > 0) return { ok: false, error: damagedMessage(fileName, `table ${missing.join(', ')} absente`) };
  if (version === latest) {
    // Older files are validated after their migration, inside the opening transaction.
    const row = db.prepare('SELECT data FROM meta WHERE id = 1').get() as { data: string } | undefined;
    const problem = metaProblem(row?.data);
    if (problem) return { ok: false, error: damagedMessage(fileName, problem) };
  }
  return { ok: true, value: { schemaVersion: version } };
}

/** Why the stored metadata JSON cannot be used, or `undefined` when it can. */
export function metaProblem(data: string | undefined): string | undefined {
  if (data === undefined) return 'métadonnées absentes';
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return 'métadonnées illisibles';
  }
  return ProjectMetaSchema.safeParse(json).success ? undefined : 'métadonnées invalides';
}

/**
 * Decides whether `path` is a Pilier project this build can open, without writing to it: not a SQLite file,
 * truncated, corrupt, another application's database, a newer schema, or held by another Pilier window
 * (its exclusive lock makes the read-only probe busy) each come back as a French message.
 */
export function inspectProject(path: string, latest: number = SCHEMA_VERSION): Result<Inspection> {
  const fileName = basename(path);
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { ok: false, error: `${fileName} est un dossier, pas un projet Pilier.` };
    size = stat.size;
    const problem = checkBytes(path, fileName, size);
    if (problem) return { ok: false, error: problem };
  } catch (error) {
    if (!isExpectedError(error)) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') return { ok: false, error: `Le fichier ${fileName} est introuvable (déplacé ou supprimé ?).` };
    return { ok: false, error: describeError(fileName, 'open', error) };
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: PROBE_WAIT_MS });
    return checkDatabase(db, fileName, latest);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
      return { ok: false, error: damagedMessage(fileName, 'base SQLite illisible') };
    }
    return { ok: false, error: describeError(fileName, 'open', error) };
  } finally {
    db?.close();
  }
}

/**
 * True when another Pilier window (or program) holds `path`'s SQLite lock. Used before replacing a file:
 * renaming over a file open elsewhere would let that window go on writing to a file no longer on disk.
 */
export function heldByAnotherWindow(path: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: PROBE_WAIT_MS });
    db.pragma('schema_version', { simple: true });
    return false;
  } catch (error) {
    return ((error as { code?: string }).code ?? '').startsWith('SQLITE_BUSY');
  } finally {
    db?.close();
  }
}
