import type { Evidence, Status } from '../check/report';
import type { Kind, Referentiel, Requirement } from '../referential/schema';
import type { ExportInput } from './input';

/**
 * The rows of the « Grille de complétude » annex, shared by the DOCX and ODT writers: every `obligatoire` and
 * `attendu` requirement of the pack with its status in French, where the contract covers it and where it comes
 * from, grouped by pilier or axe in the pack's order, and a summary by pilier or axe. Pure data.
 */

export type GrilleLevel = 'obligatoire' | 'attendu';

/** The annex's title, as both writers print it; readers know Pilier's grille by it when its wrapper is lost. */
export const GRILLE_TITLE = 'Annexe — Grille de complétude';

/** Statuses as the grille prints them: they agree with « exigence » (feminine). */
export const STATUS_LABELS: Record<Status, string> = { covered: 'couverte', partial: 'partielle', missing: 'manquante' };
export const LEVEL_LABELS: Record<GrilleLevel, string> = { obligatoire: 'obligatoire', attendu: 'attendue' };

/** How many places a row names at most (the first ones in reading order of the evidence). */
const MAX_PLACES = 3;

export interface GrilleRow {
  id: string;
  title: string;
  kind: Kind;
  level: GrilleLevel;
  /** « obligatoire », « attendue ». */
  levelLabel: string;
  axis: string;
  /** The pilier or axe's label (« Cohésion sociale »). */
  axisLabel: string;
  status: Status;
  /** « couverte », « partielle », « manquante ». */
  statusLabel: string;
  /**
   * Where the contract covers it: the section's title, then the sub-section's when there is one
   * (« Pilier 1 — Cohésion sociale › Santé »), at most three places; empty when the requirement is missing.
   */
  where: string[];
  /** Short citation of the source: « Annexe 1, convention SAN (19 avril 2013) », « Loi n° 2014-173 …, art. 6 ». */
  source: string;
  /** The verbatim text of the annex bullet or legal provision. */
  sourceText: string;
}

export interface GrilleSummaryRow {
  axis: string;
  label: string;
  /** `pilier`, `axe transversal`, `gouvernance`… as the pack groups its axes. */
  group: string;
  total: number;
  covered: number;
  partial: number;
  missing: number;
}

export interface Grille {
  rows: GrilleRow[];
  summary: GrilleSummaryRow[];
  totals: { total: number; covered: number; partial: number; missing: number };
}

/** « Loi n° 2014-173 du 21 février 2014, art. 6 » from « Loi n° 2014-173 …, art. 6 (paraphrase) ; circulaire … ». */
function firstCitation(legalBasis: string): string {
  const first = legalBasis.split(/\s+;\s+/)[0] ?? legalBasis;
  return first.replace(/\s*\((?:paraphrase|citation|d’après)[^)]*\)/giu, '').trim();
}

/** The short source of a requirement: its convention of the annex when it has one, else its first legal citation. */
export function sourceLabel(requirement: Requirement, pack: Referentiel): string {
  const convention = requirement.convention ? pack.conventions.find((c) => c.id === requirement.convention) : undefined;
  if (convention) return `Annexe 1, convention ${convention.id} (${convention.date})`;
  return firstCitation(requirement.legalBasis);
}

/** The place of one piece of evidence: its section's title (from the block id) and its sub-section. */
function placeOf(evidence: Evidence, titles: Map<string, string>): string {
  const slash = evidence.blockId.indexOf('/');
  const section = slash > 0 ? titles.get(evidence.blockId.slice(0, slash)) : undefined;
  const path = evidence.headingPath;
  if (section !== undefined) {
    const sub = path[0] === section ? path[1] : undefined;
    return sub ? `${section} › ${sub}` : section;
  }
  // A document read from a file: its headings are all there is.
  if (path.length === 0) return evidence.text;
  return path.slice(0, 2).join(' › ');
}

function placesOf(evidence: Evidence[], titles: Map<string, string>): string[] {
  const places: string[] = [];
  for (const e of evidence) {
    const place = placeOf(e, titles).trim();
    if (place && !places.includes(place)) places.push(place);
    if (places.length === MAX_PLACES) break;
  }
  return places;
}

/**
 * The grille's rows and summary. Requirements the report does not list (a report from another pack) are left
 * out; rows follow the pack's axes, then the pack's order within an axe.
 */
export function grilleRows(input: Pick<ExportInput, 'sections' | 'pack' | 'report'>): Grille {
  const { pack, report } = input;
  const titles = new Map(input.sections.map((s) => [s.id, s.title]));
  const axes = new Map(pack.axes.map((a, i) => [a.id, { axis: a, order: i }]));
  const results = new Map(report.requirements.map((r) => [r.id, r]));
  const rows: (GrilleRow & { order: number })[] = [];
  pack.requirements.forEach((requirement, index) => {
    if (requirement.level === 'recommandé') return;
    const result = results.get(requirement.id);
    if (!result) return;
    const level: GrilleLevel = requirement.level;
    const axis = axes.get(requirement.axis);
    rows.push({
      id: requirement.id,
      title: requirement.title,
      kind: requirement.kind,
      level,
      levelLabel: LEVEL_LABELS[level],
      axis: requirement.axis,
      axisLabel: axis?.axis.label ?? requirement.axis,
      status: result.status,
      statusLabel: STATUS_LABELS[result.status],
      where: result.status === 'missing' ? [] : placesOf(result.evidence, titles),
      source: sourceLabel(requirement, pack),
      sourceText: requirement.source,
      order: (axis?.order ?? pack.axes.length) * 10_000 + index,
    });
  });
  rows.sort((a, b) => a.order - b.order);

  const summary: GrilleSummaryRow[] = [];
  for (const row of rows) {
    let entry = summary.at(-1);
    if (entry?.axis !== row.axis) {
      entry = { axis: row.axis, label: row.axisLabel, group: axes.get(row.axis)?.axis.group ?? 'autre', total: 0, covered: 0, partial: 0, missing: 0 };
      summary.push(entry);
    }
    entry.total++;
    entry[row.status]++;
  }
  const totals = { total: rows.length, covered: 0, partial: 0, missing: 0 };
  for (const row of rows) totals[row.status]++;
  return { rows: rows.map(({ order: _order, ...row }) => row), summary, totals };
}
