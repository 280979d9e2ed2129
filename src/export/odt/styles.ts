import { XML_DECLARATION, attrs, escapeText, namespaces } from './xml';

/**
 * styles.xml: the named styles a LibreOffice user sees in the Styles sidebar (Title, Heading 1–6, Text body,
 * List, Table Contents/Heading, Contents 1–3, Header, Footer, « À compléter »), the outline numbering of the
 * headings, the two list styles, and the page: A4 with the territoire in the header and « Page n sur m » in
 * the footer; the cover page has neither. Names are LibreOffice's own programmatic names, so its French
 * interface shows them as « Titre 1 », « Corps de texte »…
 */

export interface StylesOptions {
  /** Header text (« Contrat de ville 2015-2020 — Val-de-Brume »). */
  headerText: string;
  /** Numbered headings (1., 1.1, 1.1.1); off when the text numbers its own headings. */
  numberedHeadings: boolean;
}

/** Usable width of the page, for tab stops and tables. */
export const TEXT_WIDTH_CM = 17;

const FONT = 'Liberation Sans';
const MONO = 'Liberation Mono';
const DARK_BLUE = '#1f3864';
const BLUE = '#2e5597';

const bold = 'fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"';
const italic = 'fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic"';
const size = (pt: number): string => `fo:font-size="${pt}pt" style:font-size-asian="${pt}pt" style:font-size-complex="${pt}pt"`;

interface ParagraphStyle {
  name: string;
  display?: string;
  parent?: string;
  next?: string;
  cls?: string;
  outline?: number;
  paragraph?: string;
  text?: string;
}

function paragraphStyle(s: ParagraphStyle): string {
  const head = attrs({
    'style:name': s.name,
    'style:display-name': s.display,
    'style:family': 'paragraph',
    'style:parent-style-name': s.parent,
    'style:next-style-name': s.next,
    'style:default-outline-level': s.outline,
    'style:class': s.cls,
  });
  const para = s.paragraph ? `<style:paragraph-properties ${s.paragraph}/>` : '';
  const text = s.text ? `<style:text-properties ${s.text}/>` : '';
  return `<style:style${head}>${para}${text}</style:style>`;
}

const rightTab = (leader: boolean): string =>
  `<style:tab-stops><style:tab-stop style:position="${TEXT_WIDTH_CM}cm" style:type="right"${leader ? ' style:leader-style="dotted" style:leader-text="."' : ''}/></style:tab-stops>`;

function contentsStyle(level: number): string {
  const indent = (level - 1) * 0.5;
  const head = attrs({ 'style:name': `Contents_20_${level}`, 'style:display-name': `Contents ${level}`, 'style:family': 'paragraph', 'style:parent-style-name': 'Index', 'style:class': 'index' });
  const text = level === 1 ? `<style:text-properties ${bold}/>` : '';
  return `<style:style${head}><style:paragraph-properties fo:margin-left="${indent}cm" fo:margin-right="0cm" fo:text-indent="0cm" fo:margin-top="${level === 1 ? 0.2 : 0}cm" fo:margin-bottom="0.05cm">${rightTab(true)}</style:paragraph-properties>${text}</style:style>`;
}

const HEADINGS: [number, string][] = [
  [1, `${size(18)} ${bold} fo:color="${DARK_BLUE}"`],
  [2, `${size(14)} ${bold} fo:color="${BLUE}"`],
  [3, `${size(12)} ${bold} fo:color="${DARK_BLUE}"`],
  [4, `${size(11)} ${bold} ${italic}`],
  [5, `${size(11)} ${italic}`],
  [6, `${size(11)} ${italic}`],
];

function paragraphStyles(): string {
  const list: ParagraphStyle[] = [
    { name: 'Standard', cls: 'text' },
    {
      name: 'Heading',
      parent: 'Standard',
      next: 'Text_20_body',
      cls: 'text',
      paragraph: 'fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"',
      text: `style:font-name="${FONT}" ${size(14)}`,
    },
    {
      name: 'Text_20_body',
      display: 'Text body',
      parent: 'Standard',
      cls: 'text',
      paragraph: 'fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:line-height="115%" fo:text-align="justify" style:justify-single-word="false" fo:orphans="2" fo:widows="2"',
    },
    { name: 'List', parent: 'Text_20_body', cls: 'list', paragraph: 'fo:margin-top="0cm" fo:margin-bottom="0.1cm" fo:text-align="start"' },
    {
      name: 'Title',
      parent: 'Heading',
      next: 'Subtitle',
      cls: 'chapter',
      paragraph: 'fo:text-align="center" fo:margin-top="0cm" fo:margin-bottom="0.6cm"',
      text: `${size(30)} ${bold} fo:color="${DARK_BLUE}"`,
    },
    {
      name: 'Subtitle',
      parent: 'Heading',
      next: 'Text_20_body',
      cls: 'chapter',
      paragraph: 'fo:text-align="center" fo:margin-top="0.2cm" fo:margin-bottom="0.4cm"',
      text: `${size(18)} fo:color="${BLUE}"`,
    },
    ...HEADINGS.map(
      ([level, text]): ParagraphStyle => ({
        name: `Heading_20_${level}`,
        display: `Heading ${level}`,
        parent: 'Heading',
        next: 'Text_20_body',
        outline: level,
        cls: 'text',
        paragraph:
          level === 1
            ? `fo:break-before="page" fo:margin-top="0cm" fo:margin-bottom="0.4cm" fo:padding-bottom="0.1cm" fo:border-bottom="0.06pt solid ${DARK_BLUE}"`
            : `fo:margin-top="${level === 2 ? 0.5 : 0.35}cm" fo:margin-bottom="0.2cm"`,
        text,
      }),
    ),
    { name: 'Table_20_Contents', display: 'Table Contents', parent: 'Standard', cls: 'extra', paragraph: 'fo:margin-top="0.05cm" fo:margin-bottom="0.05cm"', text: size(10) },
    { name: 'Table_20_Heading', display: 'Table Heading', parent: 'Table_20_Contents', cls: 'extra', text: `${bold} fo:color="${DARK_BLUE}"` },
    { name: 'Header', parent: 'Standard', cls: 'extra', paragraph: `fo:text-align="end" fo:padding-bottom="0.1cm" fo:border-bottom="0.06pt solid #a0a0a0"`, text: `${size(9)} fo:color="#595959"` },
    { name: 'Footer', parent: 'Standard', cls: 'extra', paragraph: 'fo:text-align="center"', text: `${size(9)} fo:color="#595959"` },
    { name: 'Index', parent: 'Standard', cls: 'index' },
    {
      name: 'Contents_20_Heading',
      display: 'Contents Heading',
      parent: 'Heading',
      cls: 'index',
      paragraph: 'fo:break-before="page" fo:margin-bottom="0.5cm"',
      text: `${size(18)} ${bold} fo:color="${DARK_BLUE}"`,
    },
    { name: 'Cover', display: 'Page de garde', parent: 'Standard', cls: 'chapter', paragraph: 'fo:text-align="center" fo:margin-top="0.15cm" fo:margin-bottom="0.15cm"', text: size(12) },
  ];
  return [...list.map(paragraphStyle), ...[1, 2, 3].map(contentsStyle)].join('');
}

function textStyles(): string {
  const style = (name: string, display: string, props: string): string =>
    `<style:style style:name="${name}" style:display-name="${escapeText(display)}" style:family="text"><style:text-properties ${props}/></style:style>`;
  return [
    style('Placeholder', 'À compléter', `fo:background-color="#ffff00" ${bold} fo:color="#7f3f00"`),
    style('Strong_20_Emphasis', 'Strong Emphasis', bold),
    style('Emphasis', 'Emphasis', italic),
    style('Source_20_Text', 'Source Text', `style:font-name="${MONO}"`),
    style('Internet_20_link', 'Internet link', 'fo:color="#1f4e9a" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"'),
    style('Index_20_Link', 'Index Link', 'fo:color="#000000"'),
  ].join('');
}

const labelAlignment = (indentCm: number, followedBy: 'listtab' | 'space'): string =>
  `<style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="${followedBy}"${followedBy === 'listtab' ? ` text:list-tab-stop-position="${indentCm}cm"` : ''} fo:text-indent="${followedBy === 'listtab' ? -0.6 : 0}cm" fo:margin-left="${followedBy === 'listtab' ? indentCm : 0}cm"/></style:list-level-properties>`;

const BULLETS = ['•', '–', '◦', '▪', '–'];
const NUMBERS = ['1', 'a', 'i', '1', 'a'];

function listStyles(): string {
  const bullets = BULLETS.map(
    (char, i) =>
      `<text:list-level-style-bullet text:level="${i + 1}" text:bullet-char="${char}">${labelAlignment(0.6 * (i + 1) + 0.1, 'listtab')}</text:list-level-style-bullet>`,
  ).join('');
  const numbers = NUMBERS.map(
    (format, i) =>
      `<text:list-level-style-number text:level="${i + 1}" style:num-suffix="${format === '1' ? '.' : ')'}" style:num-format="${format}">${labelAlignment(0.6 * (i + 1) + 0.1, 'listtab')}</text:list-level-style-number>`,
  ).join('');
  return (
    `<text:list-style style:name="Pilier_20_Bullets" style:display-name="Liste à puces">${bullets}</text:list-style>` +
    `<text:list-style style:name="Pilier_20_Numbers" style:display-name="Liste numérotée">${numbers}</text:list-style>`
  );
}

function outlineStyle(numbered: boolean): string {
  const levels = Array.from({ length: 10 }, (_, i) => {
    const level = i + 1;
    const number = numbered && level <= 3;
    const format = number ? ` style:num-format="1" text:display-levels="${level}"${level === 1 ? ' style:num-suffix="."' : ''}` : ' style:num-format=""';
    return `<text:outline-level-style text:level="${level}"${format}>${labelAlignment(0, 'space')}</text:outline-level-style>`;
  }).join('');
  return `<text:outline-style style:name="Outline">${levels}</text:outline-style>`;
}

function pageStyles(headerText: string): { automatic: string; master: string } {
  const page = (name: string, withHeader: boolean): string =>
    `<style:page-layout style:name="${name}"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm" style:writing-mode="lr-tb"/>` +
    (withHeader
      ? '<style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.6cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.6cm"/></style:footer-style>'
      : '<style:header-style/><style:footer-style/>') +
    '</style:page-layout>';
  return {
    automatic: page('pm1', true) + page('pm2', false),
    master:
      `<style:master-page style:name="Standard" style:page-layout-name="pm1">` +
      `<style:header><text:p text:style-name="Header">${escapeText(headerText)}</text:p></style:header>` +
      `<style:footer><text:p text:style-name="Footer">Page <text:page-number text:select-page="current">1</text:page-number> sur <text:page-count>1</text:page-count></text:p></style:footer>` +
      `</style:master-page>` +
      `<style:master-page style:name="First_20_Page" style:display-name="First Page" style:page-layout-name="pm2" style:next-style-name="Standard"/>`,
  };
}

/** The whole styles.xml. */
export function stylesXml(options: StylesOptions): string {
  const pages = pageStyles(options.headerText);
  return (
    XML_DECLARATION +
    `<office:document-styles ${namespaces('office', 'style', 'text', 'table', 'fo', 'xlink', 'svg')} office:version="1.3">` +
    `<office:font-face-decls>` +
    `<style:font-face style:name="${FONT}" svg:font-family="'${FONT}'" style:font-family-generic="swiss" style:font-pitch="variable"/>` +
    `<style:font-face style:name="${MONO}" svg:font-family="'${MONO}'" style:font-family-generic="modern" style:font-pitch="fixed"/>` +
    `</office:font-face-decls>` +
    `<office:styles>` +
    `<style:default-style style:family="paragraph"><style:paragraph-properties style:writing-mode="lr-tb" style:tab-stop-distance="1.25cm"/>` +
    `<style:text-properties style:font-name="${FONT}" ${size(11)} fo:language="fr" fo:country="FR" style:language-asian="fr" style:country-asian="FR" style:language-complex="fr" style:country-complex="FR" fo:hyphenate="false"/></style:default-style>` +
    `<style:default-style style:family="table"><style:table-properties table:border-model="collapsing"/></style:default-style>` +
    paragraphStyles() +
    textStyles() +
    listStyles() +
    outlineStyle(options.numberedHeadings) +
    `</office:styles>` +
    `<office:automatic-styles>${pages.automatic}</office:automatic-styles>` +
    `<office:master-styles>${pages.master}</office:master-styles>` +
    `</office:document-styles>`
  );
}
