import { Document, Footer, Header, HeadingLevel, LineRuleType, Packer, PageNumber, PageOrientation, Paragraph, TableRow, TextRun, type FileChild, type ParagraphChild } from 'docx';
import { columnWidths, styledTable, textCell } from '../docx/blocks';
import { cleanText, NOT_XML } from '../docx/inline';
import { BULLETS, EXTERNAL_STYLES, LANDSCAPE_TEXT_WIDTH, LANGUAGE, numberingOptions, PAGE, STYLE, stylesOptions } from '../docx/styles';
import { frenchDate } from '../dates';
import { reportTitle, signatureLine, type ReviewReportInput } from './input';
import { reportSections, type ReportBlock } from './outline';

/**
 * The « Rapport d’analyse » as a Word document: the title, date and reviewer, the summary (counts by verdict and
 * by pilier or axe, signatories and annexes missing), the overall opinion and the signature block on portrait
 * pages; then the grille (requirement, annex source, automatic status, verdict, comment, where the evidence is) and
 * the comments on passages on landscape pages, header rows repeated on every page. The contract's styles and
 * table style (src/export/docx), language fr-FR. Pure: bytes out, the date comes in the input.
 */

const language = { value: LANGUAGE };
const run = (text: string, bold = false): TextRun => new TextRun({ text: cleanText(text), language, ...(bold ? { bold: true } : {}) });
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function lines(text: string, bold = false): ParagraphChild[][] {
  return text.split('\n').map((line) => [run(line, bold)]);
}

function block(b: ReportBlock, landscape: boolean): FileChild[] {
  switch (b.kind) {
    case 'title':
      // A title of two or three lines: single line spacing set outright (the cover's Title style sets none).
      return [new Paragraph({ style: STYLE.title, spacing: { before: 600, after: 240, line: 240, lineRule: LineRuleType.AUTO }, children: [new TextRun({ text: cleanText(b.text), language, size: 44 })] })];
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[b.level - 1], children: [run(b.text)] })];
    case 'paragraph':
      return b.text.split('\n').map((line) => new Paragraph({ ...(b.note ? { style: STYLE.note } : {}), children: [run(line, b.bold)] }));
    case 'list':
      return b.items.map((item) => new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children: [run(item)] }));
    case 'table': {
      const header = new TableRow({ tableHeader: true, cantSplit: true, children: b.header.map((h) => textCell(lines(h, true), { header: true })) });
      const rows = b.rows.map(
        (cells, r) => new TableRow({ cantSplit: true, children: cells.map((c, i) => textCell(lines(c, b.boldRows?.includes(r) === true || b.boldColumn === i))) }),
      );
      return [styledTable([header, ...rows], columnWidths(b.widths.length, b.widths, landscape ? LANDSCAPE_TEXT_WIDTH : undefined))];
    }
  }
}

function pageParts(title: string): { header: Header; footer: Footer } {
  return {
    header: new Header({ children: [new Paragraph({ style: STYLE.header, children: [run(title)] })] }),
    footer: new Footer({ children: [new Paragraph({ style: STYLE.footer, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' sur ', PageNumber.TOTAL_PAGES], language })] })] }),
  };
}

function coreXml(input: ReviewReportInput): string {
  const author = input.reviewer?.nom.trim() || 'Pilier';
  const when = `${/^\d{4}-\d{2}-\d{2}/.exec(input.date)?.[0] ?? '2020-01-01'}T00:00:00Z`;
  const el = (name: string, value: string): string => `<${name}>${escapeXml(value)}</${name}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    el('dc:title', reportTitle(input.territoire)) +
    el('dc:subject', 'Rapport d’analyse d’un contrat de ville (politique de la ville)') +
    el('dc:creator', author) +
    el('cp:keywords', ['rapport d’analyse', 'contrat de ville', input.territoire.trim()].filter(Boolean).join('; ')) +
    el('dc:description', `Analyse au regard du référentiel ${input.pack.id} (version ${input.pack.version}), établie le ${frenchDate(input.date)}.`) +
    el('cp:lastModifiedBy', author) +
    el('dc:language', LANGUAGE) +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

const APP_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Pilier</Application></Properties>';

export async function buildReviewReportDocx(input: ReviewReportInput): Promise<Uint8Array> {
  const { front, annex } = reportSections(input);
  const title = reportTitle(input.territoire);
  const margin = { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: PAGE.header, footer: PAGE.footer };
  const portrait = pageParts(title);
  const landscape = pageParts(title);
  const signature = [
    new Paragraph({ spacing: { before: 480 }, keepNext: true, children: [run(signatureLine(input.date))] }),
    new Paragraph({ keepNext: true, children: [run(input.reviewer ? input.reviewer.nom : '[À compléter : nom du relecteur]', true)] }),
    new Paragraph({ keepNext: true, children: [run(input.reviewer?.qualite.trim() || 'Qualité du signataire')] }),
    new Paragraph({ spacing: { before: 1200 }, style: STYLE.note, children: [run('Signature')] }),
  ];
  const document = new Document({
    title,
    creator: input.reviewer?.nom ?? 'Pilier',
    externalStyles: EXTERNAL_STYLES,
    styles: stylesOptions(false),
    numbering: numberingOptions(),
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin } },
        headers: { default: portrait.header },
        footers: { default: portrait.footer },
        children: [...front.flatMap((b) => block(b, false)), ...signature],
      },
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE }, margin } },
        headers: { default: landscape.header },
        footers: { default: landscape.footer },
        children: annex.flatMap((b) => block(b, true)),
      },
    ],
  });
  const overrides = [
    { path: 'docProps/core.xml', data: coreXml(input) },
    { path: 'docProps/app.xml', data: APP_XML },
  ];
  return Packer.pack(document, 'uint8array', false, overrides);
}
