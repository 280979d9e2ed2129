import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, PageOrientation, Paragraph, TableRow, TextRun, type ParagraphChild } from 'docx';
import { frenchDate } from '../dates';
import { columnWidths, styledTable, textCell } from '../docx/blocks';
import { cleanText } from '../docx/inline';
import { EXTERNAL_STYLES, LANDSCAPE_TEXT_WIDTH, LANGUAGE, PAGE, STYLE, stylesOptions } from '../docx/styles';
import { isChecked, summarySentence, type BatchSummary, type CheckedRow, type SummaryRow } from './rows';

/** The title of the summary document. */
export const SUMMARY_TITLE = 'Synthèse des contrats de ville reçus';

const language = { value: LANGUAGE };
const run = (text: string, bold = false): TextRun => new TextRun({ text: cleanText(text), language, ...(bold ? { bold: true } : {}) });
const cell = (text: string, bold = false) => textCell([[run(text, bold)]]);
const COLUMNS = ['Contrat', 'Territoire', 'Couvertes', 'Partielles', 'Manquantes', 'Exigences obligatoires manquantes'];
const WIDTHS = [0.19, 0.19, 0.1, 0.1, 0.11, 0.31];

const n = (value: number): string => value.toLocaleString('fr-FR').replace(/\s/g, '\u00a0');
const plural = (count: number, one: string, many: string): string => `${n(count)} ${count > 1 ? many : one}`;

function missingCell(row: CheckedRow) {
  if (row.missingObligatoire.length === 0) return cell('Aucune');
  return textCell(row.missingObligatoire.map((m): ParagraphChild[] => [run(m.id, true), run(` ${m.title}`)]));
}

function rowOf(row: SummaryRow): TableRow {
  if (!isChecked(row)) {
    return new TableRow({ cantSplit: true, children: [cell(row.file), textCell([[run('Illisible : ', true), run(row.error)]], { columnSpan: 5 })] });
  }
  return new TableRow({
    cantSplit: true,
    children: [
      cell(`${row.file} (${row.format.toUpperCase()})`),
      cell(row.territoire ?? '—'),
      cell(n(row.covered)),
      cell(n(row.partial)),
      cell(n(row.missing), row.missing > 0),
      missingCell(row),
    ],
  });
}

/**
 * The batch summary as a Word document: title, date and référentiel, one sentence of totals, then a landscape table
 * with one row per contract (file and format, territoire, counts of covered, partial and missing requirements, the
 * missing `obligatoire` ones by id and title) and a totals row. Pure: bytes out, the date comes in the data.
 */
export async function buildSummaryDocx(summary: BatchSummary): Promise<Uint8Array> {
  const t = summary.totals;
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: COLUMNS.map((c) => textCell([[run(c, true)]], { header: true })) });
  const totals = new TableRow({
    cantSplit: true,
    children: [
      cell(`Total (${plural(t.checked, 'contrat', 'contrats')})`, true),
      cell(''),
      cell(n(t.covered), true),
      cell(n(t.partial), true),
      cell(n(t.missing), true),
      cell(plural(t.missingObligatoire, 'exigence obligatoire manquante', 'exigences obligatoires manquantes'), true),
    ],
  });
  const margin = { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: PAGE.header, footer: PAGE.footer };
  const footer = new Footer({
    children: [new Paragraph({ style: STYLE.footer, alignment: AlignmentType.CENTER, children: [new TextRun({ language, children: ['Page ', PageNumber.CURRENT, ' sur ', PageNumber.TOTAL_PAGES] })] })],
  });
  const document = new Document({
    title: SUMMARY_TITLE,
    creator: 'Pilier',
    externalStyles: EXTERNAL_STYLES,
    styles: stylesOptions(false),
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE }, margin } },
        footers: { default: footer },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(SUMMARY_TITLE)] }),
          new Paragraph({
            style: STYLE.note,
            children: [run(`Établie le ${frenchDate(summary.date)} au regard du référentiel « ${summary.referentiel.title} » (version ${summary.referentiel.version}).`)],
          }),
          new Paragraph({ children: [run(summarySentence(summary))] }),
          new Paragraph({
            style: STYLE.note,
            children: [run('Vérification automatique par Pilier, à confirmer par une relecture de chaque contrat : couverte, le contrat traite l’exigence ; partielle, il l’évoque sans la traiter entièrement ; manquante, aucun passage ne la traite.')],
          }),
          styledTable([header, ...summary.rows.map(rowOf), totals], columnWidths(COLUMNS.length, WIDTHS, LANDSCAPE_TEXT_WIDTH)),
        ],
      },
    ],
  });
  return Packer.pack(document, 'uint8array', false);
}
