import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommentRecord, VerdictRecord } from '../api/contract';
import { createProject, openProject } from './open';
import type { ProjectFile } from './projectFile';
import { manualClock, sampleMeta, sampleSections, temporaryFolder } from './testProject';

let folder: ReturnType<typeof temporaryFolder>;
beforeEach(() => {
  folder = temporaryFolder();
});
afterEach(() => folder.remove());

const reviewer = { nom: 'Claire Martin', qualite: 'Déléguée du préfet' };
const verdict = (requirementId: string, at: string, over: Partial<VerdictRecord> = {}): VerdictRecord => ({
  requirementId,
  verdict: 'non-conforme',
  comment: 'Le volet manque.',
  automaticStatus: 'missing',
  reviewer,
  at,
  ...over,
});
const comment = (id: string, at: string, over: Partial<CommentRecord> = {}): CommentRecord => ({
  id,
  requirementId: 'FEM-1a',
  anchor: { sectionId: 'diagnostic', blockId: 'diagnostic/0', start: 4, end: 13, quote: 'quartiers' },
  text: 'Préciser les chiffres.',
  reviewer,
  at,
  ...over,
});

/** Bytes with every value 0–255, twice: any re-encoding would change them. */
const originalBytes = new Uint8Array(512).map((_, i) => i % 256);

function created(path = folder.file('relecture.pilier')): ProjectFile {
  const clock = manualClock();
  const made = createProject(path, sampleMeta({ mode: 'relecture' }), sampleSections(), { clock: clock.now, original: { name: 'contrat reçu.docx', bytes: originalBytes } });
  if (!made.ok) throw new Error(made.error);
  return made.value;
}

describe('the review tables', () => {
  it('keep the original file byte for byte, with its fingerprint', () => {
    const project = created();
    const state = project.review().state();
    const sha = createHash('sha256').update(originalBytes).digest('hex');
    expect(state.ok && state.value.original).toEqual({ name: 'contrat reçu.docx', sha256: sha, sizeBytes: 512, importedAt: '2025-03-01T09:00:00.000Z' });
    const original = project.review().original();
    expect(original.ok && Buffer.from(original.value!.bytes).equals(Buffer.from(originalBytes))).toBe(true);
    project.close();
  });

  it('start empty, and keep reviewer, verdicts, comments and opinion across a reopening', () => {
    const path = folder.file('relecture.pilier');
    const project = created(path);
    expect(project.review().state()).toMatchObject({ ok: true, value: { reviewer: null, verdicts: [], comments: [], opinion: '' } });
    const store = project.review();
    expect(store.setReviewer(reviewer)).toEqual({ ok: true, value: reviewer });
    expect(store.setVerdict(verdict('FEM-1a', '2025-03-01T10:00:00.000Z')).ok).toBe(true);
    expect(store.setVerdict(verdict('FEM-1a', '2025-03-01T10:05:00.000Z', { verdict: 'a-completer', comment: 'À préciser.' })).ok).toBe(true);
    expect(store.setVerdict(verdict('JUS-1', '2025-03-01T10:06:00.000Z', { verdict: null, automaticStatus: null })).ok).toBe(true);
    expect(store.addComment(comment('c1', '2025-03-01T10:07:00.000Z')).ok).toBe(true);
    expect(store.addComment(comment('c2', '2025-03-01T10:08:00.000Z', { anchor: null, requirementId: null })).ok).toBe(true);
    expect(store.setOpinion('Contrat incomplet : trois volets manquent.')).toEqual({ ok: true, value: null });
    expect(store.deleteComment('c2')).toEqual({ ok: true, value: null });
    expect(store.deleteComment('c2')).toEqual({ ok: false, error: expect.stringContaining('n’existe plus') });
    project.close();

    const reopened = openProject(path);
    if (!reopened.ok) throw new Error(reopened.error);
    const state = reopened.value.review().state();
    expect(state).toEqual({
      ok: true,
      value: {
        reviewer,
        verdicts: [
          verdict('FEM-1a', '2025-03-01T10:05:00.000Z', { verdict: 'a-completer', comment: 'À préciser.' }),
          verdict('JUS-1', '2025-03-01T10:06:00.000Z', { verdict: null, automaticStatus: null }),
        ],
        comments: [comment('c1', '2025-03-01T10:07:00.000Z')],
        opinion: 'Contrat incomplet : trois volets manquent.',
        original: expect.objectContaining({ name: 'contrat reçu.docx', sizeBytes: 512 }),
      },
    });
    reopened.value.close();
  });

  it('apply a merge all at once, leaving known comments as they are', () => {
    const project = created();
    const store = project.review();
    store.addComment(comment('c1', '2025-03-01T10:07:00.000Z'));
    const applied = store.apply({
      verdicts: [verdict('CAD-SIG-PREF', '2025-03-02T10:00:00.000Z', { verdict: 'conforme' })],
      comments: [comment('c1', '2025-03-01T10:07:00.000Z', { text: 'Autre texte' }), comment('c3', '2025-03-02T10:00:00.000Z')],
      opinion: 'Avis du relecteur',
    });
    expect(applied.ok).toBe(true);
    const state = store.state();
    if (!state.ok) throw new Error(state.error);
    expect(state.value.verdicts.map((v) => v.requirementId)).toEqual(['CAD-SIG-PREF']);
    expect(state.value.comments.map((c) => [c.id, c.text])).toEqual([
      ['c1', 'Préciser les chiffres.'],
      ['c3', 'Préciser les chiffres.'],
    ]);
    expect(state.value.opinion).toBe('Avis du relecteur');
    project.close();
  });

  it('refuse stored JSON that is not a reviewer or an anchor, in French, without throwing', () => {
    const path = folder.file('relecture.pilier');
    const project = created(path);
    project.review().addComment(comment('c1', '2025-03-01T10:07:00.000Z'));
    project.close();
    const raw = new Database(path);
    raw.prepare("UPDATE review_comments SET anchor = '{\"sectionId\": 3}' WHERE id = 'c1'").run();
    raw.close();
    const reopened = openProject(path);
    if (!reopened.ok) throw new Error(reopened.error);
    expect(reopened.value.review().state()).toEqual({
      ok: false,
      error: expect.stringMatching(/^Les données de relecture de relecture\.pilier sont endommagées \(le passage du commentaire c1 est illisible\)/),
    });
    reopened.value.close();
  });

  it('refuse verdicts the schema does not know (the table checks them too)', () => {
    const project = created();
    const bad = project.review().setVerdict(verdict('FEM-1a', '2025-03-01T10:00:00.000Z', { verdict: 'excellent' as never }));
    expect(bad.ok).toBe(false);
    expect(project.review().state()).toMatchObject({ ok: true, value: { verdicts: [] } });
    project.close();
  });
});
