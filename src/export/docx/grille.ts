import { HeadingLevel, Paragraph, TableRow, TextRun, type FileChild, type ParagraphChild } from 'docx';
import { GRILLE_TITLE, grilleRows, type GrilleRow } from '../grille';
import type { ExportInput } from '../input';
import { columnWidths, styledTable, textCell } from './blocks';
import { frenchDate } from '../dates';
import { cleanText } from './inline';
import { LANDSCAPE_TEXT_WIDTH, LANGUAGE, STYLE } from './styles';

/**
 * The « Grille de complétude » annex: a summary by pilier or axe, then every obligatoire and attendu
 * requirement with its status, where the contract covers it and its source. Its headings are not numbered (an
 * annex, not a chapter of the contract).
 */

const language = { value: LANGUAGE };
const GROUP_FILL = 'F2F2F2';
const run = (text: string, bold = false): TextRun => new TextRun({ text: cleanText(text), language, ...(bold ? { bold: true } : {}) });
const cell = (text: string, bold = false) => textCell([[run(text, bold)]]);
const header = (titles: string[]): TableRow => new TableRow({ tableHeader: true, cantSplit: true, children: titles.map((t) => textCell([[run(t, true)]], { header: true })) });

const heading = (text: string, level: 1 | 2): Paragraph =>
  new Paragraph({ heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, numbering: false, children: [run(text)] });

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;
}

/** A row across the table naming the pilier or axe of the rows below it. */
function groupRow(label: string): TableRow {
  return new TableRow({ cantSplit: true, children: [textCell([[run(label, true)]], { columnSpan: 5, fill: GROUP_FILL, keepNext: true })] });
}

function detailRow(row: GrilleRow): TableRow {
  const requirement: ParagraphChild[] = [run(row.id, true), run(` ${row.title}`)];
  const where = row.where.length > 0 ? row.where.map((w) => [run(w)] as ParagraphChild[]) : [[run('—')]];
  return new TableRow({
    cantSplit: true,
    children: [textCell([requirement]), cell(row.levelLabel), cell(row.statusLabel, row.status !== 'covered'), textCell(where), cell(row.source)],
  });
}

/** The annex's blocks, for a landscape section of their own. */
export function grilleAnnex(input: ExportInput): FileChild[] {
  const { rows, summary, totals } = grilleRows(input);
  const out: FileChild[] = [
    heading(GRILLE_TITLE, 1),
    new Paragraph({
      style: STYLE.note,
      children: [
        run(
          `Grille établie le ${frenchDate(input.date)} au regard du référentiel « ${input.pack.title} » (version ${input.meta.referentiel.version}) : ` +
            `${plural(totals.total, 'exigence obligatoire ou attendue', 'exigences obligatoires ou attendues')}, dont ` +
            `${plural(totals.covered, 'couverte', 'couvertes')}, ${plural(totals.partial, 'partielle', 'partielles')} et ${plural(totals.missing, 'manquante', 'manquantes')}. ` +
            'Couverte : le contrat traite l’exigence ; partielle : il l’évoque sans la traiter entièrement ; manquante : aucun passage ne la traite. ' +
            'Vérification automatique par Pilier, à confirmer par une relecture.',
        ),
      ],
    }),
    heading('Synthèse par pilier et par axe', 2),
  ];
  const summaryRows = [
    header(['Pilier ou axe', 'Exigences', 'Couvertes', 'Partielles', 'Manquantes']),
    ...summary.map(
      (s) => new TableRow({ cantSplit: true, children: [cell(s.label), cell(String(s.total)), cell(String(s.covered)), cell(String(s.partial)), cell(String(s.missing), s.missing > 0)] }),
    ),
    new TableRow({
      cantSplit: true,
      children: [cell('Total', true), cell(String(totals.total), true), cell(String(totals.covered), true), cell(String(totals.partial), true), cell(String(totals.missing), true)],
    }),
  ];
  out.push(styledTable(summaryRows, columnWidths(5, [0.44, 0.14, 0.14, 0.14, 0.14], LANDSCAPE_TEXT_WIDTH)));
  out.push(heading('Exigences obligatoires et attendues', 2));
  const detail = [header(['Exigence', 'Niveau', 'État', 'Où dans le contrat', 'Source'])];
  rows.forEach((row, i) => {
    if (i === 0 || rows[i - 1]!.axis !== row.axis) detail.push(groupRow(row.axisLabel));
    detail.push(detailRow(row));
  });
  out.push(styledTable(detail, columnWidths(5, [0.3, 0.1, 0.1, 0.27, 0.23], LANDSCAPE_TEXT_WIDTH)));
  return out;
}
