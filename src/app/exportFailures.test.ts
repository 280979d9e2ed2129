import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportFormat } from '../api/contract';
import { lexical, sampleMeta } from '../project/testProject';
import { testHost, type TestHost } from './testServices';

/**
 * Export and « Enregistrer sous » when the disk says no: a read-only folder, a full disk, a folder that vanished,
 * a parent that is a file. Each time: a French message naming the place, the file already at the destination
 * unchanged, no temporary file left behind, and the project still open and saving. Root may write anywhere
 * (CI runs as root), so a read-only folder is /sys (refused even to root), and EROFS / ENOSPC are injected
 * into the file-system calls the services make (SQLite's own writes are not Node's: saveAs fails at the move).
 */

type Failure = { code: string; on: 'write' | 'move'; partial?: boolean };
const inject = vi.hoisted(() => ({ failure: null as Failure | null }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const refuse = (on: Failure['on'], path: unknown, data?: unknown) => {
    const failure = inject.failure;
    if (!failure || failure.on !== on || !String(path).includes('.tmp-')) return;
    // A full disk often fails halfway: half the bytes reach the temporary file first.
    if (failure.partial && data instanceof Uint8Array) fs.writeFileSync(path as string, data.subarray(0, data.length >> 1));
    throw Object.assign(new Error(`${failure.code} (simulé)`), { code: failure.code });
  };
  return {
    ...fs,
    writeFileSync: ((path, data, options) => {
      refuse('write', path, data);
      fs.writeFileSync(path, data, options);
    }) as typeof fs.writeFileSync,
    renameSync: ((from, to) => {
      refuse('move', from);
      fs.renameSync(from, to);
    }) as typeof fs.renameSync,
    linkSync: ((from, to) => {
      refuse('move', from);
      fs.linkSync(from, to);
    }) as typeof fs.linkSync,
  };
});

const READ_ONLY_FOLDER = '/sys/kernel';
const TYPED = 'Le volet cohésion sociale porte sur l’éducation, la santé et l’accès aux droits des habitants.';

let h: TestHost;
beforeEach(async () => {
  h = testHost();
  await h.value('project:create', { path: h.folder.file('Val-Fictif.pilier'), meta: sampleMeta() });
  await h.value('project:saveSections', { changes: [{ id: 'pilier-cohesion-sociale', content: lexical(TYPED) }] });
});
afterEach(() => {
  inject.failure = null;
  h.dispose();
});

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const temporaries = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((n) => n.includes('.tmp-')) : []);

/** A file already at the destination, and the user's consent (through the dialog) to replace it. */
async function previousFile(name: string, format: ExportFormat): Promise<{ path: string; hash: string }> {
  const path = h.folder.file(name);
  writeFileSync(path, `version précédente de ${name}`);
  h.dialogAnswers.exportTo = path;
  await h.value('dialog:saveExport', { suggestedName: 'x', format });
  return { path, hash: sha(path) };
}

/** The project is still this window's, takes an autosave, and exports where the disk allows. */
async function stillWorking(format: ExportFormat): Promise<void> {
  expect(h.services.currentPath()).toBe(h.folder.file('Val-Fictif.pilier'));
  await h.value('project:saveSections', { changes: [{ id: 'pilier-cohesion-sociale', content: lexical(`${TYPED} Après l’échec.`) }] });
  const reopened = await h.value('project:open', { path: h.folder.file('Val-Fictif.pilier') });
  expect(reopened.sections.find((s) => s.id === 'pilier-cohesion-sociale')!.content).toContain('Après l’échec.');
  const target = h.folder.file(`après-échec.${format}`);
  await h.value('export:run', { path: target, format, grille: false });
  expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');
}

describe.each(['docx', 'odt'] as const)('export:run (%s) when the disk refuses', (format) => {
  it('a read-only folder: refused, the folder named, nothing left there', async () => {
    const target = join(READ_ONLY_FOLDER, `contrat.${format}`);
    const result = await h.call('export:run', { path: target, format, grille: true });
    expect(result).toEqual({ ok: false, error: expect.stringContaining(`dossier « ${READ_ONLY_FOLDER} » (accès refusé)`) });
    expect(existsSync(target)).toBe(false);
    expect(temporaries(READ_ONLY_FOLDER)).toEqual([]);
    await stillWorking(format);
  });

  it.each([
    ['a read-only medium (EROFS)', { code: 'EROFS', on: 'write' }, 'le support est en lecture seule'],
    ['a full disk, halfway through the file (ENOSPC)', { code: 'ENOSPC', on: 'write', partial: true }, 'le disque est plein'],
    ['a refused move into place (EACCES)', { code: 'EACCES', on: 'move' }, 'accès refusé'],
  ] as const)('%s: the previous file unchanged, no temporary file', async (_case, failure, why) => {
    const previous = await previousFile(`contrat.${format}`, format);
    inject.failure = failure;
    const result = await h.call('export:run', { path: previous.path, format, grille: true });
    inject.failure = null;
    expect(result).toEqual({ ok: false, error: expect.stringContaining(`dossier « ${h.folder.dir} » (${why})`) });
    expect(result.ok || result.error).toMatch(/aucun fichier n’a été écrit ni remplacé/);
    expect(sha(previous.path)).toBe(previous.hash);
    expect(temporaries(h.folder.dir)).toEqual([]);
    await stillWorking(format);
  });

  it('a folder that disappeared after the dialog answered', async () => {
    const folder = h.folder.file('clé USB');
    mkdirSync(folder);
    h.dialogAnswers.exportTo = join(folder, `contrat.${format}`);
    const { path } = (await h.value('dialog:saveExport', { suggestedName: 'x', format }))!;
    rmSync(folder, { recursive: true });
    const result = await h.call('export:run', { path, format, grille: true });
    expect(result).toEqual({ ok: false, error: expect.stringContaining(`dossier « ${folder} » n’existe pas`) });
    expect(existsSync(folder)).toBe(false);
    await stillWorking(format);
  });

  it('a path whose parent is a file', async () => {
    const file = h.folder.file('notes.txt');
    writeFileSync(file, 'des notes');
    const result = await h.call('export:run', { path: join(file, `contrat.${format}`), format, grille: true });
    expect(result).toEqual({ ok: false, error: expect.stringContaining(`« ${file} » est un fichier, pas un dossier`) });
    expect(readFileSync(file, 'utf8')).toBe('des notes');
    await stillWorking(format);
  });
});

describe('project:saveAs when the disk refuses', () => {
  it('a read-only folder: refused in French, nothing left there', async () => {
    const target = join(READ_ONLY_FOLDER, 'copie.pilier');
    const result = await h.call('project:saveAs', { path: target });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/copie\.pilier.*(droit d’écrire|lecture seule|introuvable|impossible)/i) });
    expect(existsSync(target)).toBe(false);
    expect(temporaries(READ_ONLY_FOLDER)).toEqual([]);
    await stillWorking('docx');
  });

  it.each([
    ['a read-only medium (EROFS)', 'EROFS', /droit d’écrire copie\.pilier \(fichier ou dossier en lecture seule\)/],
    ['a full disk (ENOSPC)', 'ENOSPC', /disque est plein : Pilier n’a pas pu écrire copie\.pilier/],
  ] as const)('%s at the move into place: the previous file unchanged, no temporary file', async (_case, code, message) => {
    const target = h.folder.file('copie.pilier');
    writeFileSync(target, 'copie précédente');
    const before = sha(target);
    inject.failure = { code, on: 'move' };
    const result = await h.call('project:saveAs', { path: target, overwrite: true });
    inject.failure = null;
    expect(result).toEqual({ ok: false, error: expect.stringMatching(message) });
    expect(result.ok || result.error).toMatch(/aucun fichier incomplet n’a été laissé/);
    expect(sha(target)).toBe(before);
    expect(readdirSync(h.folder.dir).filter((n) => n.startsWith('copie.pilier') && n !== 'copie.pilier')).toEqual([]);
    await stillWorking('odt');
    // The same copy succeeds once the disk lets it.
    await h.value('project:saveAs', { path: target, overwrite: true });
    expect(sha(target)).not.toBe(before);
  });

  // ProjectFile.saveAs checks the target's folder before the backup (better-sqlite3's backup() throws a TypeError
  // into a vanished folder, and removing the temporary file under a file threw ENOTDIR).
  it('a folder that disappeared: refused in French', async () => {
    const result = await h.call('project:saveAs', { path: join(h.folder.file('disparu'), 'copie.pilier') });
    expect(result).toEqual({ ok: false, error: expect.stringContaining('copie.pilier') });
  });

  it('a parent that is a file: refused in French', async () => {
    const file = h.folder.file('notes.txt');
    writeFileSync(file, 'des notes');
    const result = await h.call('project:saveAs', { path: join(file, 'copie.pilier') });
    expect(result).toEqual({ ok: false, error: expect.stringContaining('copie.pilier') });
  });

  it('after either refusal the project is still open and saving', async () => {
    const file = h.folder.file('notes.txt');
    writeFileSync(file, 'des notes');
    await h.call('project:saveAs', { path: join(h.folder.file('disparu'), 'copie.pilier') }).catch(() => undefined);
    await h.call('project:saveAs', { path: join(file, 'copie.pilier') }).catch(() => undefined);
    expect(readFileSync(file, 'utf8')).toBe('des notes');
    await stillWorking('docx');
  });
});
