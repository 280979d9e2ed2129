import { TEXT_FORMAT } from '../../template/lexicalNodes';
import { TEXT_WIDTH_CM } from './styles';
import { attrs } from './xml';

/**
 * The automatic styles of content.xml, made on demand while the body is written: one text style per
 * combination of bold, italic, underline, strikethrough and code met, one table style (with its columns) per
 * table, and the fixed ones (cover page, table cells).
 */

const FIXED = [
  // The cover's first paragraph switches to the page without header and footer.
  '<style:style style:name="P_Cover" style:family="paragraph" style:parent-style-name="Title" style:master-page-name="First_20_Page"><style:paragraph-properties style:page-number="auto" fo:margin-top="4cm"/></style:style>',
  '<style:style style:name="P_CoverDate" style:family="paragraph" style:parent-style-name="Cover"><style:paragraph-properties fo:margin-top="1.5cm"/><style:text-properties fo:font-style="italic"/></style:style>',
  '<style:style style:name="P_CoverLabel" style:family="paragraph" style:parent-style-name="Cover"><style:paragraph-properties fo:margin-top="0.6cm"/><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold" fo:color="#1f3864"/></style:style>',
  '<style:style style:name="P_Note" style:family="paragraph" style:parent-style-name="Text_20_body"><style:text-properties fo:font-size="9pt" fo:font-style="italic" fo:color="#595959"/></style:style>',
  '<style:style style:name="P_Small" style:family="paragraph" style:parent-style-name="Table_20_Contents"><style:text-properties fo:font-size="9pt" style:font-size-asian="9pt" style:font-size-complex="9pt"/></style:style>',
  '<style:style style:name="P_SmallHead" style:family="paragraph" style:parent-style-name="Table_20_Heading"><style:text-properties fo:font-size="9pt" style:font-size-asian="9pt" style:font-size-complex="9pt"/></style:style>',
  '<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #808080" style:vertical-align="top"/></style:style>',
  '<style:style style:name="CellHead" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #808080" fo:background-color="#d9e2f3" style:vertical-align="middle"><style:background-image/></style:table-cell-properties></style:style>',
  '<style:style style:name="RowKeep" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>',
  '<style:style style:name="RowSignature" style:family="table-row"><style:table-row-properties style:min-row-height="2.2cm" fo:keep-together="always"/></style:style>',
];

const TEXT_PROPERTIES: [number, string][] = [
  [TEXT_FORMAT.bold, 'fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"'],
  [TEXT_FORMAT.italic, 'fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic"'],
  [TEXT_FORMAT.strikethrough, 'style:text-line-through-style="solid" style:text-line-through-type="single"'],
  [TEXT_FORMAT.underline, 'style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"'],
  [TEXT_FORMAT.code, 'style:font-name="Liberation Mono"'],
];

const KNOWN_FORMATS = TEXT_PROPERTIES.reduce((all, [bit]) => all | bit, 0);

export class AutoStyles {
  private readonly textStyles = new Map<number, string>();
  private readonly tableStyles: string[] = [];

  /** The text style for Lexical format bits, or undefined when they ask for nothing we draw. */
  text(format: number): string | undefined {
    const bits = format & KNOWN_FORMATS;
    if (bits === 0) return undefined;
    let name = this.textStyles.get(bits);
    if (!name) {
      name = `T${bits}`;
      this.textStyles.set(bits, name);
    }
    return name;
  }

  /** A table style 17 cm wide with columns in the given proportions; returns the table's style name. */
  table(widths: number[]): { table: string; columns: string[] } {
    const n = this.tableStyles.length + 1;
    const table = `Tbl${n}`;
    const total = widths.reduce((a, b) => a + b, 0) || 1;
    const columns = widths.map((_, i) => `${table}.C${i + 1}`);
    let xml = `<style:style style:name="${table}" style:family="table"><style:table-properties style:width="${TEXT_WIDTH_CM}cm" table:align="margins" fo:margin-top="0.15cm" fo:margin-bottom="0.35cm" style:may-break-between-rows="true"/></style:style>`;
    widths.forEach((w, i) => {
      const cm = ((TEXT_WIDTH_CM * w) / total).toFixed(3);
      xml += `<style:style${attrs({ 'style:name': columns[i], 'style:family': 'table-column' })}><style:table-column-properties style:column-width="${cm}cm" style:rel-column-width="${Math.max(1, Math.round((65535 * w) / total))}*"/></style:style>`;
    });
    this.tableStyles.push(xml);
    return { table, columns };
  }

  xml(): string {
    const text = [...this.textStyles].map(([bits, name]) => {
      const props = TEXT_PROPERTIES.filter(([bit]) => (bits & bit) !== 0)
        .map(([, p]) => p)
        .join(' ');
      return `<style:style style:name="${name}" style:family="text"><style:text-properties ${props}/></style:style>`;
    });
    return `<office:automatic-styles>${FIXED.join('')}${text.join('')}${this.tableStyles.join('')}</office:automatic-styles>`;
  }
}
