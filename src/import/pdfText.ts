/**
 * The text rules of the PDF reader, apart from geometry: page numbers, bullets and list markers, heading
 * numbering, table-of-contents leaders, and how two lines of one paragraph are joined.
 */

/** « 3 », « - 3 - », « – 3 – », « Page 3 », « Page 3 sur 40 », « p. 3 », « 3/40 », « 3 / 40 », « iv ». */
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:(?:page|p\.)\s*)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:sur|\/|de)\s*\d{1,4})?(?:\s*[-–—])?$/i;

/** Whether a line is nothing but a page number. */
export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

/** A table-of-contents entry: dot leaders (« Santé ........ 12 »), with or without the page number. */
export function isTocEntry(text: string): boolean {
  return /(?:\.\s?){5,}\s*(?:\d{1,4}|[ivxlc]{1,6})?\s*$/i.test(text) || /…{2,}\s*\d*\s*$/.test(text);
}

/** Titles of a table of contents. */
export function isTocTitle(text: string): boolean {
  return /^(?:sommaire|table des mati[eè]res|table)$/i.test(text.trim());
}

const BULLET = /^([•◦▪▫■□●○‣⁃∙·\-–—*➢➤►✓✔])\s+(.*)$/u;
const LETTER_ITEM = /^([a-z]\)|\(?[a-z]\)|[ivx]{1,4}\))\s+(.*)$/;

/** A list item's marker and text: « • texte », « – texte », « a) texte » ; undefined for other lines. */
export function listMarker(text: string): { marker: string; text: string } | undefined {
  const m = BULLET.exec(text) ?? LETTER_ITEM.exec(text);
  return m ? { marker: m[1]!, text: m[2]! } : undefined;
}

/** « 1. », « 1 », « 2.3 », « 2.3. », « 2.1.3 » followed by a title (capital or number after the space). */
const DECIMAL = /^(\d{1,2}(?:\.\d{1,2}){0,5})\.?\s*[-–—)]?\s+(?=\S)/;
const ROMAN = /^([IVXLC]{1,6})\s*[.\-–—)]\s*(?=\S)/;
const NAMED = /^(titre|chapitre|partie|article|axe|pilier|volet|annexe|section)\s+([IVXLC]{1,6}|\d{1,3}|premier|unique)\b/i;

export interface Numbering {
  /** 1 for « 1. », « I. », « Titre II » ; 2 for « 2.3 » or « Article 3 » ; 3 for « 2.1.3 »… */
  depth: number;
  /** A numbering only titles use (« Titre II », « Article 3 », « I. », « 2.3 »); « 1. » alone is also a list's. */
  strong: boolean;
}

/** The numbering a title starts with, if any. */
export function headingNumbering(text: string): Numbering | undefined {
  const named = NAMED.exec(text);
  if (named) {
    const word = named[1]!.toLowerCase();
    const depth = word === 'article' || word === 'section' ? 2 : 1;
    return { depth, strong: true };
  }
  const roman = ROMAN.exec(text);
  if (roman && !/^[IVXLC]\.\s*[A-Z]\./.test(text)) return { depth: 1, strong: true };
  const decimal = DECIMAL.exec(text);
  if (decimal) {
    const depth = decimal[1]!.split('.').length;
    return { depth, strong: depth > 1 };
  }
  return undefined;
}

/**
 * Words before a line-end hyphen that make a compound (« femmes-hommes », « sous-préfet », « c’est-à-dire »):
 * their hyphen is kept.
 */
const COMPOUND_FIRST = new Set(
  ('femmes hommes à au aux vis rez demi mi semi non quasi ex vice sous sur contre arrière avant après entre grand grande grands ' +
    'petit petite petits bien mal porte chef co anti auto extra néo post pré pro ultra multi mini micro socio médico éco ' +
    'politico franco euro afro italo belle beau plus moins nord sud est ouest haut haute hauts basse bas saint sainte ' +
    'état états peut').split(' '),
);
/** Words after the hyphen that end a compound (« celle-ci », « peut-être », « rendez-vous », « elle-même »). */
const COMPOUND_LAST = new Set('ci là même mêmes être ce il ils elle elles on nous vous t y en dire vis delà dessus dessous dedans dehors'.split(' '));

/** A word and the compound it ends (an elided article, « d’ », left out), before a final hyphen; a line's first word. */
const WORD_END = /([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)-$/u;
const WORD_START = /^([\p{L}\p{N}]+)/u;

/**
 * Joins two lines of one paragraph. A line ending with a hyphen is a word cut at the end of the line
 * (« accompa- / gnement » → « accompagnement ») or a compound broken at its own hyphen (« femmes- / hommes »
 * → « femmes-hommes »). The text alone cannot always tell; the rule, in order:
 * 1. the next line starts with a capital or a digit: keep the hyphen (« Hauts-de- / Brume »);
 * 2. the document writes the compound elsewhere with its hyphen on one line (`known`): keep it; it writes the
 *    word without hyphen: drop it;
 * 3. the part before is a usual first part of French compounds (« sous », « femmes », « vis-à »…) or the part
 *    after a usual last part (« ci », « même »…): keep it;
 * 4. otherwise drop it.
 * The trade-off: a rare compound broken at its hyphen, not written elsewhere in the document, loses its
 * hyphen (« mal-logement » becomes « mallogement » only if « mal » were missing from the list); a word cut
 * by hyphenation after one of the listed prefixes keeps a stray hyphen (« sur-face »). Both are rare, and the
 * checker's matching of the words around is unaffected.
 */
export function joinLines(before: string, after: string, known?: { has(word: string): boolean }): string {
  const a = before.replace(/\s+$/, '');
  const b = after.replace(/^\s+/, '');
  if (!a) return b;
  if (!b) return a;
  if (!a.endsWith('-') || /\s-$/.test(a)) return `${a} ${b}`;
  const first = WORD_END.exec(a)?.[1];
  const next = WORD_START.exec(b)?.[1];
  if (!first || !next || !/^\p{Ll}/u.test(next)) return a + b;
  const lastPart = (first.split('-').at(-1) ?? first).toLowerCase();
  const compound = `${first}-${next}`.toLowerCase();
  const joined = `${first}${next}`.toLowerCase();
  if (known?.has(compound)) return a + b;
  if (known?.has(joined)) return a.slice(0, -1) + b;
  if (COMPOUND_FIRST.has(lastPart) || COMPOUND_FIRST.has(first.toLowerCase()) || COMPOUND_LAST.has(next.toLowerCase())) return a + b;
  return a.slice(0, -1) + b;
}

/** The words of a line, lowercased, hyphenated compounds kept whole, elisions apart: what `joinLines` consults. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
}
