import type { Status } from '../check/report';

/**
 * Scoring of a « trouver les manques » exercise: the trainee's marks against the checker's answer. Pure, so the
 * renderer, a future CLI and the tests share it.
 *
 * A gap is a requirement the checker reports `missing` or `partial`. The trainee marks each requirement of the
 * exercise « présent », « partiel » or « manquant » (« présent » by default: they only change what they think is
 * lacking). A gap marked partiel or manquant is found (and found with the right status when the mark is the
 * checker's); a covered requirement marked partiel or manquant is a false alert; a gap left « présent » is missed.
 */

export type Mark = 'present' | 'partial' | 'missing';

export type Outcome =
  /** A gap the trainee marked, with the checker's status. */
  | 'found'
  /** A gap the trainee marked, but partiel for manquant or the other way round. */
  | 'found-other-status'
  /** A gap the trainee left « présent ». */
  | 'missed'
  /** Covered, but the trainee marked it partiel or manquant. */
  | 'false-alert'
  /** Covered, and left « présent ». */
  | 'right-present';

export interface ExerciseAnswer {
  id: string;
  status: Status;
}

export interface ExerciseScore {
  /** Gaps in the answer (missing or partial). */
  gaps: number;
  /** Gaps the trainee marked (whatever the status). */
  found: number;
  /** Of those, marked with the checker's very status. */
  exact: number;
  missed: number;
  falseAlerts: number;
  /** Requirement id → outcome, in the answer's order. */
  outcomes: { id: string; outcome: Outcome }[];
}

const isGap = (status: Status): boolean => status !== 'covered';
const flagged = (mark: Mark | undefined): boolean => mark === 'partial' || mark === 'missing';

/** The outcome of one requirement; an unmarked requirement counts as marked « présent ». */
export function outcomeOf(status: Status, mark: Mark | undefined): Outcome {
  if (isGap(status)) {
    if (!flagged(mark)) return 'missed';
    return mark === status ? 'found' : 'found-other-status';
  }
  return flagged(mark) ? 'false-alert' : 'right-present';
}

/** Scores the marks against the answer. Marks on requirements outside the answer are ignored. */
export function scoreExercise(answer: readonly ExerciseAnswer[], marks: Readonly<Record<string, Mark>>): ExerciseScore {
  const outcomes = answer.map((a) => ({ id: a.id, outcome: outcomeOf(a.status, marks[a.id]) }));
  const count = (...kinds: Outcome[]) => outcomes.filter((o) => kinds.includes(o.outcome)).length;
  return {
    gaps: answer.filter((a) => isGap(a.status)).length,
    found: count('found', 'found-other-status'),
    exact: count('found'),
    missed: count('missed'),
    falseAlerts: count('false-alert'),
    outcomes,
  };
}

/** French plural of a noun phrase (« manque trouvé », « fausse alerte »): singular for 0 and 1, as French does. */
function counted(n: number, singular: string, plural: string): string {
  return `${n} ${n > 1 ? plural : singular}`;
}

/** The score in one French line: « 4 manques trouvés sur 5 · 2 fausses alertes ». */
export function scoreSentence(score: ExerciseScore): string {
  const found = `${counted(score.found, 'manque trouvé', 'manques trouvés')} sur ${score.gaps}`;
  return `${found} · ${counted(score.falseAlerts, 'fausse alerte', 'fausses alertes')}`;
}
