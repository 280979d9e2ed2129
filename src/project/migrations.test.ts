import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, PILIER_APPLICATION_ID, readVersion, runMigrations, SCHEMA_VERSION, type Migration } from './migrations';
import { createProject, openProject } from './open';
import { lexical, sampleMeta, sampleSections, sha256, temporaryFolder } from './testProject';

let folder: ReturnType<typeof temporaryFolder>;
beforeEach(() => {
  folder = temporaryFolder();
});
afterEach(() => folder.remove());

function tables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );
}

/** A closed version-1 project with one edited section. */
function versionOneFile(): string {
  const path = folder.file('contrat.pilier');
  const created = createProject(path, sampleMeta(), sampleSections(), { migrations: MIGRATIONS.slice(0, 1) });
  if (!created.ok) throw new Error(created.error);
  created.value.saveSections([{ id: 'diagnostic', content: lexical('Texte écrit en version 1') }]);
  created.value.snapshot('manuel', 'Version 1');
  created.value.close();
  return path;
}

/** A stand-in for a future migration 2, to exercise the runner on a real version-1 file. */
const addSectionStatus: Migration = {
  version: 2,
  description: 'Statut de rédaction par section',
  up(db) {
    db.exec("ALTER TABLE sections ADD COLUMN status TEXT NOT NULL DEFAULT 'brouillon'");
  },
};

describe('migration 1', () => {
  it('turns an empty (version 0) database into a version-1 Pilier file', () => {
    const db = new Database(folder.file('neuf.pilier'));
    expect(readVersion(db)).toBe(0);
    expect(runMigrations(db, MIGRATIONS.slice(0, 1))).toEqual([1]);
    expect(readVersion(db)).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(PILIER_APPLICATION_ID);
    expect(tables(db)).toEqual(['meta', 'originals', 'reports', 'sections', 'snapshots']);
    // STRICT tables refuse a value of the wrong type instead of storing it.
    expect(() => db.prepare("INSERT INTO sections VALUES ('s', 'premier', 't', '{}', 'x')").run()).toThrow(/cannot store TEXT value in INTEGER/);
    expect(runMigrations(db, MIGRATIONS.slice(0, 1))).toEqual([]);
    db.close();
  });

  it('is the current schema', () => {
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });
});

describe('the migration runner', () => {
  it('migrates a version-1 file when opened, keeping its data', () => {
    const path = versionOneFile();
    const opened = openProject(path, { migrations: [...MIGRATIONS.slice(0, 1), addSectionStatus] });
    if (!opened.ok) throw new Error(opened.error);
    const sections = opened.value.listSections();
    expect(sections.ok && sections.value.find((s) => s.id === 'diagnostic')?.content).toBe(lexical('Texte écrit en version 1'));
    expect(opened.value.getMeta().territoire).toBe(sampleMeta().territoire);
    expect(opened.value.listSnapshots().ok && opened.value.listSnapshots()).toMatchObject({ value: [{ label: 'Version 1' }] });
    opened.value.close();
    const db = new Database(path, { readonly: true });
    expect(readVersion(db)).toBe(2);
    expect(db.prepare("SELECT status FROM sections WHERE id = 'diagnostic'").pluck().get()).toBe('brouillon');
    db.close();
  });

  it('leaves the file untouched when a migration fails', () => {
    const path = versionOneFile();
    const before = sha256(path);
    const broken: Migration = {
      version: 2,
      description: 'Migration qui échoue à mi-chemin',
      up(db) {
        db.exec('ALTER TABLE sections ADD COLUMN status TEXT');
        db.exec('INSERT INTO table_absente VALUES (1)');
      },
    };
    const opened = openProject(path, { migrations: [...MIGRATIONS.slice(0, 1), broken] });
    expect(opened).toEqual({
      ok: false,
      error: 'La mise à jour de contrat.pilier vers le schéma 2 a échoué (SQLITE_ERROR) : le fichier n’a pas été modifié.',
    });
    expect(sha256(path)).toBe(before);
    const reopened = openProject(path, { migrations: MIGRATIONS.slice(0, 1) });
    expect(reopened.ok).toBe(true);
    if (reopened.ok) reopened.value.close();
  });

  it('refuses a list with gaps (a bug, so it throws)', () => {
    const db = new Database(':memory:');
    expect(() => runMigrations(db, [{ ...addSectionStatus, version: 3 }])).toThrow(/without gaps/);
    db.close();
  });
});

describe('migration 2 (review mode)', () => {
  it('adds the review tables to a version-1 file, keeping its data, snapshots and integrity', () => {
    const path = versionOneFile();
    const opened = openProject(path);
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.value.review().state()).toMatchObject({ ok: true, value: { reviewer: null, verdicts: [], comments: [], opinion: '', original: null } });
    const restored = opened.value.restoreSnapshot(1);
    expect(restored.ok).toBe(true);
    const sections = opened.value.listSections();
    expect(sections.ok && sections.value.find((s) => s.id === 'diagnostic')?.content).toBe(lexical('Texte écrit en version 1'));
    opened.value.close();
    const db = new Database(path, { readonly: true });
    expect(readVersion(db)).toBe(2);
    expect(tables(db)).toEqual(['meta', 'originals', 'reports', 'review_comments', 'review_meta', 'review_verdicts', 'sections', 'snapshots']);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('leaves a version-2 file unreadable by a version-1 Pilier (newer schema refused, file untouched)', () => {
    const path = folder.file('v2.pilier');
    const made = createProject(path, sampleMeta(), sampleSections());
    if (!made.ok) throw new Error(made.error);
    made.value.close();
    const before = sha256(path);
    const old = openProject(path, { migrations: MIGRATIONS.slice(0, 1) });
    expect(old).toEqual({ ok: false, error: expect.stringContaining('version plus récente de Pilier (schéma 2)') });
    expect(sha256(path)).toBe(before);
  });
});
