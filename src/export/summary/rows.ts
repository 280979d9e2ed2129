import type { CheckReport } from '../../check/report';
import type { Block, ContractDocument } from '../../document/model';

/**
 * The data of a batch summary: one row per contract received (its counts and the `obligatoire` requirements it
 * misses), or the reason it could not be read; totals. What `pilier check <dossier> --summary` prints as JSON and
 * writes as a DOCX. Pure.
 */

export interface CheckedRow {
  file: string;
  format: string;
  territoire?: string;
  covered: number;
  partial: number;
  missing: number;
  /** `obligatoire` requirements the checker found missing, in the pack's order. */
  missingObligatoire: { id: string; title: string }[];
}

export interface FailedRow {
  file: string;
  error: string;
}

export type SummaryRow = CheckedRow | FailedRow;

export interface BatchSummary {
  /** ISO date (YYYY-MM-DD) the summary was made. */
  date: string;
  referentiel: { id: string; version: string; title: string };
  rows: SummaryRow[];
  totals: {
    contracts: number;
    checked: number;
    unreadable: number;
    /** Contracts with no `obligatoire` requirement missing. */
    complete: number;
    covered: number;
    partial: number;
    missing: number;
    missingObligatoire: number;
  };
}

export const isChecked = (row: SummaryRow): row is CheckedRow => !('error' in row);

/** A collectivité named with its name after it: « Communauté d’agglomération du Grand Brévannais ». */
const COLLECTIVITE =
  /\b((?:communauté (?:d[’']agglomération|de communes|urbaine)|métropole|établissement public territorial|eurométropole|agglomération)\s+(?:(?:de la|de l[’']|du|des|de|d[’'])\s*)?\p{L}[^;:()]{1,80})/iu;
/** What follows « Contrat de ville », « Le contrat-cadre intercommunal de la politique de la ville »… and its article. */
const AFTER_CONTRACT =
  /^(?:le\s+)?contrat(?:[-\s]cadre)?(?:\s+unique)?(?:\s+de\s+ville)?(?:\s+intercommunal)?(?:\s+de\s+la\s+politique\s+de\s+la\s+ville)?\s*(?:[-–—:]\s*)?(?:(?:de\s+la|de\s+l[’']|du|des|d[’']|de)\s*)?(.*)$/iu;

/** A name as it can be shown: its first part, without dates or end punctuation, capitalised; undefined if unlikely. */
function clean(text: string): string | undefined {
  const t = text
    .split(/\s[—–-]\s|[;:(,]/u)[0]!
    .replace(/[.\s—–-]+$/u, '')
    .trim();
  if (t.length < 3 || t.length > 100 || /^\[/.test(t) || !/^\p{L}/u.test(t)) return undefined;
  return t[0]!.toLocaleUpperCase('fr-FR') + t.slice(1);
}

/** The territoire in a title that starts « Contrat de ville… » (quoted names and periods left out). */
function fromTitle(title: string): string | undefined {
  const t = title
    .replace(/«[^»]*»/g, ' ')
    .replace(/\(?\b\d{4}\s*[-–]\s*\d{4}\b\)?/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!/^(?:le\s+)?contrat\b/iu.test(t)) return undefined;
  const collectivite = COLLECTIVITE.exec(t);
  if (collectivite) return clean(collectivite[1]!);
  const after = AFTER_CONTRACT.exec(t)?.[1];
  return after ? clean(after) : undefined;
}

/**
 * The territoire a contract names, if it can be told: from a title « Contrat de ville 2015-2020 de la Communauté
 * d’agglomération du Grand Brévannais » (the document's, a heading near the top, or the line after a cover page's
 * « Contrat de ville », where Pilier writes it), else the first collectivité named near the top. Undefined
 * otherwise: the row shows the file.
 */
export function territoireOf(document: ContractDocument): string | undefined {
  const early: Block[] = document.blocks.slice(0, 80).filter((b) => !b.placeholder && b.type !== 'tableCell');
  const cover = early.findIndex((b) => /^contrat de ville\.?$/i.test(b.text.trim()));
  const coverNext = cover >= 0 ? early[cover + 1]?.text : undefined;
  const titles = [document.title, coverNext, ...early.filter((b) => b.type === 'heading').map((b) => b.text)].filter((t): t is string => Boolean(t));
  for (const title of titles) {
    const found = fromTitle(title);
    if (found) return found;
  }
  if (coverNext && coverNext.length <= 100 && !/[.;]$/.test(coverNext)) {
    const found = clean(coverNext);
    if (found) return found;
  }
  for (const b of early.slice(0, 30)) {
    const m = b.text.length <= 300 ? COLLECTIVITE.exec(b.text) : null;
    const found = m ? clean(m[1]!) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** A contract's row from its check report. */
export function checkedRow(file: string, format: string, document: ContractDocument, report: CheckReport): CheckedRow {
  const territoire = territoireOf(document);
  return {
    file,
    format,
    ...(territoire ? { territoire } : {}),
    covered: report.summary.covered,
    partial: report.summary.partial,
    missing: report.summary.missing,
    missingObligatoire: report.requirements.filter((r) => r.level === 'obligatoire' && r.status === 'missing').map((r) => ({ id: r.id, title: r.title })),
  };
}

/** The summary of a batch, with its totals. */
export function batchSummary(rows: SummaryRow[], referentiel: BatchSummary['referentiel'], date: string): BatchSummary {
  const checked = rows.filter(isChecked);
  const sum = (pick: (r: CheckedRow) => number): number => checked.reduce((n, r) => n + pick(r), 0);
  return {
    date,
    referentiel,
    rows,
    totals: {
      contracts: rows.length,
      checked: checked.length,
      unreadable: rows.length - checked.length,
      complete: checked.filter((r) => r.missingObligatoire.length === 0).length,
      covered: sum((r) => r.covered),
      partial: sum((r) => r.partial),
      missing: sum((r) => r.missing),
      missingObligatoire: sum((r) => r.missingObligatoire.length),
    },
  };
}

const n = (value: number): string => value.toLocaleString('fr-FR').replace(/\s/g, '\u00a0');
const plural = (count: number, one: string, many: string): string => `${n(count)} ${count > 1 ? many : one}`;

/** « 12 contrats reçus, 11 vérifiés, 1 illisible ; 4 contiennent toutes les exigences obligatoires. » */
export function summarySentence(summary: BatchSummary): string {
  const t = summary.totals;
  const read = `${plural(t.contracts, 'contrat reçu', 'contrats reçus')}, ${plural(t.checked, 'vérifié', 'vérifiés')}${t.unreadable > 0 ? `, ${plural(t.unreadable, 'illisible', 'illisibles')}` : ''}`;
  const complete =
    t.checked === 1
      ? t.complete === 1
        ? 'il contient'
        : 'il ne contient pas'
      : t.complete === t.checked && t.checked > 0
        ? 'tous contiennent'
        : t.complete === 0
          ? 'aucun ne contient'
          : `${n(t.complete)} ${t.complete > 1 ? 'contiennent' : 'contient'}`;
  return `${read} ; ${complete} toutes les exigences obligatoires.`;
}
