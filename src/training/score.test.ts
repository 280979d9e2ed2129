import { describe, expect, it } from 'vitest';
import { outcomeOf, scoreExercise, scoreSentence, type ExerciseAnswer, type Mark } from './score';

const ANSWER: ExerciseAnswer[] = [
  { id: 'FEM-1a', status: 'missing' },
  { id: 'SAN-5', status: 'missing' },
  { id: 'CAD-VOL-CUL', status: 'missing' },
  { id: 'EDU-4', status: 'partial' },
  { id: 'CAD-SIG-REG', status: 'partial' },
  { id: 'JUS-1', status: 'covered' },
  { id: 'EMP-5b', status: 'covered' },
  { id: 'CAD-SIG-PREF', status: 'covered' },
];

describe('exercise score', () => {
  it('counts found gaps, exact statuses, missed gaps and false alerts', () => {
    const marks: Record<string, Mark> = {
      'FEM-1a': 'missing',
      'SAN-5': 'partial',
      'CAD-VOL-CUL': 'missing',
      'EDU-4': 'partial',
      'JUS-1': 'missing',
      'EMP-5b': 'partial',
      'CAD-SIG-PREF': 'present',
    };
    const score = scoreExercise(ANSWER, marks);
    expect(score).toMatchObject({ gaps: 5, found: 4, exact: 3, missed: 1, falseAlerts: 2 });
    expect(score.outcomes.find((o) => o.id === 'CAD-SIG-REG')?.outcome).toBe('missed');
    expect(score.outcomes.find((o) => o.id === 'SAN-5')?.outcome).toBe('found-other-status');
    expect(score.outcomes.map((o) => o.id)).toEqual(ANSWER.map((a) => a.id));
    expect(scoreSentence(score)).toBe('4 manques trouvés sur 5 · 2 fausses alertes');
  });

  it('treats an unmarked requirement as « présent » and ignores marks outside the exercise', () => {
    const score = scoreExercise(ANSWER, { 'FEM-1a': 'missing', 'HORS-1': 'missing' });
    expect(score).toMatchObject({ gaps: 5, found: 1, exact: 1, missed: 4, falseAlerts: 0 });
    expect(scoreSentence(score)).toBe('1 manque trouvé sur 5 · 0 fausse alerte');
  });

  it('gives a perfect score only when every gap and no covered requirement is marked', () => {
    const perfect = scoreExercise(ANSWER, { 'FEM-1a': 'missing', 'SAN-5': 'missing', 'CAD-VOL-CUL': 'missing', 'EDU-4': 'partial', 'CAD-SIG-REG': 'partial' });
    expect(perfect).toMatchObject({ found: 5, exact: 5, missed: 0, falseAlerts: 0 });
    expect(outcomeOf('covered', undefined)).toBe('right-present');
    expect(outcomeOf('covered', 'partial')).toBe('false-alert');
    expect(outcomeOf('partial', 'present')).toBe('missed');
  });
});
