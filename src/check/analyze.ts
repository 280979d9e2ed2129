import { PLACEHOLDER_PATTERN } from '../document/model';
import { mayStartPhrase, type CompiledPack } from './compile';
import { sentenceCues, type SentenceCues } from './cues';
import { scanTokens, sentenceSpans, TokenBuffer, wordStem } from './text';

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
  /** The block's content words, normalised, in order (context of ambiguous terms). */
  norms: readonly string[];
  /** The same words space-separated, with a leading space (for patterns over the whole block). */
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

/**
 * Scratch buffers reused across blocks (grown as needed): the tokens, the indices of content tokens and the
 * sentence of each token. An analysis keeps none of them, so a full check leaves no per-token garbage.
 */
const tokens = new TokenBuffer();
let contentScratch = new Int32Array(1024);
let sentenceScratch = new Int32Array(1024);
/**
 * The lists an analysis keeps are gathered here, then copied out at their exact length: an array grown by
 * push reserves at least 16 slots, which for ~6 000 blocks of a few hits each is most of the analyses' memory.
 */
const normScratch: string[] = [];
const hitScratch: Hit[] = [];
const sentenceList: Sentence[] = [];

export function analyzeBlock(rawText: string, compiled: CompiledPack, placeholder = false): BlockAnalysis {
  const text = placeholder ? ' '.repeat(rawText.length) : blankPlaceholders(rawText);
  scanTokens(text, tokens);
  const count = tokens.count;
  const words = tokens.words;
  if (contentScratch.length < count) {
    contentScratch = new Int32Array(count * 2);
    sentenceScratch = new Int32Array(count * 2);
  }
  const content = contentScratch;
  let contentCount = 0;
  for (let i = 0; i < count; i++) {
    const w = words[i]!;
    if (!w.stop) {
      normScratch[contentCount] = w.norm;
      content[contentCount++] = i;
    }
  }

  const spans = sentenceSpans(text);
  const sentenceOfToken = sentenceScratch;
  let t = 0;
  for (let s = 0; s < spans.length; s++) {
    const [start, end] = spans[s]!;
    const from = t;
    let sentenceWords = 0;
    while (t < count && tokens.start[t]! < end) {
      if (!words[t]!.stop) sentenceWords++;
      sentenceOfToken[t++] = s;
    }
    sentenceList[s] = sentenceCues(tokens, from, t, text, start, end, sentenceWords);
  }
  const sentences = sentenceList.slice(0, spans.length);

  const shouting = !/\p{Ll}/u.test(text) && contentCount >= 3;
  let hitCount = 0;
  for (let ci = 0; ci < contentCount; ci++) {
    const t0 = content[ci]!;
    const w = words[t0]!;
    const acronym = w.acronym;
    if (acronym && (!shouting || acronym.length >= 4)) {
      const ids = compiled.acronyms.get(acronym);
      if (ids) for (const id of ids) {
        hitScratch[hitCount++] = { phrase: id, t0, t1: t0 + 1, start: tokens.start[t0]!, end: tokens.end[t0]!, sentence: sentenceOfToken[t0]! };
      }
    }
    if (w.startsFor !== compiled) {
      w.startsFor = compiled;
      w.phrases = mayStartPhrase(compiled, w.norm) ? compiled.byFirstStem.get(wordStem(w)) : undefined;
    }
    let node = w.phrases;
    if (!node) continue;
    // Walk the trie over the following content words, collecting the phrases that end on the way.
    let matched: number[] | undefined;
    let merged = false;
    for (let k = 1; ; k++) {
      if (node.ends.length > 0) {
        merged = matched !== undefined;
        matched = matched ? matched.concat(node.ends) : node.ends;
      }
      if (!node.next || ci + k >= contentCount) break;
      node = node.next.get(wordStem(words[content[ci + k]!]!));
      if (!node) break;
    }
    if (!matched) continue;
    // Report them by ascending id, the order of the pack (phrases of several lengths come out of the walk shortest first).
    if (merged) matched.sort((x, y) => x - y);
    for (const id of matched) {
      const last = content[ci + compiled.phrases[id]!.stems.length - 1]!;
      hitScratch[hitCount++] = { phrase: id, t0, t1: last + 1, start: tokens.start[t0]!, end: tokens.end[last]!, sentence: sentenceOfToken[t0]! };
    }
  }
  let liveWords = 0;
  for (const s of sentences) if (isLive(s)) liveWords += s.words;
  const hits = hitScratch.slice(0, hitCount);
  const norms = normScratch.slice(0, contentCount);
  return new Analysis(rawText, contentCount, liveWords, hits, sentences, norms, labelEndOf(text, tokens, sentences));
}

class Analysis implements BlockAnalysis {
  private joined: string | undefined;

  constructor(
    readonly text: string,
    readonly words: number,
    readonly liveWords: number,
    readonly hits: Hit[],
    readonly sentences: Sentence[],
    readonly norms: readonly string[],
    readonly labelEnd: number,
  ) {}

  /** Joined on first use: only headings and table cells need it. */
  get normText(): string {
    return (this.joined ??= ' ' + this.norms.join(' '));
  }
}

/** A sentence that counts as written content: not deferred, not negated, not national context. */
export function isLive(s: Sentence): boolean {
  return !s.deferral && !s.national && s.negations.length === 0;
}

/**
 * Where a block's opening label ends, if it has one: « Volet santé : … » or « Santé. Le contrat… » (a first
 * sentence of a few words followed by more text); -1 otherwise.
 */
function labelEndOf(text: string, tokens: TokenBuffer, sentences: Sentence[]): number {
  const colon = text.lastIndexOf(':', 90);
  if (colon > 0) {
    let before = 0;
    while (before < tokens.count && tokens.end[before]! <= colon) before++;
    if (before > 0 && before <= 9) return colon;
  }
  const first = sentences[0];
  if (first && sentences.length > 1 && first.words > 0 && first.words <= 6 && /[.—–]\s*$/.test(text.slice(first.start, first.end).trimEnd())) {
    return first.end;
  }
  return -1;
}

