import { strFromU8, unzipSync } from 'fflate';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportFormat } from '../api/contract';
import { check, type CheckReport } from '../check';
import { documentFromSections } from '../document/lexical';
import { GRILLE_TITLE } from '../export/grille';
import { readDocx } from '../import/docx';
import { readOdt } from '../import/odt';
import { lexical, sampleMeta } from '../project/testProject';
import { exportFileName, localIsoDate, withExportExtension } from './exportContract';
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

const TYPED = 'Le volet cohésion sociale porte sur l’éducation, la santé et l’accès aux droits des habitants des quartiers prioritaires.';

/** A created contract with one volet typed in, as the renderer's autosave stores it. */
async function contract(h: TestHost): Promise<string> {
  const path = h.folder.file('Val-Fictif.pilier');
  await h.value('project:create', { path, meta: sampleMeta() });
  await h.value('project:saveSections', { changes: [{ id: 'pilier-cohesion-sociale', content: lexical(TYPED) }] });
  return path;
}

const pack = () => {
  const loaded = contractSources(SEEDS_DIR, TEMPLATES_DIR).pack(sampleMeta().referentiel.id, sampleMeta().referentiel.version);
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.value;
};

const statuses = (report: CheckReport) => Object.fromEntries(report.requirements.map((r) => [r.id, r.status]));

async function readBack(path: string, format: ExportFormat) {
  const bytes = new Uint8Array(readFileSync(path));
  const read = format === 'docx' ? await readDocx(bytes, 'contrat.docx') : await readOdt(bytes, 'contrat.odt');
  if (!read.ok) throw new Error(read.error);
  const part = strFromU8(unzipSync(bytes)[format === 'docx' ? 'word/document.xml' : 'content.xml']!);
  return { document: read.document, hasGrille: part.includes(GRILLE_TITLE) };
}

describe.each(['docx', 'odt'] as const)('export:run (%s)', (format) => {
  it('writes the stored sections, checked afresh, with the grille; the checker finds every section back', async () => {
    const h = host();
    await contract(h);
    const target = h.folder.file(`Contrat exporté.${format}`);
    h.dialogAnswers.exportTo = target;
    expect(await h.value('dialog:saveExport', { suggestedName: 'Contrat de ville — Val-Fictif', format })).toEqual({ path: target });
    expect(h.dialogAnswers.suggested).toEqual([`Contrat de ville — Val-Fictif.${format}`]);

    const done = await h.value('export:run', { path: target, format, grille: true });
    expect(done).toMatchObject({ path: target, format, sizeBytes: readFileSync(target).length });
    const { document, hasGrille } = await readBack(target, format);
    expect(hasGrille).toBe(true);
    const text = document.blocks.map((b) => b.text).join('\n');
    expect(text).toContain(TYPED);
    expect(text).toContain('Val-Fictif');

    // What the checker finds in the file is what it finds in the stored sections.
    const project = await h.value('project:open', { path: h.services.currentPath()! });
    const stored = check(documentFromSections(project.sections), pack());
    const back = check(document, pack());
    expect(statuses(back)).toEqual(statuses(stored));
    expect(done.missingObligatoires).toBe(stored.requirements.filter((r) => r.level === 'obligatoire' && r.status === 'missing').length);
    expect(done.missingObligatoires).toBeGreaterThan(0);
    for (const s of project.sections) expect(document.blocks.some((b) => b.type === 'heading' && b.text.includes(s.title.split(' — ')[0]!)), s.title).toBe(true);
    // Nothing left behind: no temporary file beside the export.
    expect(readdirSync(h.folder.dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('leaves the grille out when asked', async () => {
    const h = host();
    await contract(h);
    const target = h.folder.file(`sans-grille.${format}`);
    await h.value('export:run', { path: target, format, grille: false });
    expect((await readBack(target, format)).hasGrille).toBe(false);
  });
});

describe('export:run refuses', () => {
  it('to replace a file the dialog did not answer, and replaces the one it did (once)', async () => {
    const h = host();
    await contract(h);
    const target = h.folder.file('contrat.docx');
    writeFileSync(target, 'ancien');
    expect(await h.call('export:run', { path: target, format: 'docx', grille: true })).toMatchObject({ ok: false, error: expect.stringMatching(/existe déjà .* boîte de dialogue/) });
    expect(readFileSync(target, 'utf8')).toBe('ancien');

    h.dialogAnswers.exportTo = target;
    await h.value('dialog:saveExport', { suggestedName: 'x', format: 'docx' });
    await h.value('export:run', { path: target, format: 'docx', grille: true });
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');
    // The consent was used: a second run without the dialog is refused again.
    expect(await h.call('export:run', { path: target, format: 'docx', grille: true })).toMatchObject({ ok: false });
  });

  it('a name the dialog answered without the extension: completed, but not taken as consent to replace', async () => {
    const h = host();
    await contract(h);
    const stem = h.folder.file('contrat');
    writeFileSync(`${stem}.odt`, 'ancien');
    h.dialogAnswers.exportTo = stem;
    expect(await h.value('dialog:saveExport', { suggestedName: 'x', format: 'odt' })).toEqual({ path: `${stem}.odt` });
    expect(await h.call('export:run', { path: `${stem}.odt`, format: 'odt', grille: true })).toMatchObject({ ok: false, error: expect.stringMatching(/existe déjà/) });
    expect(readFileSync(`${stem}.odt`, 'utf8')).toBe('ancien');
  });

  it('without a project, with a relative path, a wrong extension, or a missing folder', async () => {
    const h = host();
    const target = h.folder.file('contrat.docx');
    expect(await h.call('export:run', { path: target, format: 'docx', grille: true })).toMatchObject({ ok: false, error: expect.stringMatching(/Aucun contrat n’est ouvert/) });
    await contract(h);
    expect(await h.call('export:run', { path: 'contrat.docx', format: 'docx', grille: true })).toMatchObject({ ok: false, error: expect.stringMatching(/chemin complet/) });
    expect(await h.call('export:run', { path: target, format: 'odt', grille: true })).toMatchObject({ ok: false, error: expect.stringMatching(/extension \.odt/) });
    expect(await h.call('export:run', { path: h.folder.file('nulle-part/contrat.docx'), format: 'docx', grille: true })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/dossier .* n’existe pas/),
    });
    expect(existsSync(target)).toBe(false);
  });
});

describe('export file names', () => {
  it('are safe and carry the extension once', () => {
    expect(exportFileName('Contrat : Val/Fictif', 'docx')).toBe('Contrat - Val-Fictif.docx');
    expect(exportFileName('a.ODT', 'odt')).toBe('a.odt');
    expect(exportFileName('', 'odt')).toBe('Contrat de ville.odt');
    expect(withExportExtension('/x/contrat', 'docx')).toBe('/x/contrat.docx');
    expect(withExportExtension('/x/contrat.DOCX', 'docx')).toBe('/x/contrat.DOCX');
  });

  it('take the local calendar day', () => {
    expect(localIsoDate(new Date(2025, 2, 9, 23, 30))).toBe('2025-03-09');
  });
});
