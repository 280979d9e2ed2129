import type { CheckReport } from '../../src/check';
import type { Referentiel, Requirement } from '../../src/referential';
import type { ExerciseAnswer } from '../../src/training/score';

/** What an exercise asks about: the requirements a contract must or should show (obligatoire, attendu), by axis. */
export function exerciseGroups(pack: Referentiel): { axisId: string; label: string; requirements: Requirement[] }[] {
  return pack.axes
    .map((axis) => ({
      axisId: axis.id,
      label: axis.label,
      requirements: pack.requirements.filter((r) => r.axis === axis.id && r.level !== 'recommandé'),
    }))
    .filter((g) => g.requirements.length > 0);
}

/** The checker's answer for those requirements (the live report of the read-only contract). */
export function exerciseAnswer(pack: Referentiel, report: CheckReport): ExerciseAnswer[] {
  const statuses = new Map(report.requirements.map((r) => [r.id, r.status]));
  return exerciseGroups(pack).flatMap((g) =>
    g.requirements.flatMap((r) => {
      const status = statuses.get(r.id);
      return status ? [{ id: r.id, status }] : [];
    }),
  );
}
