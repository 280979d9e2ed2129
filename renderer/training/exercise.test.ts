import packText from '../../seeds/referentiel-annexe-1-2014.json?raw';
import demoText from '../../seeds/demo/contrat-demo.md?raw';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check';
import { parseMarkdown } from '../../src/document/markdown';
import { parsePack } from '../../src/referential';
import { scoreExercise, scoreSentence } from '../../src/training/score';
import { exerciseAnswer, exerciseGroups } from './exercise';

const parsed = parsePack(packText, 'referentiel-annexe-1-2014.json');
if (!parsed.ok) throw new Error(parsed.error);
const pack = parsed.pack;

describe('the gap-finding exercise on the demo contract', () => {
  it('asks about the obligatoire and attendu requirements only, grouped by axis', () => {
    const asked = exerciseGroups(pack).flatMap((g) => g.requirements);
    expect(asked.length).toBe(pack.requirements.filter((r) => r.level !== 'recommandé').length);
    expect(asked.some((r) => r.level === 'recommandé')).toBe(false);
    expect(asked.map((r) => r.id)).toContain('EMP-5b');
  });

  it('finds in the checker’s answer the five deliberate gaps of the demo, and scores a trainee who marks three', () => {
    const answer = exerciseAnswer(pack, check(parseMarkdown(demoText), pack));
    const gaps = answer.filter((a) => a.status !== 'covered').map((a) => a.id);
    expect(gaps.sort()).toEqual(['CAD-SIG-REG', 'CAD-VOL-CUL', 'EDU-4', 'FEM-1a', 'SAN-5']);
    const score = scoreExercise(answer, { 'FEM-1a': 'missing', 'SAN-5': 'missing', 'CAD-SIG-REG': 'partial', 'JUS-1': 'missing' });
    expect(scoreSentence(score)).toBe('3 manques trouvés sur 5 · 1 fausse alerte');
  });
});
