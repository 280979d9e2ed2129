import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../project/testProject';
import { withFileExtension, writeExportFile, type WriteExportOptions } from './writeExport';

const folders: ReturnType<typeof temporaryFolder>[] = [];
function folder(): ReturnType<typeof temporaryFolder> {
  const created = temporaryFolder();
  folders.push(created);
  return created;
}
afterEach(() => {
  for (const f of folders.splice(0)) f.remove();
});

const BYTES = new TextEncoder().encode('contenu exporté');
const options = (overwrite: boolean): WriteExportOptions => ({ overwrite, what: 'La relecture n’a pas pu être écrite', extension: '.pilier-relecture', dialog: 'Exporter la relecture…' });

describe('writeExportFile', () => {
  it('writes the file whole and leaves no temporary file', () => {
    const f = folder();
    const path = f.file('relecture.pilier-relecture');
    expect(writeExportFile(path, BYTES, options(false))).toEqual({ ok: true, value: { path, sizeBytes: BYTES.length } });
    expect(readFileSync(path, 'utf8')).toBe('contenu exporté');
    expect(readdirSync(f.dir)).toEqual(['relecture.pilier-relecture']);
  });

  it('replaces an existing file only with the consent of the save dialog', () => {
    const f = folder();
    const path = f.file('relecture.pilier-relecture');
    writeFileSync(path, 'avant');
    const refused = writeExportFile(path, BYTES, options(false));
    expect(refused).toEqual({ ok: false, error: expect.stringContaining('existe déjà : Pilier ne le remplace que si vous le choisissez dans la boîte de dialogue « Exporter la relecture… »') });
    expect(readFileSync(path, 'utf8')).toBe('avant');
    expect(writeExportFile(path, BYTES, options(true)).ok).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('contenu exporté');
  });

  it('names the folder when the target cannot be written, and writes nothing', () => {
    const f = folder();
    const missing = join(f.dir, 'absent');
    expect(writeExportFile(join(missing, 'r.pilier-relecture'), BYTES, options(false))).toEqual({ ok: false, error: expect.stringContaining(`Le dossier « ${missing} » n’existe pas`) });
    mkdirSync(f.file('r.pilier-relecture'));
    expect(writeExportFile(f.file('r.pilier-relecture'), BYTES, options(true))).toEqual({ ok: false, error: '« r.pilier-relecture » est un dossier : indiquez un nom de fichier.' });
    expect(writeExportFile(f.file('r.docx'), BYTES, options(false))).toEqual({ ok: false, error: expect.stringContaining('doit porter l’extension .pilier-relecture :') });
    expect(readdirSync(f.dir)).toEqual(['r.pilier-relecture']);
  });
});

describe('withFileExtension', () => {
  it('adds the extension once, whatever the case of the typed name', () => {
    expect(withFileExtension('/d/relecture', '.pilier-relecture')).toBe('/d/relecture.pilier-relecture');
    expect(withFileExtension('/d/relecture.', '.pilier-relecture')).toBe('/d/relecture.pilier-relecture');
    expect(withFileExtension('/d/R.PILIER-RELECTURE', '.pilier-relecture')).toBe('/d/R.PILIER-RELECTURE');
  });
});
