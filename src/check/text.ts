import { newStemmer } from 'snowball-stemmers';

/**
 * French text handling shared by the pack compiler and the block analyser: tokens keep their offsets in the
 * original text, so evidence can be quoted and highlighted exactly.
 */

export interface Token {
  /** The token as written, dots of acronyms removed (« C.L.S. » → « CLS »). */
  raw: string;
  /** Lower case, accents removed, ligatures expanded. */
  norm: string;
  start: number;
  end: number;
  /** A French stop word (« le », « de », « et »…), ignored by phrase matching. */
  stop: boolean;
}

const TOKEN = /(?:\p{Lu}\.){2,}(?!\p{L})|[\p{L}\p{N}]+/gu;

/** French words that carry no meaning for matching (normalised form). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  'le la les l de des du d un une et ou en a au aux pour par sur dans entre avec'.split(' '),
);

const normCache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** Lower case, accents removed, ligatures expanded (memoised: a contract's vocabulary is small). */
export function normalizeWord(word: string): string {
  let n = normCache.get(word);
  if (n === undefined) {
    n = word
      .toLowerCase()
      .replace(/œ/g, 'oe')
      .replace(/æ/g, 'ae')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
    if (normCache.size >= CACHE_LIMIT) normCache.clear();
    normCache.set(word, n);
  }
  return n;
}

/** Splits text into word tokens; apostrophes, hyphens, slashes and punctuation separate words. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = new RegExp(TOKEN.source, 'gu');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const word = m[0];
    const raw = word.length > 2 && word.charCodeAt(1) === 46 ? word.replace(/\./g, '') : word;
    const norm = normalizeWord(raw);
    tokens.push({ raw, norm, start: m.index, end: m.index + word.length, stop: STOP_WORDS.has(norm) });
  }
  return tokens;
}

const stemmer = newStemmer('french');
const stemCache = new Map<string, string>();

/**
 * Snowball French stem of a normalised word, without accents. Memoised: a contract's vocabulary is small
 * and the stemmer costs ~10 µs a word.
 */
export function stem(norm: string): string {
  let s = stemCache.get(norm);
  if (s === undefined) {
    s = /^\d+$/.test(norm) ? norm : normalizeWord(stemmer.stem(norm));
    if (stemCache.size >= CACHE_LIMIT) stemCache.clear();
    stemCache.set(norm, s);
  }
  return s;
}

/** The acronym form of a token when it is written in capitals (« CLSPD », « QPV »), else undefined. */
export function acronymOf(token: Token): string | undefined {
  const second = token.raw.charCodeAt(1);
  if (!((second >= 65 && second <= 90) || second >= 0xc0)) return undefined;
  return /^\p{Lu}[\p{Lu}\d]+$/u.test(token.raw) ? token.norm.toUpperCase() : undefined;
}

/** Content-word stems of a phrase, as the matcher compares them. */
export function phraseStems(phrase: string): string[] {
  return tokenize(phrase)
    .filter((t) => !t.stop)
    .map((t) => stem(t.norm));
}

/** Offsets of the sentences of a text: [start, end) pairs covering it. */
export function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const boundary = /[.!?…;]+["»)]?\s+(?=[«"(\p{Lu}\d–—-])|\n+/gu;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].length;
    spans.push([start, end]);
    start = end;
  }
  if (start < text.length || spans.length === 0) spans.push([start, text.length]);
  return spans;
}
