import {
  AlignmentType,
  LevelFormat,
  LevelSuffix,
  type ILevelsOptions,
  type INumberingOptions,
  type IParagraphStyleOptions,
  type IStylesOptions,
} from 'docx';

/**
 * The styles and lists of the exported contract. Everything is a named Word style (Titre, Titre 1–3, Normal, the
 * list paragraphs, a table style, a character style for the placeholders), so the document can be reformatted in
 * Word or LibreOffice by changing a style, and assistive technologies read real headings, lists and tables.
 */

/** Arial: present with Word, and metric-compatible with LibreOffice's Liberation Sans. */
export const FONT = 'Arial';
export const LANGUAGE = 'fr-FR';

/** A4, 2.5 cm margins, in twips (1/20 pt). */
export const PAGE = { width: 11906, height: 16838, margin: 1418, header: 709, footer: 709 } as const;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Text width of a landscape page (the grille). */
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - 2 * PAGE.margin;

export const STYLE = {
  title: 'Title',
  subtitle: 'Subtitle',
  coverLabel: 'PilierEtiquette',
  coverValue: 'PilierGarde',
  note: 'PilierNote',
  tocHeading: 'TOCHeading',
  header: 'Header',
  footer: 'Footer',
  tableText: 'PilierTableau',
  table: 'TableauPilier',
  placeholder: 'PilierACompleter',
} as const;

/** Reference of the heading outline numbering (1. / 1.1. / 1.1.1.). */
export const HEADING_NUMBERING = 'titres';
export const BULLETS = 'puces';
export const NUMBERS = 'numeros';

const BLUE = '1F3B73';
const GREY = '595959';

const BULLET_CHARS = ['•', '–', '◦'];
const NUMBER_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];

/** The levels of a bulleted or numbered list: 9 levels, each indented 0.63 cm more. */
export function listLevels(kind: 'bullet' | 'number', start = 1): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: kind === 'bullet' ? LevelFormat.BULLET : NUMBER_FORMATS[level % 3]!,
    text: kind === 'bullet' ? BULLET_CHARS[level % 3]! : `%${level + 1}${level % 3 === 1 ? ')' : '.'}`,
    alignment: AlignmentType.START,
    ...(level === 0 && start !== 1 ? { start } : {}),
    style: { paragraph: { indent: { left: 357 * (level + 1), hanging: 357 } } },
  }));
}

const headingLevels: ILevelsOptions[] = [0, 1, 2].map((level) => ({
  level,
  format: LevelFormat.DECIMAL,
  text: Array.from({ length: level + 1 }, (_, i) => `%${i + 1}`).join('.') + '.',
  alignment: AlignmentType.START,
  suffix: LevelSuffix.SPACE,
  isLegalNumberingStyle: true,
  style: { paragraph: { indent: { left: 0, hanging: 0 } } },
}));

export function numberingOptions(): INumberingOptions {
  return {
    config: [
      { reference: HEADING_NUMBERING, levels: headingLevels },
      { reference: BULLETS, levels: listLevels('bullet') },
      { reference: NUMBERS, levels: listLevels('number') },
    ],
  };
}

const language = { value: LANGUAGE };

/** Heading n: size in half-points, space before and after in twips. */
const HEADINGS: [number, number, number][] = [
  [32, 360, 160],
  [26, 280, 120],
  [23, 220, 100],
  [22, 200, 80],
  [22, 200, 80],
  [22, 200, 80],
];

function heading(level: number, numbered: boolean): IParagraphStyleOptions {
  const [size, before, after] = HEADINGS[level - 1]!;
  return {
    id: `Heading${level}`,
    name: `heading ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    run: { font: FONT, size, bold: true, italics: level >= 4, color: BLUE, language },
    paragraph: {
      spacing: { before, after },
      keepNext: true,
      keepLines: true,
      outlineLevel: level - 1,
      ...(numbered && level <= 3 ? { numbering: { reference: HEADING_NUMBERING, level: level - 1 } } : {}),
    },
    quickFormat: true,
  };
}

/**
 * The table style: thin grey borders, a tinted and bold header row. Written as Word writes a table style (the
 * `docx` library has no table-style builder). Tables also carry their borders and header formatting directly, for
 * readers that do not apply table styles.
 */
const TABLE_STYLE_XML =
  `<w:style w:type="table" w:styleId="${STYLE.table}"><w:name w:val="Tableau Pilier"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>` +
  `<w:pPr><w:spacing w:before="40" w:after="40"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>` +
  '<w:tblPr><w:tblBorders>' +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>`).join('') +
  '</w:tblBorders><w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>' +
  '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="DCE3EE"/></w:tcPr></w:tblStylePr>' +
  '</w:style>';

/** Fill of header cells, as the table style tints them. */
export const HEADER_FILL = 'DCE3EE';
export const BORDER_COLOR = '8C8C8C';

/** The document's styles; `numbered` links Titre 1–3 to the outline numbering. */
export function stylesOptions(numbered: boolean): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: FONT, size: 22, language },
        paragraph: { spacing: { after: 120, line: 276 } },
      },
      title: { run: { font: FONT, size: 56, bold: true, color: BLUE, language }, paragraph: { spacing: { before: 2400, after: 240 } } },
      heading1: heading(1, numbered),
      heading2: heading(2, numbered),
      heading3: heading(3, numbered),
      heading4: heading(4, false),
      heading5: heading(5, false),
      heading6: heading(6, false),
      listParagraph: { run: { language }, paragraph: { spacing: { after: 60 }, contextualSpacing: true } },
      hyperlink: { run: { color: '1F4E99', underline: {}, language } },
    },
    paragraphStyles: [
      { id: 'Normal', name: 'Normal', run: { font: FONT, size: 22, language }, paragraph: { spacing: { after: 120, line: 276 } }, quickFormat: true },
      { id: STYLE.subtitle, name: 'Subtitle', basedOn: 'Normal', next: 'Normal', run: { size: 36, color: BLUE, language }, paragraph: { spacing: { after: 720 } }, quickFormat: true },
      { id: STYLE.coverLabel, name: 'Étiquette de page de garde', basedOn: 'Normal', next: STYLE.coverValue, run: { size: 18, bold: true, allCaps: true, color: GREY, language }, paragraph: { spacing: { before: 240, after: 40 }, keepNext: true } },
      { id: STYLE.coverValue, name: 'Page de garde', basedOn: 'Normal', run: { size: 24, language }, paragraph: { spacing: { after: 80 } } },
      { id: STYLE.note, name: 'Note Pilier', basedOn: 'Normal', run: { size: 18, italics: true, color: GREY, language } },
      { id: STYLE.tocHeading, name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', run: { font: FONT, size: 32, bold: true, color: BLUE, language }, paragraph: { spacing: { after: 240 } } },
      { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', run: { bold: true, language }, paragraph: { spacing: { before: 120, after: 40 } }, uiPriority: 39 },
      { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', run: { language }, paragraph: { spacing: { after: 20 }, indent: { left: 220 } }, uiPriority: 39 },
      { id: 'TOC3', name: 'toc 3', basedOn: 'Normal', next: 'Normal', run: { size: 20, language }, paragraph: { spacing: { after: 20 }, indent: { left: 440 } }, uiPriority: 39 },
      { id: STYLE.header, name: 'header', basedOn: 'Normal', run: { size: 16, color: GREY, language }, paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 } } },
      { id: STYLE.footer, name: 'footer', basedOn: 'Normal', run: { size: 16, color: GREY, language }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } } },
      { id: STYLE.tableText, name: 'Texte de tableau', basedOn: 'Normal', run: { size: 20, language }, paragraph: { spacing: { before: 20, after: 20, line: 240 } } },
    ],
    characterStyles: [{ id: STYLE.placeholder, name: 'À compléter', run: { color: '7A3E00', language }, uiPriority: 1 }],
  };
}

/**
 * The styles the library cannot build (the table style), given as « external » styles: the library then writes its
 * own default styles, these, and those of `stylesOptions` over them. (Its `importedStyles` option would instead
 * replace its default styles, Titre 1–6 among them.)
 */
export const EXTERNAL_STYLES = `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${TABLE_STYLE_XML}</w:styles>`;
