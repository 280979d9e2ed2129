import { describe, expect, it } from 'vitest';
import type { Referentiel } from '../referential/schema';
import { analyzeBlock } from './analyze';
import { compilePack } from './compile';
import { TEST_PACK } from './testPack';

/** TEST_PACK with one more requirement whose phrases nest and share their first words. */
const NESTED: Referentiel = {
  ...TEST_PACK,
  id: 'nested',
  requirements: [
    ...TEST_PACK.requirements,
    {
      ...TEST_PACK.requirements[0]!,
      id: 'CV-1',
      title: 'Contrat de ville',
      kind: 'action',
      evidence: {
        ...TEST_PACK.requirements[0]!.evidence,
        phrases: ['contrat de ville et de cohésion urbaine', 'contrat', 'contrat de ville', 'contrat de plan'],
        acronyms: [],
        headings: [],
      },
    },
  ],
};

const labels = (text: string, pack: Referentiel = NESTED) => {
  const compiled = compilePack(pack);
  const a = analyzeBlock(text, compiled);
  return a.hits.map((h) => `${compiled.phrases[h.phrase]!.label} @${text.slice(h.start, h.end)}`);
};

describe('analyzeBlock phrase matching', () => {
  it('finds every phrase that starts at a word, nested ones included, in the pack’s order', () => {
    expect(labels('Le contrat de ville et de cohésion urbaine est signé.')).toEqual([
      'contrat de ville et de cohésion urbaine @contrat de ville et de cohésion urbaine',
      'contrat @contrat',
      'contrat de ville @contrat de ville',
    ]);
  });

  it('stops where the words stop matching, and at the end of the block', () => {
    expect(labels('Un contrat de plan, puis un contrat de ville')).toEqual([
      'contrat @contrat',
      'contrat de plan @contrat de plan',
      'contrat @contrat',
      'contrat de ville @contrat de ville',
    ]);
    expect(labels('Contrats de ville et de cohésion')).toEqual(['contrat @Contrats', 'contrat de ville @Contrats de ville']);
  });

  it('matches inflected forms and skips stop words inside phrases', () => {
    expect(labels('L’égalité des femmes et des hommes', TEST_PACK)).toEqual([
      'égalité entre les femmes et les hommes @égalité des femmes et des hommes',
    ]);
  });

  it('keeps only the block’s own lists: one block’s words do not leak into the next', () => {
    const compiled = compilePack(NESTED);
    const long = analyzeBlock('contrat de ville '.repeat(50), compiled);
    const short = analyzeBlock('Le quartier prioritaire.', compiled);
    expect(long.hits).toHaveLength(100);
    expect(short.hits).toEqual([]);
    expect(short.norms).toEqual(['quartier', 'prioritaire']);
    expect(short.normText).toBe(' quartier prioritaire');
    expect(short.sentences).toHaveLength(1);
  });
});
