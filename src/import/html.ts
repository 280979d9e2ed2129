/**
 * A small, forgiving HTML parser for the subset mammoth writes (p, h1–h6, ul/ol/li, table/thead/tbody/tr/td/th,
 * strong/em/u/s, a, br, img, sup/sub). It builds a tree; it does not try to be a browser.
 * Runs in the browser and in Node (no built-ins).
 */

export interface HtmlElement {
  kind: 'element';
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}

export interface HtmlText {
  kind: 'text';
  text: string;
}

export type HtmlNode = HtmlElement | HtmlText;

const VOID_TAGS = new Set(['br', 'img', 'hr', 'col', 'meta', 'link', 'input', 'wbr', 'area', 'base', 'source']);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  laquo: '«',
  raquo: '»',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  agrave: 'à',
  acirc: 'â',
  ccedil: 'ç',
  ocirc: 'ô',
  icirc: 'î',
  iuml: 'ï',
  ucirc: 'û',
  ugrave: 'ù',
  oelig: 'œ',
  Eacute: 'É',
  euro: '€',
  deg: '°',
  shy: '\u00ad',
};

/** Decodes named (common ones) and numeric character references; unknown names are left as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

const CLOSE_TAG = /<\/\s*([A-Za-z][A-Za-z0-9]*)\s*>/y;
const OPEN_TAG = /<([A-Za-z][A-Za-z0-9]*)/y;
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

function parseAttributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(ATTRIBUTE)) {
    const name = m[1]!.toLowerCase();
    attrs[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/**
 * Parses an HTML fragment into a tree. Unknown or stray end tags are ignored; unclosed elements are closed
 * at the end. Comments, doctypes and processing instructions are skipped.
 */
export function parseHtml(html: string): HtmlNode[] {
  const root: HtmlElement = { kind: 'element', tag: '#root', attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  const top = (): HtmlElement => stack[stack.length - 1]!;
  let i = 0;
  const n = html.length;

  const addText = (raw: string): void => {
    if (raw.length === 0) return;
    const text = decodeEntities(raw);
    const siblings = top().children;
    const last = siblings[siblings.length - 1];
    if (last?.kind === 'text') last.text += text;
    else siblings.push({ kind: 'text', text });
  };

  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      addText(html.slice(i));
      break;
    }
    addText(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const next = html[lt + 1];
    if (next === '!' || next === '?') {
      const end = html.indexOf('>', lt + 2);
      i = end < 0 ? n : end + 1;
      continue;
    }
    CLOSE_TAG.lastIndex = lt;
    const close = CLOSE_TAG.exec(html);
    if (close) {
      const tag = close[1]!.toLowerCase();
      let at = stack.length - 1;
      while (at > 0 && stack[at]!.tag !== tag) at--;
      if (at > 0) stack.length = at;
      i = lt + close[0].length;
      continue;
    }
    OPEN_TAG.lastIndex = lt;
    const open = OPEN_TAG.exec(html);
    if (!open) {
      addText('<');
      i = lt + 1;
      continue;
    }
    const end = findTagEnd(html, lt + open[0].length);
    if (end < 0) {
      addText(html.slice(lt));
      break;
    }
    const tag = open[1]!.toLowerCase();
    let inner = html.slice(lt + open[0].length, end);
    const selfClosing = inner.trimEnd().endsWith('/');
    if (selfClosing) inner = inner.trimEnd().slice(0, -1);
    const attrs = inner.trim() === '' ? {} : parseAttributes(inner);
    const element: HtmlElement = { kind: 'element', tag, attrs, children: [] };
    top().children.push(element);
    if (!selfClosing && !VOID_TAGS.has(tag)) stack.push(element);
    i = end + 1;
  }
  return root.children;
}

/** Index of the `>` that ends a start tag, skipping quoted attribute values. */
function findTagEnd(html: string, from: number): number {
  let quote: string | undefined;
  for (let j = from; j < html.length; j++) {
    const c = html[j];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return j;
    }
  }
  return -1;
}

/** True for an element with one of these tags (any element when none is given). */
export function isElement<T extends string>(node: HtmlNode, ...tags: T[]): node is HtmlElement & { tag: T } {
  return node.kind === 'element' && (tags.length === 0 || (tags as string[]).includes(node.tag));
}
