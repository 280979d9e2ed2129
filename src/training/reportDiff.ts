import type { CheckReport, Status } from '../check/report';

/**
 * What switching a project to another référentiel pack changed in its check: the counts before and after, the
 * requirements that appear or disappear, and those present in both whose status changed. Pure.
 */

export interface ReportDiff {
  before: Record<Status, number>;
  after: Record<Status, number>;
  added: { id: string; title: string; status: Status }[];
  removed: { id: string; title: string; status: Status }[];
  statusChanged: { id: string; title: string; from: Status; to: Status }[];
}

/** Compares two check reports of the same text (typically against two packs). */
export function diffReports(before: CheckReport, after: CheckReport): ReportDiff {
  const old = new Map(before.requirements.map((r) => [r.id, r]));
  const now = new Set(after.requirements.map((r) => r.id));
  const added: ReportDiff['added'] = [];
  const statusChanged: ReportDiff['statusChanged'] = [];
  for (const r of after.requirements) {
    const previous = old.get(r.id);
    if (!previous) added.push({ id: r.id, title: r.title, status: r.status });
    else if (previous.status !== r.status) statusChanged.push({ id: r.id, title: r.title, from: previous.status, to: r.status });
  }
  const removed = before.requirements.filter((r) => !now.has(r.id)).map((r) => ({ id: r.id, title: r.title, status: r.status }));
  return { before: { ...before.summary }, after: { ...after.summary }, added, removed, statusChanged };
}
