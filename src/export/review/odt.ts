import { strToU8, zipSync, type Zippable } from 'fflate';
import { listNode, tableNode, textNode, TEXT_FORMAT, type SerializedInlineNode } from '../../template/lexicalNodes';
import { OdtBody } from '../odt/body';
import { GENERATOR, manifestXml, ODT_MEDIA_TYPE, odfDateTime, settingsXml } from '../odt/package';
import { stylesXml } from '../odt/styles';
import { XML_DECLARATION, escapeText, namespaces } from '../odt/xml';
import { frenchDate } from '../dates';
import { reportTitle, signatureLine, type ReviewReportInput } from './input';
import { reportSections, type ReportBlock } from './outline';

/**
 * The « Rapport d’analyse » as an OpenDocument text, with the contract writer's styles and body writer
 * (src/export/odt): the same blocks as the DOCX report (src/export/review/outline.ts), header rows of the tables
 * repeated on each page, language fr-FR. Pure: bytes out, the date comes in the input.
 */

const cell = (text: string, bold: boolean): SerializedInlineNode[] =>
  text.split('\n').flatMap((line, i): SerializedInlineNode[] => [...(i > 0 ? [{ type: 'linebreak' as const, version: 1 as const }] : []), ...(line ? [textNode(line, bold ? TEXT_FORMAT.bold : 0)] : [])]);

function blockXml(b: ReportBlock, body: OdtBody): string {
  switch (b.kind) {
    case 'title':
      return body.text(b.text, 'Title');
    case 'heading':
      return body.heading(b.level, [textNode(b.text)], false);
    case 'paragraph':
      return b.text
        .split('\n')
        .map((line) => body.paragraph([textNode(line, b.bold ? TEXT_FORMAT.bold : 0)], b.note ? 'P_Note' : 'Text_20_body'))
        .join('');
    case 'list':
      return body.list(listNode('bullet', b.items.map((item) => ({ content: [textNode(item)] }))));
    case 'table': {
      const header = b.header.map((h) => cell(h, false));
      const rows = b.rows.map((cells, r) => cells.map((c, i) => cell(c, b.boldRows?.includes(r) === true || b.boldColumn === i)));
      return body.table(tableNode([header, ...rows], true), { widths: b.widths.map((w) => Math.round(w * 100)), small: true }, b.name);
    }
  }
}

function metaXml(input: ReviewReportInput): string {
  const el = (name: string, value: string | undefined): string => (value ? `<${name}>${escapeText(value)}</${name}>` : '');
  const when = odfDateTime(input.date);
  return (
    XML_DECLARATION +
    `<office:document-meta ${namespaces('office', 'meta', 'dc', 'xlink')} office:version="1.3"><office:meta>` +
    el('meta:generator', GENERATOR) +
    el('dc:title', reportTitle(input.territoire)) +
    el('dc:subject', 'Rapport d’analyse d’un contrat de ville (politique de la ville)') +
    el('dc:description', `Analyse au regard du référentiel ${input.pack.id} (version ${input.pack.version}), établie le ${frenchDate(input.date)}.`) +
    '<meta:keyword>rapport d’analyse</meta:keyword><meta:keyword>contrat de ville</meta:keyword>' +
    el('meta:initial-creator', input.reviewer?.nom) +
    el('dc:creator', input.reviewer?.nom) +
    el('meta:creation-date', when) +
    el('dc:date', when) +
    el('dc:language', 'fr-FR') +
    `</office:meta></office:document-meta>`
  );
}

function contentXml(input: ReviewReportInput): string {
  const body = new OdtBody(false);
  const { front, annex } = reportSections(input);
  let xml = front.map((b) => blockXml(b, body)).join('');
  xml += body.text(signatureLine(input.date), 'Text_20_body');
  xml += body.paragraph([textNode(input.reviewer?.nom ?? '[À compléter : nom du relecteur]', TEXT_FORMAT.bold)]);
  xml += body.text(input.reviewer?.qualite.trim() || 'Qualité du signataire', 'Text_20_body');
  xml += body.text('Signature', 'P_Note');
  xml += annex.map((b) => blockXml(b, body)).join('');
  return (
    XML_DECLARATION +
    `<office:document-content ${namespaces('office', 'style', 'text', 'table', 'fo', 'xlink', 'svg')} office:version="1.3">` +
    `<office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls>` +
    body.styles.xml() +
    `<office:body><office:text>${xml}</office:text></office:body></office:document-content>`
  );
}

/** Fixed ZIP timestamps (no clock inside): the report's date at noon. */
function zipTime(date: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  const year = m ? Number(m[1]) : 2020;
  return m && year >= 1980 && year <= 2107 ? new Date(year, Number(m[2]) - 1, Number(m[3]), 12) : new Date(2020, 0, 1, 12);
}

export function buildReviewReportOdt(input: ReviewReportInput): Uint8Array {
  const mtime = zipTime(input.date);
  const parts: [string, string][] = [
    ['content.xml', contentXml(input)],
    ['styles.xml', stylesXml({ headerText: reportTitle(input.territoire), numberedHeadings: false })],
    ['meta.xml', metaXml(input)],
    ['settings.xml', settingsXml()],
  ];
  const files: Zippable = { mimetype: [strToU8(ODT_MEDIA_TYPE), { level: 0, mtime }] };
  for (const [name, xml] of parts) files[name] = [strToU8(xml), { level: 6, mtime }];
  files['META-INF/manifest.xml'] = [strToU8(manifestXml(parts.map(([name]) => name))), { level: 6, mtime }];
  return zipSync(files);
}
