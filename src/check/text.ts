import { newStemmer } from 'snowball-stemmers';
import type { StemNode } from './compile';

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
  /** Where phrases of `startsFor` (the last compiled pack that asked) starting with this word lead. */
  startsFor?: object;
  phrases?: StemNode | undefined;
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

/**
 * Every word form seen so far, in an open-addressing hash table keyed by the form's characters: the scanner
 * hashes a word while it reads it and compares candidates in place, so looking a word up allocates nothing
 * (a Map would need the form sliced out of the text first, then hashed again). The forms' characters sit back to
 * back in one typed array, compared with the text's own copy (see `scanTokens`): reading characters from typed
 * arrays halves the scanner's time against charCodeAt on strings. Cleared past CACHE_LIMIT forms.
 */
let pool = new Uint16Array(1 << 16);
let poolUsed = 0;
const formStart: number[] = [];
const formLength: number[] = [];
const formHashes: number[] = [];
const formWords: Word[] = [];
let slots = new Int32Array(1 << 15).fill(-1);

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashRange(chars: Uint16Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ chars[i]!, FNV_PRIME);
  return h;
}

/** The table is indexed by the hash's low bits: fold the high ones in. */
const slotOf = (hash: number, mask: number): number => (hash ^ (hash >>> 15)) & mask;

/** The word of chars[start, end) (a copy of text's), whose FNV-1a hash is `hash`. */
function wordAt(chars: Uint16Array, text: string, start: number, end: number, hash: number): Word {
  const mask = slots.length - 1;
  const length = end - start;
  let s = slotOf(hash, mask);
  probe: for (let id = slots[s]!; id >= 0; id = slots[s]!) {
    s = (s + 1) & mask;
    if (formHashes[id] !== hash || formLength[id] !== length) continue;
    const from = formStart[id]!;
    for (let k = 0; k < length; k++) if (pool[from + k] !== chars[start + k]) continue probe;
    return formWords[id]!;
  }
  if (formWords.length >= CACHE_LIMIT) {
    poolUsed = formStart.length = formLength.length = formHashes.length = formWords.length = 0;
    slots.fill(-1);
  }
  const w = newWord(text.slice(start, end));
  if (poolUsed + length > pool.length) {
    const grown = new Uint16Array(Math.max(pool.length * 2, poolUsed + length));
    grown.set(pool.subarray(0, poolUsed));
    pool = grown;
  }
  pool.set(chars.subarray(start, end), poolUsed);
  formStart.push(poolUsed);
  formLength.push(length);
  poolUsed += length;
  formHashes.push(hash);
  formWords.push(w);
  if (formWords.length * 2 > slots.length) rehash(slots.length * 2);
  else {
    let free = slotOf(hash, mask);
    while (slots[free]! >= 0) free = (free + 1) & mask;
    slots[free] = formWords.length - 1;
  }
  return w;
}

function rehash(size: number): void {
  slots = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (let id = 0; id < formHashes.length; id++) {
    let s = slotOf(formHashes[id]!, mask);
    while (slots[s]! >= 0) s = (s + 1) & mask;
    slots[s] = id;
  }
}

function newWord(form: string): Word {
  const raw = form.length > 2 && form.charCodeAt(1) === 46 ? form.replace(/\./g, '') : form;
  const norm = normalizeWord(raw);
  return { raw, norm, stop: STOP_WORDS.has(norm), acronym: acronymForm(raw, norm), cues: -1 };
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
 * The tokens of one text as parallel arrays (word, start, end) rather than one object per token: the checker
 * scans ~160 000 words per full check and keeps none of the tokens, so reusable buffers spare the garbage
 * collector. A buffer is overwritten by the next scan into it.
 */
export class TokenBuffer {
  count = 0;
  words: Word[] = [];
  start = new Int32Array(256);
  end = new Int32Array(256);

  push(w: Word, start: number, end: number): void {
    const k = this.count++;
    if (k === this.start.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.start = grow(this.start);
      this.end = grow(this.end);
    }
    this.words[k] = w;
    this.start[k] = start;
    this.end[k] = end;
  }
}

/**
 * Splits text into word tokens (letters and digits), written into `out`; apostrophes, hyphens, slashes and
 * punctuation separate words; dotted acronyms (« C.L.S.P.D. ») are one token. A hand-written scanner: 3× faster
 * than a Unicode regex.
 */
export function scanTokens(text: string, out: TokenBuffer): TokenBuffer {
  out.count = 0;
  const n = text.length;
  // The text's characters, copied once, then zeros: past the end reads as a non-letter (charCodeAt's NaN did).
  if (textChars.length < n + 3) textChars = new Uint16Array(2 * n + 3);
  const chars = textChars;
  for (let k = 0; k < n; k++) chars[k] = text.charCodeAt(k);
  chars[n] = chars[n + 1] = chars[n + 2] = 0;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(chars[i]!)) i++;
    if (i >= n) break;
    const start = i;
    let hash = FNV_OFFSET;
    for (; i < n; i++) {
      const c = chars[i]!;
      if (!isWordChar(c)) break;
      hash = Math.imul(hash ^ c, FNV_PRIME);
    }
    if (i - start === 1 && isUpper(chars[start]!) && chars[i] === 46) {
      // « C.L.S. »: letter, dot, letter, dot…
      let j = i;
      while (j + 2 < n + 1 && chars[j] === 46 && isUpper(chars[j + 1]!) && chars[j + 2] === 46) j += 2;
      if (j > i && !isWordChar(chars[j + 1]!)) {
        i = j + 1;
        hash = hashRange(chars, start, i);
      }
    }
    out.push(wordAt(chars, text, start, i, hash), start, i);
  }
  return out;
}

/** Scratch copy of the text being scanned (reused: scans do not nest). */
let textChars = new Uint16Array(4096);

/** Word tokens of a text, one object each (for callers outside the checker's hot path). */
export function tokenize(text: string): Token[] {
  const buffer = scanTokens(text, new TokenBuffer());
  const tokens: Token[] = [];
  for (let k = 0; k < buffer.count; k++) tokens.push({ w: buffer.words[k]!, start: buffer.start[k]!, end: buffer.end[k]! });
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

/** Sentence ends: punctuation before a capital, a digit, a quote or a dash; or line breaks. */
const SENTENCE_END = /[.!?…;]+["»)]?\s+(?=[«"(\p{Lu}\d–—-])|\n+/gu;

/** Offsets of the sentences of a text: [start, end) pairs covering it. */
export function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  // One shared regex driven by exec: matchAll would clone it for every block.
  SENTENCE_END.lastIndex = 0;
  let start = 0;
  for (let m = SENTENCE_END.exec(text); m !== null; m = SENTENCE_END.exec(text)) {
    const end = m.index + m[0].length;
    spans.push([start, end]);
    start = end;
  }
  if (start < text.length || spans.length === 0) spans.push([start, text.length]);
  return spans;
}
