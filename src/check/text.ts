import { newStemmer } from 'snowball-stemmers';

/**
 * French text handling shared by the pack compiler and the block analyser: tokens keep their offsets in the
 * original text, so evidence can be quoted and highlighted exactly.
 */

/**
 * What the checker knows of a word form, computed once per distinct form and shared by every occurrence
 * (a contract's vocabulary is small: ~15 000 forms for 150 000 words).
 */
export interface Word {
  /** The form as written, dots of acronyms removed (« C.L.S. » → « CLS »). */
  raw: string;
  /** Lower case, accents removed, ligatures expanded. */
  norm: string;
  /** A French stop word (« le », « de », « et »…), ignored by phrase matching. */
  stop: boolean;
  /** Capitalised acronym form (« CLSPD »), or undefined. */
  acronym: string | undefined;
  /** Cue classes of cues.ts (bit mask), computed on first use; -1 until then. */
  cues: number;
  /** Snowball stem of `norm`, computed on first use. */
  stem?: string;
  /** Phrases of `startsFor` (the last compiled pack that asked) that start with this word. */
  startsFor?: object;
  candidates?: number[] | undefined;
}

/** The stem of a word, cached on the word. */
export function wordStem(w: Word): string {
  return (w.stem ??= stem(w.norm));
}

export interface Token {
  w: Word;
  start: number;
  end: number;
}

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
const lexicon = new Map<string, Word>();

function wordOf(form: string): Word {
  let w = lexicon.get(form);
  if (w === undefined) {
    const raw = form.length > 2 && form.charCodeAt(1) === 46 ? form.replace(/\./g, '') : form;
    const norm = normalizeWord(raw);
    w = { raw, norm, stop: STOP_WORDS.has(norm), acronym: acronymForm(raw, norm), cues: -1 };
    if (lexicon.size >= CACHE_LIMIT) lexicon.clear();
    lexicon.set(form, w);
  }
  return w;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Letters and digits: ASCII and Latin-1/Extended-A by code range (fast path), others by Unicode class. */
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c < 0xc0 || (c >= 0x2000 && c <= 0x206f)) return false;
  return LETTER_OR_DIGIT.test(String.fromCharCode(c));
}

const isUpper = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);

/**
 * Splits text into word tokens (letters and digits); apostrophes, hyphens, slashes and punctuation separate
 * words; dotted acronyms (« C.L.S.P.D. ») are one token. A hand-written scanner: 3× faster than a Unicode regex.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && isWordChar(text.charCodeAt(i))) i++;
    if (i - start === 1 && isUpper(text.charCodeAt(start)) && text.charCodeAt(i) === 46) {
      // « C.L.S. »: letter, dot, letter, dot…
      let j = i;
      while (j + 2 < n + 1 && text.charCodeAt(j) === 46 && isUpper(text.charCodeAt(j + 1)) && text.charCodeAt(j + 2) === 46) j += 2;
      if (j > i && !isWordChar(text.charCodeAt(j + 1))) i = j + 1;
    }
    tokens.push({ w: wordOf(text.slice(start, i)), start, end: i });
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

/** The acronym form of a word written in capitals (« CLSPD », « QPV »), else undefined. */
function acronymForm(raw: string, norm: string): string | undefined {
  const second = raw.charCodeAt(1);
  if (!((second >= 65 && second <= 90) || second >= 0xc0)) return undefined;
  return /^\p{Lu}[\p{Lu}\d]+$/u.test(raw) ? norm.toUpperCase() : undefined;
}

/** Content-word stems of a phrase, as the matcher compares them. */
export function phraseStems(phrase: string): string[] {
  return tokenize(phrase)
    .filter((t) => !t.w.stop)
    .map((t) => stem(t.w.norm));
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
