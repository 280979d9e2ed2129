import { describe, expect, it } from 'vitest';
import type { CommentRecord, ReviewState, VerdictRecord } from '../api/contract';
import { documentFromSections } from '../document/lexical';
import { editorStateJson, paragraphNode, textNode } from '../template/lexicalNodes';
import { PASSAGE_CHANGED, relocate } from './anchor';
import { mergePackage } from './merge';
import type { ReviewPackage } from './package';

const claire = { nom: 'Claire Martin', qualite: 'Déléguée du préfet' };
const body = (...paragraphs: string[]): string => editorStateJson(paragraphs.map((p) => paragraphNode([textNode(p)])));

/** The author's draft: « diagnostic » has two paragraphs, « gouvernance » one. */
const draft = (diagnostic: string[], gouvernance = ['Le comité de pilotage se réunit deux fois par an.']) =>
  documentFromSections([
    { id: 'diagnostic', position: 0, title: 'Diagnostic', content: body(...diagnostic) },
    ...(gouvernance.length > 0 ? [{ id: 'gouvernance', position: 1, title: 'Gouvernance', content: body(...gouvernance) }] : []),
  ]);

const ORIGINAL = ['Le quartier des Tilleuls compte 4 200 habitants.', 'Le taux de chômage atteint 27 % des actifs.'];

const verdict = (requirementId: string, at: string, over: Partial<VerdictRecord> = {}): VerdictRecord => ({
  requirementId,
  verdict: 'non-conforme',
  comment: 'Volet absent.',
  automaticStatus: 'missing',
  reviewer: claire,
  at,
  ...over,
});

function anchored(id: string, quote: string, blockId: string, start: number, sectionId = 'diagnostic'): CommentRecord {
  return { id, requirementId: null, anchor: { sectionId, blockId, start, end: start + quote.length, quote }, text: `Remarque ${id}`, reviewer: claire, at: '2025-03-02T10:00:00.000Z' };
}

function pkg(over: Partial<ReviewPackage> = {}): ReviewPackage {
  return {
    format: 'pilier-relecture',
    schemaVersion: 1,
    createdAt: '2025-03-02T12:00:00.000Z',
    referentiel: { id: 'annexe-1-2014', version: '1.0.0' },
    territoire: 'Val-Fictif',
    original: null,
    reviewer: claire,
    opinion: '',
    verdicts: [],
    comments: [],
    ...over,
  };
}

const empty: Pick<ReviewState, 'verdicts' | 'comments' | 'opinion'> = { verdicts: [], comments: [], opinion: '' };
let n = 0;
const newId = (): string => `merge-${++n}`;

describe('re-anchoring a passage', () => {
  const doc = draft(ORIGINAL);
  const chomage = anchored('c', '27 %', 'diagnostic/1', ORIGINAL[1]!.indexOf('27 %'));

  it('keeps an anchor whose passage is still there', () => {
    expect(relocate(chomage.anchor!, doc)).toEqual({ found: true, anchor: chomage.anchor, match: 'exact' });
  });

  it('follows the passage when text was inserted before it, in the block or in the section', () => {
    const edited = 'En 2024, le taux de chômage atteint 27 % des actifs.';
    const moved = relocate(chomage.anchor!, draft([ORIGINAL[0]!, edited]));
    expect(moved).toEqual({ found: true, match: 'block', anchor: { ...chomage.anchor, start: edited.indexOf('27 %'), end: edited.indexOf('27 %') + 4 } });
    const shifted = relocate(chomage.anchor!, draft(['Un paragraphe ajouté.', ...ORIGINAL]));
    expect(shifted).toMatchObject({ found: true, match: 'section', anchor: { blockId: 'diagnostic/2', start: chomage.anchor!.start } });
  });

  it('finds a passage moved to another section', () => {
    const moved = relocate(chomage.anchor!, draft([ORIGINAL[0]!], ['Le taux de chômage atteint 27 % des actifs.']));
    expect(moved).toMatchObject({ found: true, match: 'document', anchor: { sectionId: 'gouvernance', blockId: 'gouvernance/0' } });
  });

  it('says why when the passage was edited, and keeps the quote and the section', () => {
    const lost = relocate(chomage.anchor!, draft([ORIGINAL[0]!, 'Le taux de chômage atteint 25 % des actifs.']));
    expect(lost).toEqual({ found: false, why: PASSAGE_CHANGED, anchor: { sectionId: 'diagnostic', blockId: '', start: 0, end: 0, quote: '27 %' } });
  });
});

describe('merging a review package', () => {
  it('adds verdicts and comments to a project without review, re-anchoring passages', () => {
    const plan = mergePackage({
      current: empty,
      incoming: pkg({ verdicts: [verdict('FEM-1a', '2025-03-02T10:00:00.000Z')], comments: [anchored('c1', 'Tilleuls', 'diagnostic/0', ORIGINAL[0]!.indexOf('Tilleuls'))], opinion: 'Incomplet.' }),
      document: draft(['Préambule ajouté par l’auteur.', ...ORIGINAL]),
      newId,
    });
    expect(plan.result).toEqual({ verdictsAdded: 1, commentsAdded: 1, conflicts: [] });
    expect(plan.write.comments[0]!.anchor).toMatchObject({ blockId: 'diagnostic/1', start: ORIGINAL[0]!.indexOf('Tilleuls'), quote: 'Tilleuls' });
    expect(plan.write.opinion).toBe('Incomplet.');
  });

  it('keeps a comment on an edited passage and lists it as a conflict', () => {
    const plan = mergePackage({
      current: empty,
      incoming: pkg({ comments: [anchored('c1', '27 %', 'diagnostic/1', ORIGINAL[1]!.indexOf('27 %'))] }),
      document: draft([ORIGINAL[0]!, 'Le taux de chômage est de 25 %.']),
      newId,
    });
    expect(plan.write.comments).toHaveLength(1);
    expect(plan.write.comments[0]!.anchor).toEqual({ sectionId: 'diagnostic', blockId: '', start: 0, end: 0, quote: '27 %' });
    expect(plan.result.conflicts).toEqual([{ commentId: 'c1', quote: '27 %', why: PASSAGE_CHANGED }]);
  });

  it('keeps a comment on a deleted section, saying the section is gone', () => {
    const plan = mergePackage({
      current: empty,
      incoming: pkg({ comments: [anchored('c1', 'deux fois par an', 'gouvernance/0', 32, 'gouvernance')] }),
      document: draft(ORIGINAL, []),
      newId,
    });
    expect(plan.write.comments.map((c) => c.id)).toEqual(['c1']);
    expect(plan.result.conflicts).toHaveLength(1);
    expect(plan.result.conflicts[0]!.why).toMatch(/^le passage a été modifié depuis la relecture : la section où il se trouvait a été supprimée/);
  });

  it('adds nothing when the same package is imported twice', () => {
    const incoming = pkg({ verdicts: [verdict('FEM-1a', '2025-03-02T10:00:00.000Z')], comments: [anchored('c1', 'Tilleuls', 'diagnostic/0', ORIGINAL[0]!.indexOf('Tilleuls'))], opinion: 'Incomplet.' });
    const first = mergePackage({ current: empty, incoming, document: draft(ORIGINAL), newId });
    const after = { verdicts: first.write.verdicts, comments: first.write.comments, opinion: first.write.opinion ?? '' };
    const second = mergePackage({ current: after, incoming, document: draft(ORIGINAL), newId });
    expect(second.write).toEqual({ verdicts: [], comments: [] });
    expect(second.result).toEqual({ verdictsAdded: 0, commentsAdded: 0, conflicts: [] });
  });

  it('replaces an older verdict with a newer one, keeping the older comment', () => {
    const current = { ...empty, verdicts: [verdict('FEM-1a', '2025-03-01T10:00:00.000Z', { verdict: 'a-completer', comment: 'Chiffres à préciser.' })] };
    const plan = mergePackage({ current, incoming: pkg({ verdicts: [verdict('FEM-1a', '2025-03-02T10:00:00.000Z')] }), document: draft(ORIGINAL), newId });
    expect(plan.write.verdicts).toEqual([verdict('FEM-1a', '2025-03-02T10:00:00.000Z')]);
    expect(plan.write.comments.map((c) => [c.requirementId, c.text])).toEqual([['FEM-1a', 'Verdict antérieur remplacé (à compléter) : Chiffres à préciser.']]);
    expect(plan.result.verdictsAdded).toBe(1);
  });

  it('keeps a newer verdict already in the project; the older one’s comment is kept and listed', () => {
    const current = { ...empty, verdicts: [verdict('FEM-1a', '2025-03-05T10:00:00.000Z', { verdict: 'conforme', comment: 'Corrigé.' })] };
    const plan = mergePackage({ current, incoming: pkg({ verdicts: [verdict('FEM-1a', '2025-03-02T10:00:00.000Z')] }), document: draft(ORIGINAL), newId });
    expect(plan.write.verdicts).toEqual([]);
    expect(plan.write.comments.map((c) => c.text)).toEqual(['Verdict plus ancien que celui du projet (non conforme) : Volet absent.']);
    expect(plan.result.verdictsAdded).toBe(0);
    expect(plan.result.conflicts[0]!.why).toContain('verdict plus récent sur FEM-1a');
  });

  it('keeps a differing overall opinion as a comment instead of replacing the project’s', () => {
    const plan = mergePackage({ current: { ...empty, opinion: 'Avis précédent.' }, incoming: pkg({ opinion: 'Avis nouveau.' }), document: draft(ORIGINAL), newId });
    expect(plan.write.opinion).toBeUndefined();
    expect(plan.write.comments.map((c) => c.text)).toEqual(['Avis général de la relecture : Avis nouveau.']);
    expect(plan.result.conflicts).toHaveLength(1);
  });
});
