import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, truncateSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProject, openProject } from './open';
import { PILIER_APPLICATION_ID } from './migrations';
import { lexical, sampleMeta, sampleSections, sha256, temporaryFolder } from './testProject';

let folder: ReturnType<typeof temporaryFolder>;
beforeEach(() => {
  folder = temporaryFolder();
});
afterEach(() => folder.remove());

/** A closed Pilier project with enough content to span many pages. */
function pilierFile(name = 'contrat.pilier'): string {
  const path = folder.file(name);
  const sections = sampleSections().map((s, i) => ({ ...s, content: lexical(`Section ${i} `.repeat(4000)) }));
  const created = createProject(path, sampleMeta(), sections);
  if (!created.ok) throw new Error(created.error);
  created.value.close();
  return path;
}

/** Opens `path`, expects a refusal matching `message`, and checks the file's bytes did not change. */
function expectRefused(path: string, message: string | RegExp): string {
  const before = sha256(path);
  const result = openProject(path);
  if (result.ok) {
    result.value.close();
    throw new Error(`${path} was opened`);
  }
  expect(result.error).toMatch(message);
  expect(result.error).toContain(path.split('/').pop());
  expect(sha256(path)).toBe(before);
  return result.error;
}

describe('openProject refuses, leaving the file byte for byte unchanged', () => {
  it('bytes that are not SQLite at all', () => {
    const path = folder.file('rapport.pilier');
    writeFileSync(path, 'PK\u0003\u0004 ceci est un document Word renommé, pas un projet');
    expect(expectRefused(path, /n’est pas un projet Pilier/)).toBe(
      'Le fichier rapport.pilier n’est pas un projet Pilier (son contenu n’est pas celui d’un fichier .pilier) ; le fichier n’a pas été modifié.',
    );
  });

  it('an empty file', () => {
    const path = folder.file('vide.pilier');
    writeFileSync(path, '');
    expectRefused(path, /vide.pilier n’est pas un projet Pilier \(le fichier est vide, 0 octet\)/);
  });

  it('a truncated Pilier file', () => {
    const path = pilierFile();
    const size = readFileSync(path).length;
    truncateSync(path, Math.floor(size / 2));
    expectRefused(path, /contrat.pilier est endommagé \(fichier tronqué : [\d\u202f]+ octets sur [\d\u202f]+ attendus\)/);
    truncateSync(path, 60);
    expectRefused(path, /contrat.pilier est endommagé \(fichier tronqué : 60 octets seulement\)/);
  });

  it('a Pilier file with damaged pages', () => {
    const path = pilierFile();
    const size = readFileSync(path).length;
    const fd = openSync(path, 'r+');
    // Scribble over the start of every page but the first: page headers and overflow links no longer make sense.
    for (let offset = 4096 + 1000; offset < size; offset += 4096) writeSync(fd, Buffer.alloc(200, 0xa5), 0, 200, offset - 1000);
    closeSync(fd);
    expectRefused(path, /contrat.pilier est endommagé \((contrôle d’intégrité|base SQLite)/);
  });

  it('a SQLite database of another application', () => {
    const path = folder.file('autre.pilier');
    const db = new Database(path);
    db.exec('CREATE TABLE meta (id INTEGER, data TEXT); CREATE TABLE sections (id TEXT); CREATE TABLE snapshots (id INTEGER)');
    db.close();
    expectRefused(path, /autre.pilier n’est pas un projet Pilier \(c’est une base SQLite, mais pas celle d’un projet Pilier\)/);

    const fossil = folder.file('fossil.pilier');
    const other = new Database(fossil);
    other.pragma('application_id = 252006673');
    other.exec('CREATE TABLE blob (rid INTEGER)');
    other.close();
    expectRefused(fossil, /fossil.pilier n’est pas un projet Pilier \(c’est une base SQLite d’une autre application\)/);
  });

  it('a file marked as Pilier’s that lacks its tables or its metadata', () => {
    const path = folder.file('vide-de-tables.pilier');
    const db = new Database(path);
    db.pragma(`application_id = ${PILIER_APPLICATION_ID}`);
    db.exec('CREATE TABLE notes (x)');
    db.close();
    expectRefused(path, /endommagé \(schéma absent\)/);

    const noMeta = pilierFile('sans-meta.pilier');
    const raw = new Database(noMeta);
    raw.exec('DELETE FROM meta');
    raw.close();
    expectRefused(noMeta, /sans-meta.pilier est endommagé \(métadonnées absentes\)/);
  });

  it('a file from a newer Pilier (user_version 99)', () => {
    const path = pilierFile();
    const raw = new Database(path);
    raw.pragma('user_version = 99');
    raw.close();
    expect(expectRefused(path, /schéma 99/)).toBe(
      'Le fichier contrat.pilier a été créé par une version plus récente de Pilier (schéma 99) : mettez Pilier à jour ; le fichier n’a pas été modifié.',
    );
  });

  it('a missing file and a folder', () => {
    expect(openProject(folder.file('absent.pilier'))).toEqual({
      ok: false,
      error: 'Le fichier absent.pilier est introuvable (déplacé ou supprimé ?).',
    });
    mkdirSync(folder.file('dossier.pilier'));
    expect(openProject(folder.file('dossier.pilier'))).toEqual({ ok: false, error: 'dossier.pilier est un dossier, pas un projet Pilier.' });
  });

  it('a file already open in this process', () => {
    const path = pilierFile();
    const first = openProject(path);
    if (!first.ok) throw new Error(first.error);
    expect(expectRefused(path, /déjà ouvert/)).toBe(
      'Le fichier contrat.pilier est déjà ouvert dans une autre fenêtre de Pilier (ou par un autre programme) : fermez-le là-bas puis réessayez ; le fichier n’a pas été modifié.',
    );
    expect(first.value.close().ok).toBe(true);
    const again = openProject(path);
    expect(again.ok).toBe(true);
    if (again.ok) again.value.close();
  });
});

/** `chattr +i` makes a file or folder unwritable even for root (test machines often run as root). */
function immutable(path: string, on: boolean): boolean {
  try {
    execFileSync('chattr', [on ? '+i' : '-i', path], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('read-only files', () => {
  it('refuses a file, or a folder, Pilier could not write to', (context) => {
    const path = pilierFile();
    if (!immutable(path, true)) return context.skip();
    try {
      expectRefused(path, /contrat.pilier est en lecture seule \(lui ou son dossier\)/);
    } finally {
      immutable(path, false);
    }
    immutable(folder.dir, true);
    try {
      expectRefused(path, /contrat.pilier est en lecture seule/);
    } finally {
      immutable(folder.dir, false);
    }
    const opened = openProject(path);
    expect(opened.ok).toBe(true);
    if (opened.ok) opened.value.close();
  });
});

describe('the lock across processes', () => {
  it('refuses a file another Pilier process holds, and opens it with its work once that process is killed', async () => {
    const path = pilierFile();
    const moduleUrl = pathToFileURL(join(import.meta.dirname, 'open.ts')).href;
    const script = `
      const { openProject } = await import(${JSON.stringify(moduleUrl)});
      const opened = openProject(${JSON.stringify(path)});
      if (!opened.ok) { console.log('refusé : ' + opened.error); process.exit(1); }
      opened.value.saveSections([{ id: 'diagnostic', content: JSON.stringify({ root: { text: 'écrit par l’autre processus' } }) }]);
      console.log('prêt');
      // Keep the project reachable: a garbage-collected better-sqlite3 connection closes, releasing the lock.
      setInterval(() => opened, 1000);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => (chunk.toString().includes('prêt') ? resolve() : reject(new Error(chunk.toString()))));
        child.on('exit', () => reject(new Error('child exited early')));
      });
      expectRefused(path, /contrat.pilier est déjà ouvert dans une autre fenêtre/);
    } finally {
      child.kill('SIGKILL');
    }
    expect(await exited).toBe('SIGKILL');

    const reopened = openProject(path);
    if (!reopened.ok) throw new Error(reopened.error);
    const diagnostic = reopened.value.listSections();
    expect(diagnostic.ok && diagnostic.value.find((s) => s.id === 'diagnostic')?.content).toContain('écrit par l’autre processus');
    expect(reopened.value.close().ok).toBe(true);
    const check = new Database(path, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  });
});
