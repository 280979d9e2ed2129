import { strFromU8, unzipSync } from 'fflate';
import { parseXml, type XmlElement } from '../../import/xml';

/** For the ODT tests: the package's parts, parsed, and small queries over them. Pure. */

const CANONICAL: Record<string, string> = {
  'urn:oasis:names:tc:opendocument:xmlns:office:1.0': 'office',
  'urn:oasis:names:tc:opendocument:xmlns:style:1.0': 'style',
  'urn:oasis:names:tc:opendocument:xmlns:text:1.0': 'text',
  'urn:oasis:names:tc:opendocument:xmlns:table:1.0': 'table',
  'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0': 'fo',
  'http://www.w3.org/1999/xlink': 'xlink',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'urn:oasis:names:tc:opendocument:xmlns:meta:1.0': 'meta',
  'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0': 'manifest',
  'urn:oasis:names:tc:opendocument:xmlns:config:1.0': 'config',
};

export interface OdtParts {
  names: string[];
  raw: Record<string, string>;
  content: XmlElement;
  styles: XmlElement;
  meta: XmlElement;
  manifest: XmlElement;
}

export function odtParts(bytes: Uint8Array): OdtParts {
  const files = unzipSync(bytes);
  const raw = Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
  const parse = (name: string): XmlElement => parseXml(raw[name] ?? '', CANONICAL);
  return {
    names: Object.keys(files),
    raw,
    content: parse('content.xml'),
    styles: parse('styles.xml'),
    meta: parse('meta.xml'),
    manifest: parse('META-INF/manifest.xml'),
  };
}

/** Every descendant element with this name, in document order. */
export function all(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    if (e.name === name) out.push(e);
    for (const c of e.children) if (typeof c !== 'string') walk(c);
  };
  walk(el);
  return out;
}

/** Text content as a reader sees it (text:s as spaces, tabs, line breaks). */
export function textOf(el: XmlElement): string {
  return el.children
    .map((c) => {
      if (typeof c === 'string') return c;
      if (c.name === 'text:s') return ' '.repeat(Number(c.attrs['text:c'] ?? 1));
      if (c.name === 'text:tab') return '\t';
      if (c.name === 'text:line-break') return '\n';
      return textOf(c);
    })
    .join('');
}

/** The style with this name and family in a part's styles (common and automatic). */
export function styleNamed(root: XmlElement, name: string, family = 'paragraph'): XmlElement | undefined {
  return all(root, 'style:style').find((s) => s.attrs['style:name'] === name && s.attrs['style:family'] === family);
}
