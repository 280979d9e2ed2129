import type { CheckReport, RequirementResult } from '../../src/check';
import { KINDS, type Kind, type Referentiel } from '../../src/referential';
import type { ChecklistFilters } from '../store/checkSlice';

export interface KindGroup {
  kind: Kind;
  requirements: RequirementResult[];
}

export interface AxisGroup {
  axisId: string;
  label: string;
  group: string;
  kinds: KindGroup[];
  /** Requirements shown in this axis (after filters). */
  shown: number;
  covered: number;
  /** Requirements of this axis before filters. */
  total: number;
}

export function passesFilters(r: RequirementResult, filters: ChecklistFilters): boolean {
  if (filters.mandatoryOnly && r.level !== 'obligatoire') return false;
  if (filters.missingOnly && r.status !== 'missing') return false;
  return true;
}

/** The checklist's tree: axes in the référentiel's order, then kinds (volets first), each filtered. */
export function groupRequirements(report: CheckReport, pack: Referentiel, filters: ChecklistFilters): AxisGroup[] {
  return pack.axes.map((axis) => {
    const all = report.requirements.filter((r) => r.axis === axis.id);
    const shown = all.filter((r) => passesFilters(r, filters));
    return {
      axisId: axis.id,
      label: axis.label,
      group: axis.group,
      kinds: KINDS.map((kind) => ({ kind, requirements: shown.filter((r) => r.kind === kind) })).filter((k) => k.requirements.length > 0),
      shown: shown.length,
      covered: all.filter((r) => r.status === 'covered').length,
      total: all.length,
    };
  });
}
