import { frenchDate } from '../dates';
import { reportTitle, VERDICT_COUNT_NOTE, type ReviewReportInput } from './input';
import type { MissingItem } from '../../review/summary';

/**
 * The « Rapport d’analyse » as format-neutral blocks, written by both the DOCX and the ODT writer, so the two
 * reports say the same thing in the same order. `front` goes on portrait pages (ended by the signature block),
 * `annex` on the grille's pages.
 */

export type ReportBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string; note?: boolean; bold?: boolean }
  | { kind: 'list'; items: string[] }
  | {
      kind: 'table';
      /** Unique in the document (ODT table names). */
      name: string;
      header: string[];
      rows: string[][];
      /** Shares of the text width, one per column. */
      widths: number[];
      /** Rows (0-based, header excluded) written in bold: a total. */
      boldRows?: number[];
      boldColumn?: number;
    };

/** « auto­matique » carries a soft hyphen: it breaks there in a narrow column. */
export const GRILLE_HEADER = ['Exigence', 'Source (annexe 1 ou texte)', 'État auto\u00admatique', 'Verdict', 'Commentaire', 'Où dans le contrat'];

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;

function missingBlocks(items: MissingItem[], none: string): ReportBlock[] {
  if (items.length === 0) return [{ kind: 'paragraph', text: none }];
  return [{ kind: 'list', items: items.map((m) => `${m.id} — ${m.title} (${m.why})`) }];
}

export function reportSections(input: ReviewReportInput): { front: ReportBlock[]; annex: ReportBlock[] } {
  const { summary, reviewer } = input;
  const by = reviewer ? `${reviewer.nom.trim()}${reviewer.qualite.trim() ? `, ${reviewer.qualite.trim()}` : ''}` : '[À compléter : nom et qualité du relecteur]';
  const ruled = input.rows.filter((r) => r.verdict !== null).length;
  const front: ReportBlock[] = [
    { kind: 'title', text: reportTitle(input.territoire) },
    { kind: 'paragraph', text: `Établi le ${frenchDate(input.date)} par ${by}.` },
    {
      kind: 'paragraph',
      note: true,
      text:
        `Analyse au regard du référentiel « ${input.pack.title} » (version ${input.pack.version}) : ` +
        `${plural(input.rows.length, 'exigence examinée', 'exigences examinées')}, dont ${plural(ruled, 'avec un verdict', 'avec un verdict')}.` +
        (input.original ? `\nDocument examiné : ${input.original.name} (empreinte SHA-256 ${input.original.sha256}).` : ''),
    },
    { kind: 'heading', level: 1, text: 'Synthèse' },
    { kind: 'heading', level: 2, text: 'Verdicts' },
    {
      kind: 'table',
      name: 'Verdicts',
      header: ['Verdict', 'Exigences'],
      rows: [...summary.byVerdict.map((v) => [v.label, String(v.count)]), ['Total', String(input.rows.length)]],
      widths: [0.7, 0.3],
      boldRows: [summary.byVerdict.length],
    },
    { kind: 'heading', level: 2, text: 'Par pilier et par axe' },
    {
      kind: 'table',
      name: 'Synthèse par pilier et axe',
      header: ['Pilier ou axe', 'Exigences', 'Conformes', 'À compléter', 'Non conformes', 'Sans objet', 'Sans verdict'],
      rows: summary.byAxis.map((a) =>
        [a.label, a.total, a.counts.conforme, a.counts['a-completer'], a.counts['non-conforme'], a.counts['sans-objet'], a.counts.none].map(String),
      ),
      widths: [0.22, 0.13, 0.14, 0.12, 0.14, 0.12, 0.13],
    },
    { kind: 'heading', level: 2, text: 'Signataires manquants' },
    ...missingBlocks(summary.missingSignatories, 'Aucun : chaque signataire attendu figure au contrat ou a été jugé conforme ou sans objet.'),
    { kind: 'heading', level: 2, text: 'Annexes manquantes' },
    ...missingBlocks(summary.missingAnnexes, 'Aucune : chaque annexe attendue figure au contrat ou a été jugée conforme ou sans objet.'),
    { kind: 'heading', level: 1, text: 'Avis général' },
    { kind: 'paragraph', text: input.opinion.trim() || '[À compléter : avis général du relecteur]' },
    { kind: 'heading', level: 1, text: 'Signature' },
  ];
  const annex: ReportBlock[] = [
    { kind: 'heading', level: 1, text: 'Grille d’analyse' },
    { kind: 'paragraph', note: true, text: VERDICT_COUNT_NOTE },
    {
      kind: 'table',
      name: 'Grille d’analyse',
      header: GRILLE_HEADER,
      rows: input.rows.map((r) => [
        `${r.id} — ${r.title}`,
        r.source,
        r.automaticLabel,
        r.verdictLabel,
        [...r.comments, ...(r.reviewer && r.at ? [`(${r.reviewer}, ${frenchDate(r.at)})`] : [])].join('\n') || '—',
        r.where,
      ]),
      widths: [0.18, 0.29, 0.11, 0.1, 0.18, 0.14],
      boldColumn: 3,
    },
  ];
  if (input.comments.length > 0) {
    annex.push(
      { kind: 'heading', level: 1, text: 'Commentaires sur des passages' },
      {
        kind: 'table',
        name: 'Commentaires',
        header: ['Où dans le contrat', 'Passage', 'Commentaire', 'Auteur et date'],
        rows: input.comments.map((c) => [
          c.requirementId ? `${c.where}\n(exigence ${c.requirementId})` : c.where,
          c.quote ? `« ${c.quote} »` : '—',
          c.text,
          `${c.reviewer}, ${c.date}`,
        ]),
        widths: [0.22, 0.3, 0.3, 0.18],
      },
    );
  }
  return { front, annex };
}
