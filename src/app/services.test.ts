import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseTemplate } from '../template/load';
import { lexical, MINUTE, sampleMeta, sha256 } from '../project/testProject';
import { projectFileName } from './services';
import { SEEDS_DIR, TEMPLATES_DIR, testHost, type TestHost } from './testServices';

const hosts: TestHost[] = [];
function host(...args: Parameters<typeof testHost>): TestHost {
  const created = testHost(...args);
  hosts.push(created);
  return created;
}
afterEach(() => {
  for (const h of hosts.splice(0).reverse()) h.dispose();
});

const templateIds = () => {
  const parsed = parseTemplate(readFileSync(join(TEMPLATES_DIR, 'contrat-de-ville-2015.json'), 'utf8'), 'contrat-de-ville-2015.json');
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.template.sections.map((s) => s.id);
};

const textOf = (content: string) => JSON.stringify(JSON.parse(content));

describe('project:create', () => {
  it('creates the skeleton from the template, saves edits, and finds them after close and open', async () => {
    const h = host();
    const path = h.folder.file('Val-Fictif.pilier');
    const created = await h.value('project:create', { path, meta: sampleMeta() });
    expect(created.path).toBe(path);
    expect(created.sections.map((s) => s.id)).toEqual(templateIds());
    expect(created.meta.territoire).toBe(sampleMeta().territoire);
    expect(created.report).toBeNull();
    const signatures = created.sections.find((s) => s.id === 'signataires');
    expect(signatures?.content).toContain('Saint-Exemple');

    h.clock.advance(1_000);
    const saved = await h.value('project:saveSections', {
      changes: [
        { id: 'preambule', content: lexical('Le contrat de ville du Val-Fictif est signé par…') },
        { id: 'note-locale', title: 'Note locale', content: lexical('Une section ajoutée.') },
      ],
    });
    expect(saved.savedAt).toBe('2025-03-01T09:00:01.000Z');
    expect(await h.value('project:close')).toBeNull();
    expect(h.services.currentPath()).toBeNull();

    const reopened = await h.value('project:open', { path });
    const preambule = reopened.sections.find((s) => s.id === 'preambule');
    expect(textOf(preambule?.content ?? '{}')).toContain('Le contrat de ville du Val-Fictif est signé par…');
    expect(reopened.sections.at(-1)?.title).toBe('Note locale');
    expect(reopened.meta.updatedAt).toBe('2025-03-01T09:00:01.000Z');
  });

  it('creates the skeleton of the template made for the chosen pack: Quartiers 2030 gives the 2024 sections', async () => {
    const h = host();
    const parsed = parseTemplate(readFileSync(join(TEMPLATES_DIR, 'contrat-de-ville-2024.json'), 'utf8'), 'contrat-de-ville-2024.json');
    if (!parsed.ok) throw new Error(parsed.error);
    const meta = sampleMeta({ referentiel: { id: 'quartiers-2030', version: '1.0.0' }, periode: { debut: '2024', fin: '2030' } });
    const created = await h.value('project:create', { path: h.folder.file('Quartiers-2030.pilier'), meta });
    expect(parsed.template.referentiel).toBe('quartiers-2030');
    expect(created.sections.map((s) => s.id)).toEqual(parsed.template.sections.map((s) => s.id));
    expect(created.sections.map((s) => s.id)).not.toEqual(templateIds());
    expect(created.meta.referentiel).toEqual({ id: 'quartiers-2030', version: '1.0.0' });
    expect(created.sections.find((s) => s.id === 'declinaison-quartiers')?.content).toContain('Les Tilleuls (QN09901M) : ');
  });

  it('refuses, in French, a relative path, an existing file and an unknown référentiel', async () => {
    const h = host();
    const relative = await h.call('project:create', { path: 'contrat.pilier', meta: sampleMeta() });
    expect(relative).toMatchObject({ ok: false, error: expect.stringMatching(/n’est pas un chemin complet/) });
    const existing = h.folder.file('existant.pilier');
    writeFileSync(existing, 'à garder');
    expect(await h.call('project:create', { path: existing, meta: sampleMeta() })).toMatchObject({ ok: false, error: expect.stringMatching(/existe déjà/) });
    expect(readFileSync(existing, 'utf8')).toBe('à garder');
    const unknown = await h.call('project:create', { path: h.folder.file('x.pilier'), meta: sampleMeta({ referentiel: { id: 'annexe-9', version: '1.0.0' } }) });
    expect(unknown).toMatchObject({ ok: false, error: expect.stringMatching(/référentiel « annexe-9 » \(version 1\.0\.0\) n’est pas disponible/) });
    expect(existsSync(h.folder.file('x.pilier'))).toBe(false);
  });

  it('refuses metadata the project file refuses (période inversée) with a French sentence', async () => {
    const h = host();
    const result = await h.call('project:create', { path: h.folder.file('p.pilier'), meta: sampleMeta({ periode: { debut: '2030', fin: '2024' } }) });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/n’a pas été créé : .*fin/) });
  });
});

describe('one project per window', () => {
  it('keeps the current project when another file fails to open', async () => {
    const h = host();
    const path = h.folder.file('a.pilier');
    await h.value('project:create', { path, meta: sampleMeta() });
    const broken = h.folder.file('casse.pilier');
    writeFileSync(broken, 'pas une base SQLite');
    const before = sha256(broken);
    const failed = await h.call('project:open', { path: broken });
    expect(failed).toMatchObject({ ok: false, error: expect.stringMatching(/n’est pas un projet Pilier/) });
    expect(sha256(broken)).toBe(before);
    expect(h.services.currentPath()).toBe(path);
    expect(await h.call('project:saveSections', { changes: [{ id: 'preambule', content: lexical('Toujours ouvert.') }] })).toMatchObject({ ok: true });
  });

  it('closes the previous project when another opens, and reopening the current one is harmless', async () => {
    const h = host();
    const first = h.folder.file('premier.pilier');
    const second = h.folder.file('second.pilier');
    await h.value('project:create', { path: first, meta: sampleMeta() });
    expect((await h.value('project:open', { path: first })).path).toBe(first);
    await h.value('project:create', { path: second, meta: sampleMeta({ territoire: 'Second' }) });
    expect(h.services.currentPath()).toBe(second);
    // The first file is free again: another window can open it.
    const other = host({ dataDir: h.folder.file('data') });
    expect((await other.value('project:open', { path: first })).path).toBe(first);
    // …and the second is not: it is held by the first window.
    expect(await other.call('project:open', { path: second })).toMatchObject({ ok: false, error: expect.stringMatching(/déjà ouvert dans une autre fenêtre/) });
  });

  it('answers a French error when no project is open', async () => {
    const h = host();
    for (const [channel, arg] of [
      ['project:saveSections', { changes: [{ id: 'a', content: lexical('x') }] }],
      ['project:snapshot', {}],
      ['project:listSnapshots', undefined],
      ['project:restoreSnapshot', { id: 1 }],
      ['project:saveAs', { path: h.folder.file('copie.pilier') }],
      ['project:updateMeta', { territoire: 'X' }],
      ['project:saveReport', { report: { referentiel: { id: 'a', version: '1' }, summary: { covered: 0, partial: 0, missing: 0 }, requirements: [] } }],
    ] as const) {
      expect(await h.call(channel, arg), channel).toEqual({ ok: false, error: 'Aucun contrat n’est ouvert : ouvrez ou créez un contrat, puis réessayez.' });
    }
    expect(await h.call('project:close')).toEqual({ ok: true, value: null });
  });

  it('releases the file on dispose', async () => {
    const h = host();
    const path = h.folder.file('a.pilier');
    await h.value('project:create', { path, meta: sampleMeta() });
    h.services.dispose();
    const other = host({ dataDir: h.folder.file('data') });
    expect(await other.call('project:open', { path })).toMatchObject({ ok: true });
  });
});

describe('metadata and reports', () => {
  it('updates some fields without resetting the others (mode included)', async () => {
    const h = host();
    await h.value('project:create', { path: h.folder.file('a.pilier'), meta: sampleMeta({ mode: 'relecture' }) });
    const meta = await h.value('project:updateMeta', { territoire: 'Nouveau nom' });
    expect(meta).toMatchObject({ territoire: 'Nouveau nom', mode: 'relecture', epci: sampleMeta().epci });
  });

  it('keeps the latest check report and gives it back on open', async () => {
    const h = host();
    const path = h.folder.file('a.pilier');
    await h.value('project:create', { path, meta: sampleMeta() });
    expect(await h.call('project:saveReport', { report: { nope: true } })).toMatchObject({ ok: false, error: expect.stringMatching(/^Demande refusée/) });
    const report = { referentiel: { id: 'annexe-1-2014', version: '1.0.0' }, summary: { covered: 1, partial: 0, missing: 0 }, requirements: [] };
    expect(await h.call('project:saveReport', { report })).toMatchObject({ ok: true });
    await h.value('project:close');
    expect((await h.value('project:open', { path })).report).toEqual(report);
  });
});

describe('snapshots', () => {
  it('takes one on demand, lists it, and restores it (after a backup of the current state)', async () => {
    const h = host();
    await h.value('project:create', { path: h.folder.file('a.pilier'), meta: sampleMeta() });
    await h.value('project:saveSections', { changes: [{ id: 'preambule', content: lexical('Version A') }] });
    h.clock.advance(MINUTE);
    const snapshot = await h.value('project:snapshot', { label: 'Avant la réunion' });
    expect(snapshot).toMatchObject({ reason: 'manuel', label: 'Avant la réunion' });
    h.clock.advance(MINUTE);
    await h.value('project:saveSections', { changes: [{ id: 'preambule', content: lexical('Version B') }] });

    const restored = await h.value('project:restoreSnapshot', { id: snapshot.id });
    expect(textOf(restored.sections.find((s) => s.id === 'preambule')?.content ?? '{}')).toContain('Version A');
    const list = await h.value('project:listSnapshots');
    expect(list.map((s) => s.reason)).toEqual(['avant-restauration', 'manuel']);
    expect(await h.call('project:restoreSnapshot', { id: 999 })).toMatchObject({ ok: false, error: expect.stringMatching(/n’existe pas/) });
  });

  it('takes an automatic snapshot when saving after ten minutes of editing', async () => {
    const h = host();
    await h.value('project:create', { path: h.folder.file('a.pilier'), meta: sampleMeta() });
    h.clock.advance(MINUTE);
    await h.value('project:saveSections', { changes: [{ id: 'preambule', content: lexical('1') }] });
    expect(await h.value('project:listSnapshots')).toEqual([]);
    h.clock.advance(10 * MINUTE);
    await h.value('project:saveSections', { changes: [{ id: 'preambule', content: lexical('2') }] });
    const list = await h.value('project:listSnapshots');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ reason: 'auto', createdAt: '2025-03-01T09:11:00.000Z' });
  });
});

describe('project:saveAs', () => {
  it('writes a consistent copy, keeps working on the original, and refuses to overwrite unasked', async () => {
    const h = host();
    const original = h.folder.file('original.pilier');
    await h.value('project:create', { path: original, meta: sampleMeta() });
    await h.value('project:saveSections', { changes: [{ id: 'preambule', content: lexical('Dans la copie') }] });
    const copy = h.folder.file('copie.pilier');
    expect(await h.value('project:saveAs', { path: copy })).toEqual({ path: copy });
    expect(h.services.currentPath()).toBe(original);
    expect(await h.call('project:saveAs', { path: copy })).toMatchObject({ ok: false, error: expect.stringMatching(/existe déjà : confirmez/) });
    expect(await h.call('project:saveAs', { path: copy, overwrite: true })).toMatchObject({ ok: true });

    const other = host({ dataDir: h.folder.file('data') });
    const opened = await other.value('project:open', { path: copy });
    expect(textOf(opened.sections.find((s) => s.id === 'preambule')?.content ?? '{}')).toContain('Dans la copie');
    expect((await other.value('recent:list')).map((r) => r.path)).toEqual([copy, original]);
  });
});

describe('during « Enregistrer sous »', () => {
  it('refuses to switch or close the project until the copy is written, and releases it after dispose', async () => {
    const h = host();
    const original = h.folder.file('original.pilier');
    await h.value('project:create', { path: original, meta: sampleMeta() });
    const copying = h.call('project:saveAs', { path: h.folder.file('copie.pilier') });
    const busy = /« Enregistrer sous… »\) : réessayez dans un instant/;
    expect(await h.call('project:open', { path: h.folder.file('autre.pilier') })).toMatchObject({ ok: false, error: expect.stringMatching(busy) });
    expect(await h.call('project:close')).toMatchObject({ ok: false, error: expect.stringMatching(busy) });
    // Typing goes on during the copy.
    expect(await h.call('project:saveSections', { changes: [{ id: 'preambule', content: lexical('pendant la copie') }] })).toMatchObject({ ok: true });
    h.services.dispose();
    expect(await copying).toMatchObject({ ok: true });
    const other = host({ dataDir: h.folder.file('data') });
    expect(await other.call('project:open', { path: original })).toMatchObject({ ok: true });
  });
});

describe('project:openDemo', () => {
  it('creates a copy of the demo contract in the data folder, then reuses it', async () => {
    const h = host();
    const demo = await h.value('project:openDemo');
    expect(demo.path.startsWith(h.folder.file('data'))).toBe(true);
    const markdown = readFileSync(join(SEEDS_DIR, 'demo', 'contrat-demo.md'), 'utf8');
    expect(demo.sections.map((s) => s.title)).toEqual([...markdown.matchAll(/^## (.+)$/gm)].map((m) => m[1]));
    // The metadata says what the demo text says.
    expect(markdown).toContain(demo.meta.territoire);
    for (const name of [...demo.meta.communes, ...demo.meta.qpv.flatMap((q) => [q.nom, q.code]), ...demo.meta.signataires.map((s) => s.nom)]) {
      expect(markdown, name).toContain(name);
    }
    await h.value('project:saveSections', { changes: [{ id: demo.sections[0]!.id, content: lexical('Exercice en cours') }] });
    await h.value('project:close');

    const again = await h.value('project:openDemo');
    expect(again.path).toBe(demo.path);
    expect(textOf(again.sections[0]!.content)).toContain('Exercice en cours');
    expect(await h.value('recent:list')).toEqual([]);
  });
});

describe('dialogs', () => {
  it('suggest a clean file name and answer the chosen path with the .pilier extension', async () => {
    const h = host();
    h.dialogAnswers.save = '/home/agent/Contrat';
    expect(await h.value('dialog:saveProject', { suggestedName: 'Contrat : Val/Fictif 2024-2030' })).toEqual({ path: '/home/agent/Contrat.pilier' });
    expect(h.dialogAnswers.suggested).toEqual(['Contrat - Val-Fictif 2024-2030.pilier']);
    h.dialogAnswers.save = null;
    expect(await h.value('dialog:saveProject', { suggestedName: '' })).toBeNull();
    h.dialogAnswers.open = '/home/agent/a.pilier';
    expect(await h.value('dialog:openProject')).toEqual({ path: '/home/agent/a.pilier' });
    h.dialogAnswers.open = null;
    expect(await h.value('dialog:openProject')).toBeNull();
  });

  it('make file names Windows accepts', () => {
    expect(projectFileName('  ..a<b>c|d?e*f"g\u0007  ')).toBe('a-b-c-d-e-f-g-.pilier');
    expect(projectFileName('')).toBe('Contrat de ville.pilier');
    expect(projectFileName('Déjà.PILIER')).toBe('Déjà.pilier');
  });
});
