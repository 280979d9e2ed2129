import mammoth from 'mammoth';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../project/testProject';
import { contractSources } from './sources';
import { SEEDS_DIR, TEMPLATES_DIR, testHost, type TestHost } from './testServices';

const hosts: TestHost[] = [];
function host(): TestHost {
  const created = testHost();
  hosts.push(created);
  return created;
}
afterEach(() => {
  for (const h of hosts.splice(0).reverse()) h.dispose();
});

const text = async (path: string) => (await mammoth.extractRawText({ buffer: readFileSync(path) })).value.replace(/\u00a0/g, ' ');

describe('contractSources().packs', () => {
  it('lists every shipped pack, each validated', () => {
    const packs = contractSources(SEEDS_DIR, TEMPLATES_DIR).packs();
    expect(packs.ok && packs.value.map((p) => p.id)).toEqual(['annexe-1-2014', 'quartiers-2030']);
  });

  it('skips an invalid pack but still finds the valid ones, and names the invalid one when nothing else is found', () => {
    const folder = temporaryFolder();
    try {
      const seeds = join(folder.dir, 'seeds');
      mkdirSync(seeds);
      writeFileSync(join(seeds, 'referentiel-casse.json'), '{');
      writeFileSync(join(seeds, 'referentiel-quartiers-2030.json'), readFileSync(join(SEEDS_DIR, 'referentiel-quartiers-2030.json')));
      const sources = contractSources(seeds, TEMPLATES_DIR);
      expect(sources.packs()).toMatchObject({ ok: true, value: [{ id: 'quartiers-2030' }] });
      expect(sources.pack('annexe-1-2014', '1.0.0')).toMatchObject({ ok: false, error: expect.stringMatching(/referentiel-casse\.json n'est pas du JSON valide/) });
    } finally {
      folder.remove();
    }
  });
});

describe('export:referentiel', () => {
  it('writes the whole pack as a DOCX handout and answers its path, size and count', async () => {
    const h = host();
    const path = h.folder.file('Quartiers 2030.docx');
    const done = await h.value('export:referentiel', { path, packId: 'quartiers-2030' });
    expect(done).toMatchObject({ path, requirements: 40 });
    expect(done.sizeBytes).toBe(readFileSync(path).length);
    expect(await text(path)).toContain('Engagements Quartiers 2030');
    expect(readdirSync(h.folder.dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('keeps only the filtered requirements, under the trainer’s title, and finds a requirement’s source', async () => {
    const h = host();
    const path = h.folder.file('Signataires.docx');
    const done = await h.value('export:referentiel', { path, packId: 'annexe-1-2014', requirementIds: ['EMP-5b', 'CAD-SIG-PREF'], title: 'Les signataires' });
    expect(done.requirements).toBe(2);
    const body = await text(path);
    expect(body).toContain('Les signataires');
    expect(body).toContain('Pôle emploi est systématiquement signataire des contrats de ville');
    expect(body).not.toContain('FEM-1a —');
  });

  it('refuses, in French and without writing, an unknown pack or id, a wrong extension, an existing file not chosen in the dialog', async () => {
    const h = host();
    const path = h.folder.file('support.docx');
    expect(await h.call('export:referentiel', { path, packId: 'inconnu' })).toMatchObject({ ok: false, error: expect.stringMatching(/« inconnu » n’est pas disponible/) });
    expect(await h.call('export:referentiel', { path, packId: 'annexe-1-2014', requirementIds: ['ZZZ-1'] })).toMatchObject({ ok: false, error: expect.stringMatching(/« ZZZ-1 »/) });
    expect(await h.call('export:referentiel', { path: h.folder.file('support.odt'), packId: 'annexe-1-2014' })).toMatchObject({ ok: false, error: expect.stringMatching(/extension \.docx/) });
    expect(readdirSync(h.folder.dir).filter((n) => n.startsWith('support'))).toEqual([]);
    writeFileSync(path, 'ancien');
    expect(await h.call('export:referentiel', { path, packId: 'annexe-1-2014' })).toMatchObject({ ok: false, error: expect.stringMatching(/existe déjà/) });
    expect(readFileSync(path, 'utf8')).toBe('ancien');
  });

  it('replaces an existing file when the save dialog answered its path', async () => {
    const h = host();
    const path = h.folder.file('support.docx');
    writeFileSync(path, 'ancien');
    h.dialogAnswers.exportTo = path;
    await h.value('dialog:saveExport', { suggestedName: 'support', format: 'docx' });
    const done = await h.value('export:referentiel', { path, packId: 'quartiers-2030', requirementIds: ['EQ-PART'] });
    expect(done.requirements).toBe(1);
    expect(await text(path)).toContain('EQ-PART');
  });
});
