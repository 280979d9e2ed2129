/**
 * XML escaping for the ODT writer, and ODF's white-space rules: in a paragraph, runs of spaces collapse and
 * leading or trailing spaces vanish unless written as `<text:s/>`; tabs and line breaks are elements.
 */

/** The namespaces every ODF part of the package may use. */
export const NS = {
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  style: 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  fo: 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0',
  xlink: 'http://www.w3.org/1999/xlink',
  dc: 'http://purl.org/dc/elements/1.1/',
  meta: 'urn:oasis:names:tc:opendocument:xmlns:meta:1.0',
  svg: 'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0',
  manifest: 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0',
  config: 'urn:oasis:names:tc:opendocument:xmlns:config:1.0',
} as const;

/** `xmlns:…` declarations for a root element. */
export function namespaces(...prefixes: (keyof typeof NS)[]): string {
  return prefixes.map((p) => `xmlns:${p}="${NS[p]}"`).join(' ');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

// Characters XML 1.0 forbids (C0 controls but tab, LF, CR; U+FFFE/FFFF) and unpaired surrogates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are removed.
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const TEXT_SPECIAL = /[&<>]/g;
const ATTR_SPECIAL = /[&<>"\t\n\r]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Removes what XML cannot hold at all. */
export function xmlSafe(s: string): string {
  return s.replace(INVALID, '');
}

/** Character data: `&`, `<` and `>` escaped (`>` too, so « ]]> » never appears). */
export function escapeText(s: string): string {
  return xmlSafe(s).replace(TEXT_SPECIAL, (c) => ENTITY[c]!);
}

/** An attribute value between double quotes; tabs and line breaks are kept as character references. */
export function escapeAttr(s: string): string {
  return xmlSafe(s).replace(ATTR_SPECIAL, (c) => ENTITY[c]!);
}

const spaces = (n: number): string => (n === 1 ? '<text:s/>' : `<text:s text:c="${n}"/>`);

/** One line without tabs: runs of spaces kept, and a space at either end kept. */
function spacedRun(s: string): string {
  const escaped = escapeText(s);
  return escaped.replace(/^ +| +$| {2,}/g, (run, offset: number) => {
    const atEdge = offset === 0 || offset + run.length === escaped.length;
    return atEdge ? spaces(run.length) : ` ${spaces(run.length - 1)}`;
  });
}

/**
 * Paragraph text as ODF wants it: spaces that would collapse written as `<text:s/>`, tabs as `<text:tab/>`,
 * line breaks as `<text:line-break/>`. Other white space (CR, form feed) becomes a space.
 */
export function odfText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\f\v]/g, ' ').split('\t').map(spacedRun).join('<text:tab/>'))
    .join('<text:line-break/>');
}

/** `name="value"` pairs; undefined values are left out. */
export function attrs(values: Record<string, string | number | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) if (value !== undefined) out += ` ${name}="${escapeAttr(String(value))}"`;
  return out;
}
