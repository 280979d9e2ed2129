import { periodLabel } from '../../template/skeleton';
import { tableNode, textNode } from '../../template/lexicalNodes';
import { exportPlaceholderText } from '../fromProject';
import type { ExportInput, ExportSection } from '../input';
import { OdtBody, plainText, type TocEntry } from './body';
import { frenchDate } from '../dates';
import { grilleXml } from './grille';
import { XML_DECLARATION, attrs, escapeAttr, escapeText, namespaces, odfText } from './xml';

/**
 * content.xml: the cover page, the table of contents (an index LibreOffice can update, pre-filled with the
 * headings and page references), every section in order, each one that serves requirements inside a
 * `text:section` named after them, and the « Grille de complétude » annex.
 */

/** Prefix of the names of the sections that carry requirement ids: `pilier:FEM-1a,INT-1f`. */
export const SECTION_NAME_PREFIX = 'pilier:';
/** Name of the section that holds the grille annex: generated, so readers skip it. */
export const GRILLE_SECTION_NAME = 'pilier-grille';
/** Name of the section that holds the cover page, so an importer can leave it out of the sections it rebuilds. */
export const COVER_SECTION_NAME = 'pilier-page-de-garde';
export const TOC_TITLE = 'Sommaire';

/** « A », « A et B », « A, B et C ». */
function enumerate(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} et ${names.at(-1)!}`;
}

/** Headings the author numbered by hand (« 1.2 Les quartiers », « II. Diagnostic », « Titre 1 — … »). */
const MANUAL_NUMBER = /^(?:\d+(?:\.\d+)*[.)]?|[IVXLC]+[.)]|[A-Z][.)]|(?:titre|chapitre|partie|article)\s+(?:\d+|[IVXLC]+|premier|première))(?:\s|$)/iu;

/** Outline numbering is added only when no heading carries its own number (never « 1. 1. Préambule »). */
export function wantsNumberedHeadings(sections: ExportSection[]): boolean {
  for (const s of sections) {
    if (MANUAL_NUMBER.test(s.title.trim())) return false;
    for (const b of s.blocks) if (b.type === 'heading' && MANUAL_NUMBER.test(plainText(b.children ?? []))) return false;
  }
  return true;
}

export function headerText(input: ExportInput): string {
  const period = periodLabel(input.meta.periode);
  const territoire = input.meta.territoire.trim();
  return `Contrat de ville ${period}${territoire ? ` — ${territoire}` : ''}`;
}

function cover(input: ExportInput, body: OdtBody): string {
  const { meta } = input;
  const communes = meta.communes.map((c) => c.trim()).filter(Boolean);
  let xml = body.text('Contrat de ville', 'P_Cover');
  xml += body.text(meta.territoire.trim() || exportPlaceholderText('territoire'), 'Subtitle');
  xml += body.text(`Période ${periodLabel(meta.periode)}`, 'Cover');
  xml += body.text('Établissement public de coopération intercommunale', 'P_CoverLabel');
  xml += body.text(meta.epci.trim() || exportPlaceholderText('nom de l’EPCI'), 'Cover');
  xml += body.text(communes.length > 1 ? 'Communes signataires' : 'Commune signataire', 'P_CoverLabel');
  xml += body.text(communes.length > 0 ? enumerate(communes) : exportPlaceholderText('communes signataires'), 'Cover');
  xml += body.text('Quartiers prioritaires de la politique de la ville', 'P_CoverLabel');
  if (meta.qpv.length > 0) {
    const rows = [['Quartier', 'Code'], ...meta.qpv.map((q) => [q.nom.trim(), q.code.trim() || exportPlaceholderText('code')])];
    xml += body.table(tableNode(rows.map((cells) => cells.map((t) => [textNode(t)])), true), { widths: [70, 30] }, 'Quartiers prioritaires');
  } else xml += body.text(exportPlaceholderText('nom et code de chaque quartier prioritaire'), 'Cover');
  xml += body.text(`Document établi le ${frenchDate(input.date)}`, 'P_CoverDate');
  return xml;
}

const ENTRY_TEMPLATE = (level: number): string =>
  `<text:table-of-content-entry-template text:outline-level="${level}" text:style-name="Contents_20_${level}">` +
  '<text:index-entry-link-start text:style-name="Index_20_Link"/><text:index-entry-chapter/><text:index-entry-text/>' +
  '<text:index-entry-tab-stop style:type="right" style:leader-char="."/><text:index-entry-page-number/><text:index-entry-link-end/>' +
  '</text:table-of-content-entry-template>';

/**
 * The table of contents. Its body is written out so the document reads right before anyone updates the
 * index; each page number is a reference to the heading's bookmark, which LibreOffice computes when it lays
 * the document out.
 */
function tableOfContents(entries: TocEntry[]): string {
  const templates = [1, 2, 3].map(ENTRY_TEMPLATE).join('');
  const lines = entries
    .map(
      (e) =>
        `<text:p text:style-name="Contents_20_${e.level}"><text:a xlink:type="simple" xlink:href="#${escapeAttr(e.bookmark)}" text:style-name="Index_20_Link" text:visited-style-name="Index_20_Link">` +
        `${e.number ? `${escapeText(e.number)} ` : ''}${odfText(e.text)}<text:tab/>` +
        `<text:bookmark-ref text:reference-format="page" text:ref-name="${escapeAttr(e.bookmark)}">?</text:bookmark-ref></text:a></text:p>`,
    )
    .join('');
  return (
    `<text:table-of-content text:name="${TOC_TITLE}" text:protected="true">` +
    `<text:table-of-content-source text:outline-level="3" text:use-index-marks="false">` +
    `<text:index-title-template text:style-name="Contents_20_Heading">${TOC_TITLE}</text:index-title-template>${templates}` +
    `</text:table-of-content-source>` +
    `<text:index-body><text:index-title text:name="${TOC_TITLE}_Head"><text:p text:style-name="Contents_20_Heading">${TOC_TITLE}</text:p></text:index-title>${lines}</text:index-body>` +
    `</text:table-of-content>`
  );
}

/** The body of one section: its title as a level-1 heading, then its blocks. */
function sectionXml(section: ExportSection, body: OdtBody, names: Map<string, number>): string {
  let xml = body.heading(1, [textNode(section.title)]);
  for (const block of section.blocks) xml += body.block(block);
  if (section.requirements.length === 0) return xml;
  const base = SECTION_NAME_PREFIX + section.requirements.join(',');
  const n = (names.get(base) ?? 0) + 1;
  names.set(base, n);
  const name = n === 1 ? base : `${base}#${n}`;
  return `<text:section${attrs({ 'text:name': name })}>${xml}</text:section>`;
}

/** The whole content.xml. */
export function contentXml(input: ExportInput): string {
  const body = new OdtBody(wantsNumberedHeadings(input.sections));
  const coverXml = `<text:section text:name="${COVER_SECTION_NAME}">${cover(input, body)}</text:section>`;
  const names = new Map<string, number>();
  let sections = '';
  for (const section of input.sections) sections += sectionXml(section, body, names);
  const annex = input.options.grille ? `<text:section text:name="${GRILLE_SECTION_NAME}">${grilleXml(input, body)}</text:section>` : '';
  const toc = tableOfContents(body.toc);
  return (
    XML_DECLARATION +
    `<office:document-content ${namespaces('office', 'style', 'text', 'table', 'fo', 'xlink', 'svg')} office:version="1.3">` +
    `<office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/><style:font-face style:name="Liberation Mono" svg:font-family="'Liberation Mono'" style:font-family-generic="modern" style:font-pitch="fixed"/></office:font-face-decls>` +
    body.styles.xml() +
    `<office:body><office:text>` +
    `<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>` +
    coverXml +
    toc +
    sections +
    annex +
    `</office:text></office:body></office:document-content>`
  );
}
