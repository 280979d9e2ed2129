import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProject, openProject } from './open';
import type { ProjectFile } from './projectFile';
import { AUTO_SNAPSHOTS_KEPT, pruneAutoSnapshots } from './snapshots';
import { lexical, manualClock, MINUTE, sampleMeta, sampleSections, temporaryFolder } from './testProject';

let folder: ReturnType<typeof temporaryFolder>;
let clock: ReturnType<typeof manualClock>;
let project: ProjectFile;

beforeEach(() => {
  folder = temporaryFolder();
  clock = manualClock();
  const created = createProject(folder.file('contrat.pilier'), sampleMeta(), sampleSections(), { clock: clock.now });
  if (!created.ok) throw new Error(created.error);
  project = created.value;
});
afterEach(() => {
  try {
    project.close();
  } catch {
    // closed by the test
  }
  folder.remove();
});

function content(id: string): string | undefined {
  const sections = project.listSections();
  return sections.ok ? sections.value.find((s) => s.id === id)?.content : undefined;
}

function edit(text: string): void {
  const saved = project.saveSections([{ id: 'diagnostic', content: lexical(text) }]);
  if (!saved.ok) throw new Error(saved.error);
}

describe('snapshots', () => {
  it('are listed newest first with their time, label, reason and size', () => {
    project.snapshot('manuel', 'Version envoyée au préfet');
    clock.advance(MINUTE);
    edit('Un diagnostic bien plus long '.repeat(100));
    project.snapshot('manuel');
    const list = project.listSnapshots();
    if (!list.ok) throw new Error(list.error);
    expect(list.value.map(({ createdAt, label, reason }) => ({ createdAt, label, reason }))).toEqual([
      { createdAt: '2025-03-01T09:01:00.000Z', label: null, reason: 'manuel' },
      { createdAt: '2025-03-01T09:00:00.000Z', label: 'Version envoyée au préfet', reason: 'manuel' },
    ]);
    const [later, earlier] = list.value;
    expect(earlier!.sizeBytes).toBeGreaterThan(500);
    expect(later!.sizeBytes).toBeGreaterThan(earlier!.sizeBytes + 2500);
  });

  it('restore brings back metadata and sections, after saving the current state first', () => {
    const first = project.snapshot('manuel', 'Avant réécriture');
    if (!first.ok) throw new Error(first.error);
    clock.advance(MINUTE);
    edit('Diagnostic réécrit');
    project.saveSections([{ id: 'preambule', deleted: true }, { id: 'annexes', title: 'Annexes', content: lexical('Liste') }]);
    project.updateMeta({ territoire: 'Autre territoire' });

    clock.advance(MINUTE);
    const restored = project.restoreSnapshot(first.value.id);
    if (!restored.ok) throw new Error(restored.error);
    expect(restored.value.backup).toMatchObject({ reason: 'avant-restauration', createdAt: '2025-03-01T09:02:00.000Z' });
    expect(restored.value.meta.territoire).toBe(sampleMeta().territoire);
    expect(restored.value.meta.createdAt).toBe('2025-03-01T09:00:00.000Z');
    const sections = project.listSections();
    expect(sections.ok && sections.value.map((s) => [s.id, s.content])).toEqual(sampleSections().map((s) => [s.id, s.content]));

    // The « avant-restauration » snapshot holds the rewritten state: the restore can itself be undone.
    const undo = project.restoreSnapshot(restored.value.backup.id);
    expect(undo.ok).toBe(true);
    expect(content('diagnostic')).toBe(lexical('Diagnostic réécrit'));
    expect(content('annexes')).toBe(lexical('Liste'));
    expect(project.getMeta().territoire).toBe('Autre territoire');

    project.close();
    const reopened = openProject(folder.file('contrat.pilier'));
    if (!reopened.ok) throw new Error(reopened.error);
    project = reopened.value;
    expect(project.getMeta().territoire).toBe('Autre territoire');
    expect(project.listSnapshots().ok && project.listSnapshots()).toMatchObject({ value: { length: 3 } });
  });

  it('refuses an unknown or damaged snapshot, changing nothing', () => {
    const missing = project.restoreSnapshot(999);
    expect(missing).toEqual({ ok: false, error: 'La version n° 999 n’existe pas dans contrat.pilier ; rien n’a été modifié.' });
    const taken = project.snapshot('manuel');
    if (!taken.ok) throw new Error(taken.error);
    project.close();
    const raw = new Database(folder.file('contrat.pilier'));
    raw.prepare('UPDATE snapshots SET data = ? WHERE id = ?').run(Buffer.from('pas du gzip'), taken.value.id);
    raw.close();
    const reopened = openProject(folder.file('contrat.pilier'), { clock: clock.now });
    if (!reopened.ok) throw new Error(reopened.error);
    project = reopened.value;
    edit('Texte à garder');
    const damaged = project.restoreSnapshot(taken.value.id);
    expect(!damaged.ok && damaged.error).toMatch(/version n° \d+ de contrat.pilier est endommagée/);
    expect(content('diagnostic')).toBe(lexical('Texte à garder'));
    expect(project.listSnapshots()).toMatchObject({ ok: true, value: { length: 1 } });
  });

  it('refuses a label over 10 000 characters', () => {
    const result = project.snapshot('manuel', 'x'.repeat(10_001));
    expect(!result.ok && result.error).toContain('contrat.pilier');
    expect(project.listSnapshots()).toEqual({ ok: true, value: [] });
  });
});

describe('maybeAutoSnapshot', () => {
  it('waits for edits and ten minutes since the last snapshot (or the creation)', () => {
    clock.advance(11 * MINUTE);
    expect(project.maybeAutoSnapshot(clock.now())).toEqual({ ok: true, value: null }); // no edit yet
    edit('Première rédaction');
    const first = project.maybeAutoSnapshot(clock.now());
    expect(first).toMatchObject({ ok: true, value: { reason: 'auto', createdAt: '2025-03-01T09:11:00.000Z' } });

    clock.advance(4 * MINUTE);
    edit('Suite');
    expect(project.maybeAutoSnapshot(clock.now())).toEqual({ ok: true, value: null }); // 4 minutes only
    clock.advance(6 * MINUTE);
    expect(project.maybeAutoSnapshot(clock.now())).toMatchObject({ ok: true, value: { createdAt: '2025-03-01T09:21:00.000Z' } });
    clock.advance(30 * MINUTE);
    expect(project.maybeAutoSnapshot(clock.now())).toEqual({ ok: true, value: null }); // nothing new since
  });

  it('counts a manual snapshot as the last one', () => {
    edit('Texte');
    clock.advance(9 * MINUTE);
    project.snapshot('manuel');
    edit('Encore');
    clock.advance(2 * MINUTE);
    expect(project.maybeAutoSnapshot(clock.now())).toEqual({ ok: true, value: null });
  });

  it('prunes old automatic snapshots, keeping the recent ones, one per day, and every manual one', () => {
    const db = new Database(':memory:');
    db.exec("CREATE TABLE snapshots (id INTEGER PRIMARY KEY, created_at TEXT, reason TEXT)");
    const insert = db.prepare('INSERT INTO snapshots (created_at, reason) VALUES (?, ?)');
    // Three days of automatic snapshots every 10 minutes, 8 hours a day, and one manual snapshot on day 1.
    for (const day of ['01', '02', '03']) {
      for (let i = 0; i < 48; i++) insert.run(`2025-03-${day}T${String(9 + Math.floor(i / 6)).padStart(2, '0')}:${i % 6}0:00.000Z`, 'auto');
    }
    insert.run('2025-03-01T12:00:00.000Z', 'manuel');
    pruneAutoSnapshots(db, AUTO_SNAPSHOTS_KEPT);
    const kept = db.prepare('SELECT created_at AS at, reason FROM snapshots ORDER BY created_at').all() as { at: string; reason: string }[];
    expect(kept.filter((k) => k.reason === 'manuel')).toHaveLength(1);
    const autos = kept.filter((k) => k.reason === 'auto').map((k) => k.at);
    expect(autos).toContain('2025-03-01T16:50:00.000Z'); // last of day 1
    expect(autos).not.toContain('2025-03-01T16:40:00.000Z');
    expect(autos.filter((at) => at.startsWith('2025-03-03'))).toHaveLength(48);
    expect(autos).toHaveLength(AUTO_SNAPSHOTS_KEPT + 1);
    db.close();
  });
});
