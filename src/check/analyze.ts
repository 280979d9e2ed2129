import { PLACEHOLDER_PATTERN } from '../document/model';
import { mayStartPhrase, type CompiledPack } from './compile';
import { sentenceCues, type SentenceCues } from './cues';
import { sentenceSpans, tokenize, wordStem, type Token } from './text';

/**
 * What the checker knows of one block, computed from its text alone (so it can be cached by block id and
 * text, and only changed blocks are re-analysed while the user types).
 */

export interface Hit {
  phrase: number;
  /** Token indices [t0, t1) in the block's token list. */
  t0: number;
  t1: number;
  start: number;
  end: number;
  sentence: number;
}

export interface Figure {
  value: number;
  unit: string;
  start: number;
  end: number;
}

export interface Sentence extends SentenceCues {
  start: number;
  end: number;
  /** Content words in the sentence. */
  words: number;
}

export interface BlockAnalysis {
  text: string;
  /** Content words written (placeholders excluded). */
  words: number;
  /** Content words in sentences that are neither deferred nor negated. */
  liveWords: number;
  hits: Hit[];
  sentences: Sentence[];
  /** The block's content words, normalised, space-separated with a leading space (context of ambiguous terms). */
  normText: string;
  /** The block opens with a label followed by a colon (« Volet santé : … »): token index of the colon's end. */
  labelEnd: number;
}

const FIGURE = /(\d{1,3}(?:[  .]\d{3})*(?:,\d+)?)\s*(%|pour\s?cent|points?|places|postes|jeunes|bénéficiaires|personnes|structures|emplois|heures)/giu;

const figureCache = new WeakMap<Sentence, Figure[]>();

/** Figures (« 25 % », « 120 places ») of a sentence of a block, read on demand (only cibles need them). */
export function figuresIn(text: string, sentence: Sentence): Figure[] {
  let figures = figureCache.get(sentence);
  if (!figures) {
    figures = figuresOf(text, sentence.start, sentence.end);
    figureCache.set(sentence, figures);
  }
  return figures;
}

function figuresOf(text: string, start: number, end: number): Figure[] {
  const out: Figure[] = [];
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(FIGURE)) {
    const value = Number(m[1]!.replace(/[  .]/g, '').replace(',', '.'));
    if (!Number.isFinite(value)) continue;
    const unit = m[2]!.toLowerCase().startsWith('%') || /^pour/i.test(m[2]!) ? '%' : m[2]!.toLowerCase();
    out.push({ value, unit, start: start + m.index, end: start + m.index + m[0].length });
  }
  return out;
}

function blankPlaceholders(text: string): string {
  return text.includes('[') ? text.replace(PLACEHOLDER_PATTERN, (m) => ' '.repeat(m.length)) : text;
}

/** Scratch buffer for the sentence of each token (grown as needed, reused across blocks). */
let sentenceScratch = new Int32Array(1024);

export function analyzeBlock(rawText: string, compiled: CompiledPack, placeholder = false): BlockAnalysis {
  const text = placeholder ? ' '.repeat(rawText.length) : blankPlaceholders(rawText);
  const tokens = tokenize(text);
  const content: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (!tokens[i]!.w.stop) content.push(i);

  const spans = sentenceSpans(text);
  if (sentenceScratch.length < tokens.length) sentenceScratch = new Int32Array(tokens.length * 2);
  const sentenceOfToken = sentenceScratch;
  const sentences: Sentence[] = [];
  let t = 0;
  for (let s = 0; s < spans.length; s++) {
    const [start, end] = spans[s]!;
    const from = t;
    let words = 0;
    while (t < tokens.length && tokens[t]!.start < end) {
      if (!tokens[t]!.w.stop) words++;
      sentenceOfToken[t++] = s;
    }
    sentences.push(sentenceCues(tokens, from, t, text, start, end, words));
  }

  const shouting = !/\p{Ll}/u.test(text) && content.length >= 3;
  const hits: Hit[] = [];
  const stemAt = (ci: number): string => wordStem(tokens[content[ci]!]!.w);

  for (let ci = 0; ci < content.length; ci++) {
    const token: Token = tokens[content[ci]!]!;
    const acronym = token.w.acronym;
    if (acronym && (!shouting || acronym.length >= 4)) {
      const ids = compiled.acronyms.get(acronym);
      if (ids) for (const id of ids) {
        hits.push({ phrase: id, t0: content[ci]!, t1: content[ci]! + 1, start: token.start, end: token.end, sentence: sentenceOfToken[content[ci]!]! });
      }
    }
    const w = token.w;
    if (w.startsFor !== compiled) {
      w.startsFor = compiled;
      w.candidates = mayStartPhrase(compiled, w.norm) ? compiled.byFirstStem.get(wordStem(w)) : undefined;
    }
    const candidates = w.candidates;
    if (!candidates) continue;
    for (const id of candidates) {
      const phrase = compiled.phrases[id]!;
      let ok = true;
      for (let k = 1; k < phrase.stems.length; k++) {
        if (ci + k >= content.length || stemAt(ci + k) !== phrase.stems[k]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      const last = tokens[content[ci + phrase.stems.length - 1]!]!;
      hits.push({ phrase: id, t0: content[ci]!, t1: content[ci + phrase.stems.length - 1]! + 1, start: token.start, end: last.end, sentence: sentenceOfToken[content[ci]!]! });
    }
  }
  let liveWords = 0;
  for (const s of sentences) if (isLive(s)) liveWords += s.words;
  let normText: string | undefined;
  return {
    text: rawText,
    words: content.length,
    liveWords,
    hits,
    sentences,
    get normText() {
      return (normText ??= ' ' + content.map((i) => tokens[i]!.w.norm).join(' '));
    },
    labelEnd: labelEndOf(text, tokens, sentences),
  };
}

/** A sentence that counts as written content: not deferred, not negated, not national context. */
export function isLive(s: Sentence): boolean {
  return !s.deferral && !s.national && s.negations.length === 0;
}

/**
 * Where a block's opening label ends, if it has one: « Volet santé : … » or « Santé. Le contrat… » (a first
 * sentence of a few words followed by more text); -1 otherwise.
 */
function labelEndOf(text: string, tokens: Token[], sentences: Sentence[]): number {
  const colon = text.lastIndexOf(':', 90);
  if (colon > 0) {
    let before = 0;
    while (before < tokens.length && tokens[before]!.end <= colon) before++;
    if (before > 0 && before <= 9) return colon;
  }
  const first = sentences[0];
  if (first && sentences.length > 1 && first.words > 0 && first.words <= 6 && /[.—–]\s*$/.test(text.slice(first.start, first.end).trimEnd())) {
    return first.end;
  }
  return -1;
}

