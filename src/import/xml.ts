/**
 * A small, strict XML parser for the parts of an OpenDocument package: elements, attributes, text, CDATA;
 * comments, processing instructions and the DOCTYPE are skipped, and no entity but the five predefined ones
 * and character references is ever expanded (no external entity, no « billion laughs »). Namespace prefixes
 * are rewritten to canonical ones from their URIs, so `<t:p>` reads as `text:p` whatever the writer chose.
 * Runs in the browser and in Node (no built-ins).
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export class XmlError extends Error {}

/** Deeper nesting than this is refused (real documents stay far below; the walkers recurse). */
export const MAX_XML_DEPTH = 400;

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]{2,4});/g, (whole, body: string) => {
    if (body[0] !== '#') return PREDEFINED[body] ?? whole;
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  });
}

const NAME = /[^\s/>=]+/y;
const ATTRIBUTE = /\s*([^\s/>=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const TAG_END = /\s*(\/?)>/y;

type Prefixes = Map<string, string>;

function rename(qname: string, prefixes: Prefixes): string {
  const colon = qname.indexOf(':');
  if (colon < 0) return qname;
  const canonical = prefixes.get(qname.slice(0, colon));
  return canonical ? canonical + qname.slice(colon) : qname;
}

function skipTo(text: string, from: number, marker: string, what: string): number {
  const end = text.indexOf(marker, from);
  if (end < 0) throw new XmlError(`${what} non terminé`);
  return end + marker.length;
}

/** Skips `<!DOCTYPE …>`, internal subset included. */
function skipDoctype(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) return i + 1;
  }
  throw new XmlError('DOCTYPE non terminé');
}

/**
 * Parses a document and returns its root element. `canonical` maps namespace URIs to the prefixes the
 * caller wants to see. Throws XmlError on malformed input.
 */
export function parseXml(text: string, canonical: Record<string, string> = {}): XmlElement {
  const stack: { el: XmlElement; prefixes: Prefixes }[] = [];
  const renaming = Object.keys(canonical).length > 0;
  let root: XmlElement | undefined;
  let pos = 0;
  const len = text.length;
  const appendText = (raw: string): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      if (raw.trim()) throw new XmlError('texte hors de l’élément racine');
      return;
    }
    const value = decodeXmlEntities(raw);
    const kids = top.el.children;
    if (typeof kids[kids.length - 1] === 'string') kids[kids.length - 1] += value;
    else kids.push(value);
  };
  while (pos < len) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) {
      appendText(text.slice(pos));
      break;
    }
    if (lt > pos) appendText(text.slice(pos, lt));
    if (text.startsWith('<!--', lt)) pos = skipTo(text, lt + 4, '-->', 'commentaire');
    else if (text.startsWith('<![CDATA[', lt)) {
      const end = skipTo(text, lt + 9, ']]>', 'section CDATA');
      const top = stack[stack.length - 1];
      if (!top) throw new XmlError('CDATA hors de l’élément racine');
      top.el.children.push(text.slice(lt + 9, end - 3));
      pos = end;
    } else if (text.startsWith('<?', lt)) pos = skipTo(text, lt + 2, '?>', 'instruction');
    else if (text.startsWith('<!', lt)) pos = skipDoctype(text, lt + 2);
    else if (text[lt + 1] === '/') {
      const end = skipTo(text, lt + 2, '>', 'balise fermante');
      const top = stack.pop();
      const name = text.slice(lt + 2, end - 1).trim();
      if (!top || rename(name, top.prefixes) !== top.el.name) throw new XmlError(`balise fermante </${name}> inattendue`);
      pos = end;
    } else {
      NAME.lastIndex = lt + 1;
      const m = NAME.exec(text);
      if (!m) throw new XmlError('nom d’élément attendu');
      let p = NAME.lastIndex;
      const raw: [string, string][] = [];
      for (;;) {
        ATTRIBUTE.lastIndex = p;
        const a = ATTRIBUTE.exec(text);
        if (!a) break;
        raw.push([a[1]!, decodeXmlEntities(a[2] ?? a[3] ?? '')]);
        p = ATTRIBUTE.lastIndex;
      }
      TAG_END.lastIndex = p;
      const end = TAG_END.exec(text);
      if (!end) throw new XmlError(`balise <${m[0]}> mal formée`);
      pos = TAG_END.lastIndex;
      const parent = stack[stack.length - 1];
      let prefixes = parent?.prefixes ?? new Map<string, string>();
      for (const [name, value] of raw) {
        if (!renaming || !name.startsWith('xmlns:')) continue;
        if (prefixes === parent?.prefixes) prefixes = new Map(prefixes);
        // A prefix bound to an unknown namespace can never pass for a known one.
        prefixes.set(name.slice(6), canonical[value] ?? `~${name.slice(6)}`);
      }
      const attrs: Record<string, string> = {};
      for (const [name, value] of raw) if (!name.startsWith('xmlns')) attrs[rename(name, prefixes)] = value;
      const el: XmlElement = { name: rename(m[0], prefixes), attrs, children: [] };
      if (parent) parent.el.children.push(el);
      else if (root) throw new XmlError('plusieurs éléments racines');
      else root = el;
      if (end[1] !== '/') {
        if (stack.length >= MAX_XML_DEPTH) throw new XmlError('imbrication trop profonde');
        stack.push({ el, prefixes });
      }
    }
  }
  if (stack.length > 0) throw new XmlError(`élément <${stack[stack.length - 1]!.el.name}> non fermé`);
  if (!root) throw new XmlError('document vide');
  return root;
}

/** The element children of an element, optionally only those with a given name. */
export function elements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && (name === undefined || c.name === name)) out.push(c);
  return out;
}

/** The first descendant (depth first, the element itself included) with a given name. */
export function findElement(el: XmlElement, name: string): XmlElement | undefined {
  if (el.name === name) return el;
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    const found = findElement(c, name);
    if (found) return found;
  }
  return undefined;
}
