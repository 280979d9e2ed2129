import { Document, Footer, Header, Packer, PageNumber, PageOrientation, Paragraph, TextRun, type FileChild, type ISectionOptions } from 'docx';
import type { ExportInput, ExportSection } from '../input';
import { BlockWriter, isSignatureHeader } from './blocks';
import { ControlIds, PART_TAG, requirementTags, wrapInControls } from './contentControl';
import { coverPage, headerText, tableOfContents, tableOfContentsHeading } from './cover';
import { grilleAnnex } from './grille';
import { flattenText } from './inline';
import { appXml, coreXml, documentTitle } from './properties';
import { EXTERNAL_STYLES, LANGUAGE, numberingOptions, PAGE, STYLE, stylesOptions } from './styles';

export { MAX_TAG_LENGTH, PART_TAG, REQUIREMENTS_TAG, requirementTags } from './contentControl';

/**
 * Tags of the content controls around the parts Pilier generates: the cover page, the heading of the table of
 * contents, and the grille annex. Readers leave the last two out of the contract's text.
 */
export const COVER_TAG = `${PART_TAG}garde`;
export const TOC_TAG = `${PART_TAG}sommaire`;
export const GRILLE_TAG = `${PART_TAG}grille`;

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Headings the author numbered by hand (« 1.2 Les quartiers », « II. Diagnostic », « Titre 1 — … »). */
const MANUAL_NUMBER = /^(?:\d+(?:\.\d+)*[.)]?|[IVXLC]+[.)]|[A-Z][.)]|(?:titre|chapitre|partie|article)\s+(?:\d+|[IVXLC]+|premier|première))(?:\s|$)/iu;

/** Outline numbering is added only when no heading carries a number of its own (never « 1. 1. Préambule »). */
export function wantsNumberedHeadings(sections: readonly ExportSection[]): boolean {
  for (const s of sections) {
    if (MANUAL_NUMBER.test(s.title.trim())) return false;
    for (const b of s.blocks) if (b?.type === 'heading' && MANUAL_NUMBER.test(flattenText(b.children).trim())) return false;
  }
  return true;
}

/** The section holds a signature table: a table whose first row names a « Signature » column. It starts a page. */
function holdsSignatures(section: ExportSection): boolean {
  return section.blocks.some((b) => b?.type === 'table' && isSignatureHeader(b.children?.[0]));
}

function body(input: ExportInput, ids: ControlIds): FileChild[] {
  const writer = new BlockWriter();
  const out: FileChild[] = [
    ...wrapInControls(coverPage(input), 'Page de garde', [COVER_TAG], ids),
    ...wrapInControls([tableOfContentsHeading()], 'Sommaire', [TOC_TAG], ids),
    tableOfContents(),
  ];
  input.sections.forEach((section, index) => {
    const signature = holdsSignatures(section);
    const title = writer.sectionTitle(section.title, { pageBreakBefore: index === 0 || signature });
    const blocks = writer.blocks(section.blocks, { signature });
    out.push(...wrapInControls([title, ...blocks], section.title, requirementTags(section.requirements), ids));
  });
  return out;
}

const language = { value: LANGUAGE };

function pageHeader(input: ExportInput): Header {
  return new Header({ children: [new Paragraph({ style: STYLE.header, children: [new TextRun({ text: headerText(input.meta), language })] })] });
}

function pageFooter(): Footer {
  return new Footer({
    children: [new Paragraph({ style: STYLE.footer, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' sur ', PageNumber.TOTAL_PAGES], language })] })],
  });
}

/** The first page (the cover) has an empty header and footer. */
const blankHeader = (): Header => new Header({ children: [new Paragraph({ style: STYLE.header, children: [] })] });
const blankFooter = (): Footer => new Footer({ children: [new Paragraph({ style: STYLE.footer, children: [] })] });

/**
 * The contract as a Word document (.docx): page de garde, table of contents, every section in order with Word's
 * own styles (Titre, Titre 1–3, Normal, list paragraphs, a table style), headings numbered unless the text numbers
 * its own, the territoire in the header and « Page n sur N » in the footer, placeholders highlighted with the
 * guidance they carry, each section that serves requirements in a content control tagged with their ids, the
 * signature table, and the « Grille de complétude » annex unless `options.grille` is off. Document properties
 * carry the title, the author and organisation, and the language (fr-FR, on the styles and every run).
 *
 * Pure: bytes out, no clock (the date comes in `input.date`); runs in the renderer and in Node.
 * @see ECMA-376 part 1 §17.5.2 (content controls), §17.16.5.68 (TOC field)
 */
export async function buildContractDocx(input: ExportInput): Promise<Uint8Array> {
  const numbered = wantsNumberedHeadings(input.sections);
  const ids = new ControlIds();
  const margin = { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: PAGE.header, footer: PAGE.footer };
  const sections: ISectionOptions[] = [
    {
      properties: { titlePage: true, page: { size: { width: PAGE.width, height: PAGE.height }, margin } },
      headers: { default: pageHeader(input), first: blankHeader() },
      footers: { default: pageFooter(), first: blankFooter() },
      children: body(input, ids),
    },
  ];
  // The grille is wide: it gets landscape pages of its own.
  if (input.options.grille) {
    sections.push({
      properties: { page: { size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE }, margin } },
      headers: { default: pageHeader(input) },
      footers: { default: pageFooter() },
      children: wrapInControls(grilleAnnex(input), 'Grille de complétude', [GRILLE_TAG], ids),
    });
  }
  const document = new Document({
    title: documentTitle(input),
    creator: input.options.author ?? 'Pilier',
    externalStyles: EXTERNAL_STYLES,
    styles: stylesOptions(numbered),
    numbering: numberingOptions(),
    sections,
  });
  const overrides = [
    { path: 'docProps/core.xml', data: coreXml(input) },
    { path: 'docProps/app.xml', data: appXml(input) },
  ];
  return Packer.pack(document, 'uint8array', false, overrides);
}
