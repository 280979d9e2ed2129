import mammoth from 'mammoth';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Anchor, OpenedProject } from '../api/contract';
import { documentFromSections } from '../document/lexical';
import { buildContractDocx } from '../export/docx/index';
import { buildContractOdt } from '../export/odt/index';
import { exportFixtures } from '../export/testInputs';
import { editorStateJson, paragraphNode, textNode } from '../template/lexicalNodes';
import { convertToPdf, libreOfficeTools } from '../../tests/libreoffice';
import { testHost, type TestHost } from './testServices';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const fixtures = exportFixtures(read);
const reviewer = { nom: 'Claire Martin', qualite: 'Déléguée du préfet' };
const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

let host: TestHost;
beforeEach(() => {
  host = testHost();
});
afterEach(() => host.dispose());

/** The demo contract as Pilier exports it, written where a reviewer would have received it. */
async function receivedDocx(name = 'Contrat Val-de-Brume.docx'): Promise<{ path: string; bytes: Uint8Array }> {
  const bytes = await buildContractDocx(fixtures.demo());
  const path = host.folder.file(name);
  writeFileSync(path, bytes);
  return { path, bytes };
}

/** An anchor on the first long paragraph of the opened project. */
function anchorIn(opened: OpenedProject, length = 30): Anchor {
  const block = documentFromSections(opened.sections).blocks.find((b) => b.type === 'paragraph' && b.text.length > 80)!;
  return { sectionId: block.source!.section, blockId: block.id, start: 0, end: length, quote: block.text.slice(0, length) };
}

describe('review mode, end to end through the services', () => {
  it('imports a DOCX, records verdicts and comments, exports report and package, and finds everything after reopening', async () => {
    const received = await receivedDocx();
    const projectPath = host.folder.file('Relecture.pilier');
    const opened = await host.value('review:import', { sourcePath: received.path, projectPath });
    expect(opened.meta.mode).toBe('relecture');
    expect(opened.meta.territoire).toBe(fixtures.demo().meta.territoire);
    expect(opened.meta.periode).toEqual(fixtures.demo().meta.periode);
    expect(opened.sections.map((s) => s.title.replace(/\u00a0/g, ' '))).toEqual(fixtures.demo().sections.map((s) => s.title.replace(/\u00a0/g, ' ')));
    expect(host.services.currentPath()).toBe(projectPath);

    const loaded = await host.value('review:load');
    expect(loaded).toMatchObject({ reviewer: null, verdicts: [], comments: [], opinion: '' });
    expect(loaded.original).toEqual({ name: 'Contrat Val-de-Brume.docx', sha256: sha(received.bytes), sizeBytes: received.bytes.length, importedAt: '2025-03-01T09:00:00.000Z' });

    const early = await host.call('review:setVerdict', { requirementId: 'FEM-1a', verdict: 'non-conforme', comment: '', automaticStatus: 'missing' });
    expect(early).toEqual({ ok: false, error: 'Indiquez d’abord qui relit (nom et qualité) : le verdict n’a pas été enregistré.' });

    await host.value('review:setReviewer', reviewer);
    host.clock.advance(60_000);
    const verdicts = [
      { requirementId: 'FEM-1a', verdict: 'non-conforme', comment: 'Aucun volet égalité dédié.', automaticStatus: 'missing' },
      { requirementId: 'JUS-1', verdict: 'a-completer', comment: 'Le procureur ne signe pas.', automaticStatus: 'covered' },
      { requirementId: 'CAD-GOV-DIAG', verdict: 'conforme', comment: 'Diagnostic chiffré.', automaticStatus: 'covered' },
    ] as const;
    for (const v of verdicts) {
      const recorded = await host.value('review:setVerdict', v);
      expect(recorded).toEqual({ ...v, reviewer, at: '2025-03-01T09:01:00.000Z' });
    }
    const anchor = anchorIn(opened);
    const comment = await host.value('review:addComment', { requirementId: null, anchor, text: 'Source du chiffre ?' });
    const general = await host.value('review:addComment', { requirementId: null, anchor: null, text: 'À supprimer' });
    await host.value('review:deleteComment', { id: general.id });
    await host.value('review:setOpinion', { opinion: 'Contrat à compléter avant signature.' });

    host.dialogAnswers.exportTo = host.folder.file('Rapport.docx');
    const reportTarget = await host.value('dialog:saveExport', { suggestedName: 'Rapport d’analyse', format: 'docx' });
    const report = await host.value('review:exportReport', { path: reportTarget!.path, format: 'docx' });
    expect(report.sizeBytes).toBeGreaterThan(10_000);
    const reportText = (await mammoth.extractRawText({ buffer: readFileSync(report.path) })).value.replace(/\s+/g, ' ');
    for (const text of [...verdicts.map((v) => v.comment), 'Source du chiffre ?', 'Contrat à compléter avant signature.', 'Non conforme', 'Claire Martin']) {
      expect(reportText, text).toContain(text.replace(/ \?$/, ''));
    }
    const odt = await host.value('review:exportReport', { path: host.folder.file('Rapport.odt'), format: 'odt' });
    expect(odt.format).toBe('odt');
    // Without the dialog's consent, an existing report is not replaced.
    expect(await host.call('review:exportReport', { path: report.path, format: 'docx' })).toMatchObject({ ok: false, error: expect.stringContaining('existe déjà') });

    host.dialogAnswers.packageTo = host.folder.file('Relecture Val-de-Brume');
    const packagePath = (await host.value('dialog:saveReviewPackage', { suggestedName: 'Relecture — Val-de-Brume' }))!.path;
    expect(packagePath.endsWith('Relecture Val-de-Brume.pilier-relecture')).toBe(true);
    const written = await host.value('review:exportPackage', { path: packagePath });
    expect(written.sizeBytes).toBeGreaterThan(100);

    await host.value('project:close');
    await host.value('project:open', { path: projectPath });
    const again = await host.value('review:load');
    expect(again.reviewer).toEqual(reviewer);
    expect(again.verdicts.map((v) => [v.requirementId, v.verdict, v.comment])).toEqual(
      [...verdicts].sort((a, b) => a.requirementId.localeCompare(b.requirementId)).map((v) => [v.requirementId, v.verdict, v.comment]),
    );
    expect(again.comments).toEqual([comment]);
    expect(again.opinion).toBe('Contrat à compléter avant signature.');
    expect(again.original?.sha256).toBe(sha(received.bytes));

    // The author's project: the demo, with the commented passage edited since the review.
    const author = await host.value('project:openDemo');
    const edited = documentFromSections(author.sections).blocks.find((b) => b.text.startsWith(anchor.quote))!;
    const section = author.sections.find((s) => s.id === edited.source!.section)!;
    const editedText = `Texte réécrit par l’auteur après la relecture.`;
    await host.value('project:saveSections', { changes: [{ id: section.id, content: editorStateJson([paragraphNode([textNode(editedText)])]) }] });
    const merged = await host.value('review:importPackage', { path: packagePath });
    expect(merged.verdictsAdded).toBe(3);
    expect(merged.commentsAdded).toBe(1);
    expect(merged.conflicts).toEqual([{ commentId: comment.id, quote: anchor.quote, why: 'le passage a été modifié depuis la relecture' }]);
    expect(merged.project.sections.find((s) => s.id === section.id)!.content).toContain(editedText);
    const authorState = await host.value('review:load');
    expect(authorState.verdicts).toHaveLength(3);
    expect(authorState.comments[0]).toMatchObject({ id: comment.id, text: 'Source du chiffre ?', anchor: { sectionId: section.id, blockId: '', quote: anchor.quote } });
    // Importing it again adds nothing.
    expect(await host.value('review:importPackage', { path: packagePath })).toMatchObject({ verdictsAdded: 0, commentsAdded: 0, conflicts: [] });
  }, 60_000);

  it('reads a received contract against the référentiel of its generation, from its période', async () => {
    const received2030 = host.folder.file('Contrat Lisonne 2024-2030.md');
    writeFileSync(received2030, read('seeds/corpus/15-lisonne-quartiers-2030-priorites.md'));
    const opened2030 = await host.value('review:import', { sourcePath: received2030, projectPath: host.folder.file('Relecture Lisonne.pilier') });
    expect(opened2030.meta.periode).toEqual({ debut: '2024', fin: '2030' });
    expect(opened2030.meta.referentiel.id).toBe('quartiers-2030');

    await host.value('project:close');
    const received2015 = host.folder.file('Contrat Grand Brévannais.md');
    writeFileSync(received2015, read('seeds/corpus/01-grand-brevannais-2015.md'));
    const opened2015 = await host.value('review:import', { sourcePath: received2015, projectPath: host.folder.file('Relecture Brévannais.pilier') });
    expect(opened2015.meta.periode.debut).toBe('2015');
    expect(opened2015.meta.referentiel.id).toBe('annexe-1-2014');
  });

  it('imports an ODT Pilier exported, keeping it byte for byte', async () => {
    const bytes = buildContractOdt(fixtures.demo());
    const sourcePath = host.folder.file('contrat.odt');
    writeFileSync(sourcePath, bytes);
    const opened = await host.value('review:import', { sourcePath, projectPath: host.folder.file('Relecture ODT.pilier') });
    expect(opened.sections.length).toBe(fixtures.demo().sections.length);
    expect((await host.value('review:load')).original).toMatchObject({ name: 'contrat.odt', sha256: sha(bytes), sizeBytes: bytes.length });
  });
});

const lo = libreOfficeTools();

describe.skipIf(!lo.ok)('review mode on a PDF (made by LibreOffice from the exported DOCX)', () => {
  it('imports the PDF into sections the checker reads, keeping the PDF byte for byte', async () => {
    if (!lo.ok) return;
    const converted = await convertToPdf(lo.tools, await buildContractDocx(fixtures.demo()), 'contrat.docx');
    try {
      const bytes = new Uint8Array(readFileSync(converted.pdf));
      const opened = await host.value('review:import', { sourcePath: converted.pdf, projectPath: host.folder.file('Relecture PDF.pilier') });
      expect(opened.meta.mode).toBe('relecture');
      expect(opened.sections.length).toBeGreaterThan(5);
      console.log(`PDF reçu : ${opened.sections.length} sections, ${documentFromSections(opened.sections).blocks.length} blocs`);
      expect((await host.value('review:load')).original).toMatchObject({ name: 'contrat.pdf', sha256: sha(bytes), sizeBytes: bytes.length });
    } finally {
      await converted.dispose();
    }
  }, 120_000);
});

describe('review mode refuses bad input, leaving nothing behind', () => {
  const leftovers = (): string[] => readdirSync(host.folder.dir).filter((f) => f.includes('.pilier'));

  it('a corrupt file: a French message, no project created', async () => {
    const sourcePath = host.folder.file('contrat.docx');
    writeFileSync(sourcePath, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]));
    const result = await host.call('review:import', { sourcePath, projectPath: host.folder.file('r.pilier') });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^Le fichier contrat\.docx est endommagé.*Aucun contrat n’a été créé\.$/) });
    expect(leftovers()).toEqual([]);
    expect(host.services.currentPath()).toBeNull();
  });

  it('a cancelled import: the progress shows, then nothing is created', async () => {
    const received = await receivedDocx();
    const running = host.call('review:import', { sourcePath: received.path, projectPath: host.folder.file('r.pilier') });
    expect(await host.value('task:progress')).toEqual({ label: 'Lecture de Contrat Val-de-Brume.docx', done: 0, total: 1 });
    expect(await host.call('review:import', { sourcePath: received.path, projectPath: host.folder.file('autre.pilier') })).toMatchObject({ ok: false, error: expect.stringContaining('déjà en cours') });
    await host.value('task:cancel');
    expect(await running).toEqual({ ok: false, error: 'Import annulé : rien n’a été créé.' });
    expect(await host.value('task:progress')).toBeNull();
    expect(leftovers()).toEqual([]);
  });

  it('a missing file, an existing project, no open project, a package that is not one', async () => {
    expect(await host.call('review:import', { sourcePath: host.folder.file('absent.pdf'), projectPath: host.folder.file('r.pilier') })).toMatchObject({
      ok: false,
      error: expect.stringContaining('est introuvable'),
    });
    expect(await host.call('review:load')).toEqual({ ok: false, error: expect.stringContaining('Aucun contrat n’est ouvert') });
    await host.value('project:openDemo');
    const bad = host.folder.file('faux.pilier-relecture');
    writeFileSync(bad, 'bonjour');
    expect(await host.call('review:importPackage', { path: bad })).toEqual({
      ok: false,
      error: 'Le fichier faux.pilier-relecture n’est pas une relecture Pilier (.pilier-relecture) : son contenu est illisible : rien n’a été importé.',
    });
    expect(existsSync(host.folder.file('r.pilier'))).toBe(false);
  });
});
