import { Paragraph, TableOfContents, TableRow, type FileChild, type ParagraphChild } from 'docx';
import { inlineNodes } from '../../template/lexicalNodes';
import { periodLabel } from '../../template/skeleton';
import { frenchDate } from '../dates';
import type { ExportInput, ExportMeta } from '../input';
import { columnWidths, styledTable, textCell } from './blocks';
import { inlineChildren } from './inline';
import { STYLE } from './styles';

/**
 * The page de garde (« Contrat de ville », the territoire, the période, the EPCI, the communes, the quartiers
 * prioritaires with their codes, the date) and the table of contents that follows it, pre-filled with the
 * headings so that it reads right before Word updates it (LibreOffice shows it as written).
 */


/** « 2015-2020 », « du 1er janvier 2024 au 31 décembre 2030 »; a placeholder when the dates are not dates. */
export function periodText(periode: ExportMeta['periode']): string {
  const date = /^\d{4}(-\d{2}(-\d{2})?)?$/;
  if (!date.test(periode.debut) || !date.test(periode.fin)) return '[À compléter : période du contrat]';
  return periodLabel(periode);
}

/** The running header: « Contrat de ville 2015-2020 — Val-de-Brume ». */
export function headerText(meta: ExportMeta): string {
  const territoire = meta.territoire.trim();
  const period = periodText(meta.periode);
  return `Contrat de ville${period.startsWith('[') ? '' : ` ${period}`}${territoire ? ` — ${territoire}` : ''}`;
}

/** « A », « A et B », « A, B et C ». */
function enumerate(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} et ${names.at(-1)!}`;
}

/** Runs of a text in which « [À compléter : …] » spans are placeholders. */
const runsOf = (text: string): ParagraphChild[] => inlineChildren(inlineNodes(text));

const label = (text: string): Paragraph => new Paragraph({ style: STYLE.coverLabel, children: runsOf(text) });
const value = (text: string): Paragraph => new Paragraph({ style: STYLE.coverValue, children: runsOf(text) });

/** The title page's blocks. */
export function coverPage(input: ExportInput): FileChild[] {
  const { meta } = input;
  const communes = meta.communes.map((c) => c.trim()).filter(Boolean);
  const out: FileChild[] = [
    new Paragraph({ style: STYLE.title, children: runsOf('Contrat de ville') }),
    new Paragraph({ style: STYLE.subtitle, children: runsOf(meta.territoire.trim() || '[À compléter : territoire]') }),
    label('Période'),
    value(periodText(meta.periode)),
    label('Établissement public de coopération intercommunale'),
    value(meta.epci.trim() || '[À compléter : nom de l’EPCI]'),
    label(communes.length > 1 ? 'Communes' : 'Commune'),
    value(communes.length > 0 ? enumerate(communes) : '[À compléter : communes concernées]'),
    label('Quartiers prioritaires de la politique de la ville'),
  ];
  if (meta.qpv.length === 0) out.push(value('[À compléter : nom et code de chaque quartier prioritaire]'));
  else {
    const rows = [
      new TableRow({ tableHeader: true, cantSplit: true, children: ['Quartier', 'Code'].map((h) => textCell([runsOf(h)], { header: true })) }),
      ...meta.qpv.map(
        (q) => new TableRow({ cantSplit: true, children: [q.nom.trim(), q.code.trim() || '[À compléter : code]'].map((t) => textCell([runsOf(t)])) }),
      ),
    ];
    out.push(styledTable(rows, columnWidths(2, [0.7, 0.3])));
  }
  out.push(
    new Paragraph({ style: STYLE.note, spacing: { before: 480 }, children: runsOf(`Document établi le ${frenchDate(input.date)}.`) }),
    new Paragraph({
      style: STYLE.note,
      children: runsOf(`Référentiel de vérification : ${input.pack.title} (version ${input.meta.referentiel.version}).`),
    }),
  );
  return out;
}

/** The heading of the « Sommaire » page (the table of contents follows it). */
export function tableOfContentsHeading(): Paragraph {
  return new Paragraph({ style: STYLE.tocHeading, pageBreakBefore: true, children: runsOf('Sommaire') });
}

/** The table of contents (Titre 1 to 3), filled in from the headings when the document is written. */
export function tableOfContents(): TableOfContents {
  return new TableOfContents('Sommaire', { hyperlink: true, headingStyleRange: '1-3' });
}
