import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleMeta, temporaryFolder } from '../project/testProject';
import { MAX_RECENT, recentFiles, RECENT_FILE_NAME } from './recent';
import { testHost } from './testServices';

const folders: ReturnType<typeof temporaryFolder>[] = [];
afterEach(() => {
  for (const f of folders.splice(0)) f.remove();
});

function setup() {
  const folder = temporaryFolder();
  folders.push(folder);
  const warnings: string[] = [];
  const dataDir = join(folder.dir, 'data');
  const touch = (name: string) => {
    const path = folder.file(name);
    writeFileSync(path, '');
    return path;
  };
  return { folder, dataDir, warnings, touch, recent: recentFiles(dataDir, (m) => warnings.push(m)) };
}

const at = (minute: number) => `2025-03-01T09:${String(minute).padStart(2, '0')}:00.000Z`;

describe('recent files', () => {
  it('keeps the newest first, once each, at most ten, without vanished files', () => {
    const { recent, touch, warnings } = setup();
    const paths = Array.from({ length: 12 }, (_, i) => touch(`c${i}.pilier`));
    paths.forEach((path, i) => recent.add({ path, territoire: `T${i}`, openedAt: at(i) }));
    recent.add({ path: paths[3]!, territoire: 'T3', openedAt: at(30) });
    const listed = recent.list();
    expect(listed).toHaveLength(MAX_RECENT);
    expect(listed.map((r) => r.territoire).slice(0, 3)).toEqual(['T3', 'T11', 'T10']);
    expect(new Set(listed.map((r) => r.path)).size).toBe(MAX_RECENT);
    expect(warnings).toEqual([]);
  });

  it('ignores a corrupt or invalid file with a warning, and repairs it on the next add', () => {
    const { recent, dataDir, touch, warnings } = setup();
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, RECENT_FILE_NAME);
    writeFileSync(file, '{ pas du JSON');
    expect(recent.list()).toEqual([]);
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, files: [{ path: 42 }] }));
    expect(recent.list()).toEqual([]);
    writeFileSync(file, JSON.stringify({ schemaVersion: 2, files: [] }));
    expect(recent.list()).toEqual([]);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/illisible : elle est ignorée/);
    expect(warnings[1]).toMatch(/invalide : elle est ignorée/);

    const path = touch('a.pilier');
    recent.add({ path, territoire: 'A', openedAt: at(1) });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ schemaVersion: 1, files: [{ path, territoire: 'A', openedAt: at(1) }] });
  });

  it('never fails the call when the list cannot be written', async () => {
    const folder = temporaryFolder();
    folders.push(folder);
    // The data folder is a file: nothing can be written under it.
    writeFileSync(folder.file('data'), '');
    const h = testHost({ folder, dataDir: folder.file('data') });
    const path = folder.file('a.pilier');
    expect(await h.call('project:create', { path, meta: sampleMeta() })).toMatchObject({ ok: true });
    expect(h.warnings.some((w) => /n’a pas pu être enregistrée/.test(w))).toBe(true);
    expect(await h.call('recent:list')).toEqual({ ok: true, value: [] });
    h.dispose();
  });
});
