import Database from 'better-sqlite3';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckReport } from '../check/report';
import { createProject, openProject } from './open';
import type { ProjectFile } from './projectFile';
import { lexical, manualClock, sampleMeta, sampleSections, sha256, temporaryFolder } from './testProject';

let folder: ReturnType<typeof temporaryFolder>;
const opened: ProjectFile[] = [];

beforeEach(() => {
  folder = temporaryFolder();
});
afterEach(() => {
  for (const project of opened.splice(0)) {
    try {
      project.close();
    } catch {
      // already closed by the test
    }
  }
  folder.remove();
});

function create(name = 'contrat.pilier', clock = manualClock()): ProjectFile {
  const result = createProject(folder.file(name), sampleMeta(), sampleSections(), { clock: clock.now });
  if (!result.ok) throw new Error(result.error);
  opened.push(result.value);
  return result.value;
}

function open(path: string): ProjectFile {
  const result = openProject(path);
  if (!result.ok) throw new Error(result.error);
  opened.push(result.value);
  return result.value;
}

describe('createProject and openProject', () => {
  it('reopens a created project with the same metadata and sections', () => {
    const project = create();
    const meta = project.getMeta();
    expect(meta.createdAt).toBe('2025-03-01T09:00:00.000Z');
    expect(meta.qpv[0]).toEqual({ nom: 'Les Tilleuls', code: 'QN09901M' });
    expect(project.close().ok).toBe(true);

    const reopened = open(folder.file('contrat.pilier'));
    expect(reopened.getMeta()).toEqual(meta);
    const sections = reopened.listSections();
    expect(sections.ok && sections.value.map((s) => [s.id, s.title, s.content])).toEqual(
      sampleSections().map((s) => [s.id, s.title, s.content]),
    );
  });

  it('writes through a temporary name and leaves one self-contained file once closed', () => {
    const project = create();
    expect(readdirSync(folder.dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
    project.close();
    expect(readdirSync(folder.dir)).toEqual(['contrat.pilier']);
    const db = new Database(folder.file('contrat.pilier'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.pragma('application_id', { simple: true })).toBe(0x50494c52);
    db.close();
  });

  it('refuses to overwrite an existing file, leaving it unchanged', () => {
    const path = folder.file('contrat.pilier');
    writeFileSync(path, 'un autre document');
    const before = sha256(path);
    const result = createProject(path, sampleMeta(), sampleSections());
    expect(result).toEqual({ ok: false, error: expect.stringContaining('contrat.pilier existe déjà') });
    expect(sha256(path)).toBe(before);
    expect(readdirSync(folder.dir)).toEqual(['contrat.pilier']);
  });

  it('refuses a 1 MB metadata string and a 20 MB section before writing anything', () => {
    const big = createProject(folder.file('a.pilier'), sampleMeta({ territoire: 'x'.repeat(1_000_000) }), []);
    expect(big.ok).toBe(false);
    expect(!big.ok && big.error).toMatch(/a\.pilier n’a pas été créé : le champ « territoire » dépasse la limite de 10\u202f000 caractères/);
    const huge = lexical('é'.repeat(10 * 1024 * 1024 + 1));
    const section = createProject(folder.file('b.pilier'), sampleMeta(), [{ id: 's', position: 0, title: 'S', content: huge }]);
    expect(!section.ok && section.error).toMatch(/b\.pilier.*« s » dépasse la limite de 20 Mo/);
    expect(readdirSync(folder.dir)).toEqual([]);
  });
});

describe('metadata', () => {
  it('updates fields, stamps updatedAt from the clock, and keeps them on reopening', () => {
    const clock = manualClock();
    const project = create('contrat.pilier', clock);
    clock.advance(60_000);
    const updated = project.updateMeta({ mode: 'relecture', communes: ['Villefictive'] });
    expect(updated.ok && updated.value.updatedAt).toBe('2025-03-01T09:01:00.000Z');
    project.close();
    const meta = open(folder.file('contrat.pilier')).getMeta();
    expect(meta.mode).toBe('relecture');
    expect(meta.communes).toEqual(['Villefictive']);
    expect(meta.createdAt).toBe('2025-03-01T09:00:00.000Z');
  });

  it('refuses a metadata string of 1 MB with a French message naming the file, and keeps the old value', () => {
    const project = create();
    const result = project.updateMeta({ qpv: [{ nom: 'Q', code: 'c'.repeat(1_000_000) }] });
    expect(result).toEqual({
      ok: false,
      error: 'Les informations du projet n’ont pas été enregistrées dans contrat.pilier : le champ « QPV, n° 1, code » dépasse la limite de 10\u202f000 caractères.',
    });
    expect(project.getMeta().qpv[0]?.code).toBe('QN09901M');
  });

  it('refuses a period that ends before it starts', () => {
    const result = create().updateMeta({ periode: { debut: '2030', fin: '2024' } });
    expect(!result.ok && result.error).toContain('« période, fin »');
  });
});

describe('saveSections', () => {
  it('updates, inserts and deletes sections in one call', () => {
    const clock = manualClock();
    const project = create('contrat.pilier', clock);
    clock.advance(1000);
    const saved = project.saveSections([
      { id: 'diagnostic', content: lexical('Nouveau diagnostic') },
      { id: 'sante', title: 'Santé', content: lexical('Volet santé') },
      { id: 'preambule', deleted: true },
    ]);
    expect(saved).toEqual({ ok: true, value: { savedAt: '2025-03-01T09:00:01.000Z' } });
    const sections = project.listSections();
    if (!sections.ok) throw new Error(sections.error);
    expect(sections.value.map((s) => s.id)).toEqual(['diagnostic', 'egalite-femmes-hommes', 'sante']);
    expect(sections.value[0]).toMatchObject({ title: 'Diagnostic', content: lexical('Nouveau diagnostic'), updatedAt: saved.ok && saved.value.savedAt });
    expect(sections.value[2]?.position).toBe(3);
    expect(project.getMeta().updatedAt).toBe('2025-03-01T09:00:01.000Z');
  });

  it('is atomic: a write failing inside the transaction leaves the previous content', () => {
    const path = folder.file('contrat.pilier');
    create().close();
    // A trigger makes the second write of the batch fail inside SQLite, after the first one succeeded.
    const raw = new Database(path);
    raw.exec(`CREATE TRIGGER refuse BEFORE UPDATE ON sections WHEN NEW.content LIKE '%PANNE%'
              BEGIN SELECT RAISE(ABORT, 'panne simulée'); END`);
    raw.close();
    const project = open(path);
    const before = project.listSections();
    const result = project.saveSections([
      { id: 'preambule', content: lexical('Première modification') },
      { id: 'diagnostic', content: lexical('PANNE') },
    ]);
    expect(result.ok).toBe(false);
    expect(project.listSections()).toEqual(before);
    project.close();
    expect(open(path).listSections()).toEqual(before);
  });

  it('reports a full disk in French and keeps the last saved content', () => {
    const project = create();
    const before = project.listSections();
    // SQLite answers « disk full » (SQLITE_FULL) once the file reaches max_page_count, as on a full disk.
    const db = (project as unknown as { db: Database.Database }).db;
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
    const result = project.saveSections([
      { id: 'preambule', content: lexical('court') },
      { id: 'diagnostic', content: lexical('x'.repeat(200_000)) },
    ]);
    expect(result).toEqual({
      ok: false,
      error: 'Le disque est plein : Pilier n’a pas pu écrire contrat.pilier ; les dernières modifications n’ont pas été enregistrées ; le fichier garde l’état du dernier enregistrement réussi. Libérez de la place puis réessayez.',
    });
    expect(project.listSections()).toEqual(before);
    db.pragma('max_page_count = 1073741823');
    expect(project.saveSections([{ id: 'diagnostic', content: lexical('x'.repeat(200_000)) }]).ok).toBe(true);
  });

  it('refuses a new section without content and oversized or invalid content, writing nothing', () => {
    const project = create();
    const before = project.listSections();
    const noContent = project.saveSections([{ id: 'preambule', content: lexical('ok') }, { id: 'nouvelle', title: 'Nouvelle' }]);
    expect(!noContent.ok && noContent.error).toMatch(/contrat\.pilier : la section « nouvelle » est nouvelle mais n’a pas de contenu/);
    const notJson = project.saveSections([{ id: 'preambule', content: '{pas du json' }]);
    expect(!notJson.ok && notJson.error).toContain('n’est pas un état d’éditeur valide');
    const tooBig = project.saveSections([{ id: 'preambule', content: lexical('x'.repeat(20 * 1024 * 1024)) }]);
    expect(!tooBig.ok && tooBig.error).toContain('dépasse la limite de 20 Mo');
    expect(project.listSections()).toEqual(before);
  });
});

describe('reports', () => {
  const report: CheckReport = {
    referentiel: { id: 'annexe-1-2014', version: '1.0.0' },
    summary: { covered: 1, partial: 0, missing: 0 },
    requirements: [],
  };

  it('keeps the latest report with its time', () => {
    const clock = manualClock();
    const project = create('contrat.pilier', clock);
    expect(project.latestReport()).toEqual({ ok: true, value: null });
    project.saveReport({ ...report, summary: { covered: 0, partial: 0, missing: 1 } });
    clock.advance(5000);
    project.saveReport(report);
    expect(project.latestReport()).toEqual({ ok: true, value: { report, createdAt: '2025-03-01T09:00:05.000Z' } });
  });
});

describe('saveAs', () => {
  it('writes a consistent copy that opens with the same data, and leaves the original open', async () => {
    const project = create();
    project.saveSections([{ id: 'diagnostic', content: lexical('Avant la copie') }]);
    const copy = await project.saveAs(folder.file('copie.pilier'));
    expect(copy).toEqual({ ok: true, value: { path: folder.file('copie.pilier') } });
    expect(readdirSync(folder.dir).filter((n) => n.startsWith('copie'))).toEqual(['copie.pilier']);
    const reopened = open(folder.file('copie.pilier'));
    expect(reopened.getMeta()).toEqual(project.getMeta());
    expect(reopened.listSections()).toEqual(project.listSections());
    expect(project.saveSections([{ id: 'diagnostic', content: lexical('Après') }]).ok).toBe(true);
  });

  it('refuses to replace an existing file unless told, then replaces it', async () => {
    const project = create();
    const target = folder.file('existant.pilier');
    writeFileSync(target, 'ancien');
    const before = sha256(target);
    const refused = await project.saveAs(target);
    expect(refused).toEqual({ ok: false, error: 'Le fichier existant.pilier existe déjà : confirmez pour le remplacer ; rien n’a été écrit.' });
    expect(sha256(target)).toBe(before);
    const replaced = await project.saveAs(target, { overwrite: true });
    expect(replaced.ok).toBe(true);
    expect(open(target).getMeta().territoire).toBe(sampleMeta().territoire);
  });

  it('refuses to replace a file open in another window, and to copy onto itself', async () => {
    const project = create('a.pilier');
    const other = create('b.pilier');
    const before = sha256(other.path);
    const refused = await project.saveAs(other.path, { overwrite: true });
    expect(!refused.ok && refused.error).toContain('b.pilier est déjà ouvert dans une autre fenêtre');
    expect(sha256(other.path)).toBe(before);
    const self = await project.saveAs(project.path, { overwrite: true });
    expect(!self.ok && self.error).toContain('a.pilier est le fichier déjà ouvert');
    expect(existsSync(folder.file('a.pilier'))).toBe(true);
  });
});
