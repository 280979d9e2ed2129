import type { CheckReport, RequirementResult, Status } from '../../src/check';
import type { Referentiel } from '../../src/referential';
import { walkSections } from '../../src/template/load';
import type { TemplateSection } from '../../src/template/schema';
import { STATUS_LABEL } from './labels';

export interface Coverage {
  status: Status;
  /** The requirements the status is made of. */
  counted: RequirementResult[];
  /** « 2 exigences obligatoires ou attendues sur 3 couvertes » */
  summary: string;
}

/** Every requirement a template section serves, its sub-sections' included. */
export function requirementsOfSection(section: TemplateSection): string[] {
  return [...new Set(walkSections([section]).flatMap(({ section: s }) => s.requirements))];
}

/**
 * The coverage state of a section: from its obligatoire and attendu requirements (the recommended actions
 * would keep every section « partiel » forever), or from all of them when it serves only recommended ones.
 * Covered when all are covered, missing when none is even partly, partial otherwise.
 */
export function sectionCoverage(section: TemplateSection, report: CheckReport): Coverage | null {
  const ids = new Set(requirementsOfSection(section));
  const served = report.requirements.filter((r) => ids.has(r.id));
  if (served.length === 0) return null;
  const binding = served.filter((r) => r.level !== 'recommandé');
  const counted = binding.length > 0 ? binding : served;
  const covered = counted.filter((r) => r.status === 'covered').length;
  const started = counted.filter((r) => r.status !== 'missing').length;
  const status: Status = covered === counted.length ? 'covered' : started === 0 ? 'missing' : 'partial';
  const what = binding.length > 0 ? 'exigences obligatoires ou attendues' : 'exigences recommandées';
  return { status, counted, summary: `${STATUS_LABEL[status]} : ${covered} sur ${counted.length} ${what} couvertes` };
}

export interface AxisCount {
  id: string;
  label: string;
  group: string;
  counts: Record<Status, number>;
  total: number;
}

/** Counts by axis, in the référentiel's order of axes (for the chart and the group headings). */
export function countsByAxis(report: CheckReport, pack: Referentiel): AxisCount[] {
  return pack.axes.map((axis) => {
    const counts: Record<Status, number> = { covered: 0, partial: 0, missing: 0 };
    for (const r of report.requirements) if (r.axis === axis.id) counts[r.status]++;
    return { id: axis.id, label: axis.label, group: axis.group, counts, total: counts.covered + counts.partial + counts.missing };
  });
}
