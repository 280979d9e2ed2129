import type { CheckReport, RequirementResult, Status } from '../check/report';
import { KINDS, type Kind, type Referentiel } from '../referential/schema';

/** The `--json` shape, field for field: nothing more, nothing less. */
export interface JsonReport {
  file: string;
  referentiel: { id: string; version: string };
  summary: { covered: number; partial: number; missing: number };
  requirements: {
    id: string;
    title: string;
    kind: string;
    level: string;
    source: string;
    status: Status;
    confidence: number;
    reason: string;
    evidence: { text: string; blockId: string; start: number; end: number; headingPath: string[] }[];
  }[];
}

export function toJson(file: string, report: CheckReport): JsonReport {
  return {
    file,
    referentiel: { id: report.referentiel.id, version: report.referentiel.version },
    summary: { covered: report.summary.covered, partial: report.summary.partial, missing: report.summary.missing },
    requirements: report.requirements.map((r) => ({
      id: r.id,
      title: r.title,
      kind: r.kind,
      level: r.level,
      source: r.source,
      status: r.status,
      confidence: r.confidence,
      reason: r.reason,
      evidence: r.evidence.map((e) => ({ text: e.text, blockId: e.blockId, start: e.start, end: e.end, headingPath: [...e.headingPath] })),
    })),
  };
}

const SYMBOLS: Record<Status, string> = { covered: '✔', partial: '◐', missing: '✘' };
const COLORS: Record<Status, string> = { covered: '\u001b[32m', partial: '\u001b[33m', missing: '\u001b[31m' };
const RESET = '\u001b[0m';
const KIND_LABELS: Record<Kind, string> = {
  volet: 'Volets',
  signataire: 'Signataires',
  partenaire: 'Partenaires à associer',
  action: 'Actions',
  cible: 'Cibles chiffrées',
};
const QUOTE_MAX = 100;
const MAX_LISTED = 12;

export interface FormatOptions {
  color?: boolean;
}

function symbol(status: Status, options: FormatOptions): string {
  return options.color ? `${COLORS[status]}${SYMBOLS[status]}${RESET}` : SYMBOLS[status];
}

function width(text: string): number {
  return [...text].length;
}

function pad(text: string, size: number): string {
  return text + ' '.repeat(Math.max(0, size - width(text)));
}

function padStart(text: string, size: number): string {
  return ' '.repeat(Math.max(0, size - width(text))) + text;
}

/** A quote on one line, cut at a word boundary with « … » when long. */
export function truncateQuote(text: string, max = QUOTE_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (width(flat) <= max) return flat;
  const cut = [...flat].slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

function plural(n: number, singular: string, pluralForm: string): string {
  return `${n} ${n < 2 ? singular : pluralForm}`; // French: « 0 manquante », « 1 couverte »
}

function missingMandatory(report: CheckReport): string[] {
  return report.requirements.filter((r) => r.level === 'obligatoire' && r.status === 'missing').map((r) => r.id);
}

function listIds(ids: string[]): string {
  if (ids.length <= MAX_LISTED) return ids.join(', ');
  return `${ids.slice(0, MAX_LISTED).join(', ')}… (+${ids.length - MAX_LISTED})`;
}

/** « 41 couvertes · 12 partielles · 83 manquantes — obligatoires manquantes : … » */
export function summaryLine(report: CheckReport): string {
  const { covered, partial, missing } = report.summary;
  const counts = [
    plural(covered, 'couverte', 'couvertes'),
    plural(partial, 'partielle', 'partielles'),
    plural(missing, 'manquante', 'manquantes'),
  ].join(' · ');
  const mandatory = missingMandatory(report);
  const tail = mandatory.length === 0 ? 'aucune obligatoire manquante' : `obligatoires manquantes : ${listIds(mandatory)}`;
  return `${counts} — ${tail}`;
}

/** The last two headings of a path (the document's title above them adds nothing on a terminal). */
export function shortPath(path: string[]): string {
  const shown = path.slice(-2).map((h) => truncateQuote(h, 60));
  return `${path.length > 2 ? '… › ' : ''}${shown.join(' › ')}`;
}

function requirementLines(r: RequirementResult, idWidth: number, options: FormatOptions): string[] {
  const indent = ' '.repeat(4 + idWidth + 2 + 11 + 2);
  const lines = [`  ${symbol(r.status, options)} ${pad(r.id, idWidth)}  ${pad(r.level, 11)}  ${r.title}`];
  let reason = r.reason;
  if (r.figure && !/national/i.test(reason)) {
    const local = r.figure.local === undefined ? 'aucun chiffre local' : `local ${r.figure.local} ${r.figure.unit}`;
    reason += ` (${local} · national ${r.figure.national} ${r.figure.unit})`;
  }
  if (reason) lines.push(`${indent}${reason}`);
  const first = r.evidence[0];
  if (first) {
    const where = first.headingPath.length > 0 ? ` — ${shortPath(first.headingPath)}` : '';
    lines.push(`${indent}« ${truncateQuote(first.text)} »${where}`);
  }
  return lines;
}

/**
 * The report for one file, as a reviewer reads it: grouped by pilier or axe (in the référentiel's order),
 * then by kind; one entry per requirement with its state, level, title, reason and first quote.
 */
export function formatReport(file: string, report: CheckReport, pack: Referentiel, options: FormatOptions = {}): string {
  const out: string[] = [
    `Fichier : ${file}`,
    `Référentiel : ${pack.title} (${report.referentiel.id}, version ${report.referentiel.version})`,
    `Légende : ${SYMBOLS.covered} couverte · ${SYMBOLS.partial} partielle · ${SYMBOLS.missing} manquante`,
  ];
  const idWidth = Math.max(0, ...report.requirements.map((r) => width(r.id)));
  const axisOrder = pack.axes.map((a) => a.id);
  for (const r of report.requirements) if (!axisOrder.includes(r.axis)) axisOrder.push(r.axis);
  for (const axisId of axisOrder) {
    const inAxis = report.requirements.filter((r) => r.axis === axisId);
    if (inAxis.length === 0) continue;
    const label = pack.axes.find((a) => a.id === axisId)?.label ?? axisId;
    const done = inAxis.filter((r) => r.status === 'covered').length;
    out.push('', `■ ${label} — ${done}/${inAxis.length} couvertes`);
    for (const kind of KINDS) {
      const ofKind = inAxis.filter((r) => r.kind === kind);
      if (ofKind.length === 0) continue;
      out.push(` ${KIND_LABELS[kind]}`);
      for (const r of ofKind) out.push(...requirementLines(r, idWidth, options));
    }
  }
  out.push('', summaryLine(report));
  return `${out.join('\n')}\n`;
}

export interface FileRow {
  file: string;
  report?: CheckReport;
  error?: string;
}

/** One summary row per file, for a folder or several files. */
export function formatSummaryTable(rows: FileRow[]): string {
  const header = ['Fichier', 'Couvertes', 'Partielles', 'Manquantes', 'Obligatoires manquantes'];
  const cells = rows.map((row) => {
    if (!row.report) return [row.file, '—', '—', '—', 'illisible (voir le message ci-dessus)'];
    const { covered, partial, missing } = row.report.summary;
    const mandatory = missingMandatory(row.report);
    const listed = mandatory.length === 0 ? 'aucune' : `${mandatory.length} : ${listIds(mandatory)}`;
    return [row.file, String(covered), String(partial), String(missing), listed];
  });
  const widths = header.map((h, i) => Math.max(width(h), ...cells.map((c) => width(c[i]!))));
  const line = (c: string[]): string =>
    c
      .map((text, i) => (i === 0 || i === 4 ? pad(text, i === 4 ? 0 : widths[i]!) : padStart(text, widths[i]!)))
      .join('  ')
      .trimEnd();
  const ok = rows.filter((r) => r.report).length;
  const footer = `${plural(ok, 'fichier vérifié', 'fichiers vérifiés')}${ok < rows.length ? `, ${plural(rows.length - ok, 'illisible', 'illisibles')}` : ''}.`;
  return `${[line(header), ...cells.map(line), '', footer].join('\n')}\n`;
}
