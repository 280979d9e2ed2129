/**
 * The `.pilier` project file: SQLite as an application file format (Node only; the one owner of
 * better-sqlite3, design.md §3 rule 4).
 */
export { createProject, openProject, type CreateOptions, type OpenOptions } from './open';
export { ReviewStore, sha256Hex, type ReviewWrite, type StoredOriginal } from './review';
export { ProjectFile, type Clock } from './projectFile';
export { inspectProject, type Inspection } from './inspect';
export type { Result } from './errors';
export {
  MAX_META_CHARS,
  MAX_SECTION_BYTES,
  MODES,
  type Mode,
  type MetaPatch,
  type NewProjectMeta,
  type NewSection,
  type ProjectMeta,
  type Section,
  type SectionChange,
} from './meta';
export { MIGRATIONS, PILIER_APPLICATION_ID, SCHEMA_VERSION, type Migration } from './migrations';
export { AUTO_SNAPSHOT_INTERVAL_MS, SNAPSHOT_REASONS, type SnapshotInfo, type SnapshotReason } from './snapshots';
export { Autosave, type AutosaveOptions, type Scheduler } from './autosave';
