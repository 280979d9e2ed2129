import type { Block } from '../document/model';
import type { BlockAnalysis, Hit, Sentence } from './analyze';
import type { CompiledPack, PhraseRef } from './compile';
import type { Evidence } from './report';
import { LEAD_DEFERRED, LEAD_HEDGED, LEAD_NATIONAL, type Layout } from './layout';
import { tokenize } from './text';

/** One match of one requirement's vocabulary, with what the sentence around it says. */
export interface Mention {
  /** Index of the requirement in the pack. */
  req: number;
  block: number;
  hit: Hit;
  ref: PhraseRef;
  sentence: Sentence;
  heading: boolean;
  /** The block opens with this phrase as a label (« Volet santé : … »). */
  label: boolean;
  deferred: boolean;
  negated: boolean;
  national: boolean;
  consult: boolean;
  commit: boolean;
  involve: boolean;
  /** « pourra », « le cas échéant »: not a firm commitment. */
  hedge: boolean;
  signature: boolean;
}

export interface CheckInput {
  blocks: Block[];
  analyses: BlockAnalysis[];
  layout: Layout;
  compiled: CompiledPack;
}

const NEGATION_REACH = 8;

const normWordsCache = new WeakMap<BlockAnalysis, string[]>();

function normWords(a: BlockAnalysis): string[] {
  let words = normWordsCache.get(a);
  if (words === undefined) {
    words = a.normText.trim().split(' ');
    normWordsCache.set(a, words);
  }
  return words;
}

const headingWordsCache = new Map<string, string[]>();

/** Normalised words of a heading path, memoised (many blocks share one path). */
function headingWords(path: string[]): string[] {
  const key = path.join('\n');
  let words = headingWordsCache.get(key);
  if (words === undefined) {
    words = tokenize(path.join(' ')).filter((t) => !t.w.stop).map((t) => t.w.norm);
    if (headingWordsCache.size > 10_000) headingWordsCache.clear();
    headingWordsCache.set(key, words);
  }
  return words;
}

/** True when consecutive words start with the phrase's stems (stems are prefixes of their words). */
function containsPhrase(words: string[], stems: string[]): boolean {
  outer: for (let i = 0; i + stems.length <= words.length; i++) {
    for (let k = 0; k < stems.length; k++) if (!words[i + k]!.startsWith(stems[k]!)) continue outer;
    return true;
  }
  return false;
}

/**
 * An ambiguous term counts when one of its context phrases occurs in the same block, in the other cells of
 * its table row (« Vallombre Métropole | le Président »), or in its headings.
 */
function contextHolds(input: CheckInput, block: number, requireAny: string[][]): boolean {
  const b = input.blocks[block]!;
  const texts = [normWords(input.analyses[block]!)];
  if (b.table) for (const k of input.layout.rows.get(`${b.table.id}:${b.table.row}`) ?? []) texts.push(normWords(input.analyses[k]!));
  texts.push(headingWords(b.headingPath));
  return requireAny.some((stems) => texts.some((words) => containsPhrase(words, stems)));
}

const ROLE_RANK = { heading: 2, theme: 1, term: 0 } as const;

/**
 * The mentions found in one block, in reading order. Overlapping matches of one requirement (« égalité entre
 * les femmes et les hommes » and « femmes et les hommes ») make one mention, carrying the strongest role.
 */
export function mentionsOfBlock(input: CheckInput, block: number): Mention[] {
  const a = input.analyses[block]!;
  const b = input.blocks[block]!;
  const lead = input.layout.leadIn[block]!;
  const out: Mention[] = [];
  const last = new Map<number, Mention>();
  for (const hit of a.hits) {
    const sentence = a.sentences[hit.sentence]!;
    const negated = sentence.negations.some((k) => Math.abs(k - hit.t0) <= NEGATION_REACH);
    for (const ref of input.compiled.phrases[hit.phrase]!.refs) {
      if (ref.requireAny && !contextHolds(input, block, ref.requireAny)) continue;
      const previous = last.get(ref.req);
      if (previous && hit.start < previous.hit.end && previous.hit.start < hit.end) {
        if (ROLE_RANK[ref.role] > ROLE_RANK[previous.ref.role]) previous.ref = { ...ref, ...(previous.ref.current ? { current: previous.ref.current } : {}) };
        else if (ref.current && !previous.ref.current) previous.ref = { ...previous.ref, current: ref.current };
        continue;
      }
      const m: Mention = {
        req: ref.req,
        block,
        hit,
        ref,
        sentence,
        heading: b.type === 'heading',
        label: b.type !== 'heading' && a.labelEnd >= hit.end,
        deferred: sentence.deferral || (lead & LEAD_DEFERRED) !== 0,
        negated,
        national: sentence.national || (lead & LEAD_NATIONAL) !== 0,
        consult: sentence.consult,
        commit: sentence.commit && a.words >= 8,
        involve: sentence.involve,
        hedge: sentence.hedge || (lead & LEAD_HEDGED) !== 0,
        signature: input.layout.signature[block] === 1,
      };
      last.set(ref.req, m);
      out.push(m);
    }
  }
  return out;
}

/** Every mention of every requirement, grouped by requirement index, in reading order. */
export function collectMentions(input: CheckInput): Mention[][] {
  const byReq: Mention[][] = input.compiled.pack.requirements.map(() => []);
  for (let block = 0; block < input.analyses.length; block++) {
    for (const m of mentionsOfBlock(input, block)) byReq[m.req]!.push(m);
  }
  return byReq;
}

/** The passage quoted for a mention: its sentence (or heading), trimmed, at most ~300 characters. */
export function evidenceOf(input: CheckInput, m: Mention): Evidence {
  const block = input.blocks[m.block]!;
  const text = block.text;
  let start = m.heading ? 0 : m.sentence.start;
  let end = m.heading ? text.length : m.sentence.end;
  if (end - start > 300) {
    // A long sentence: keep a window around the match, cut at word boundaries.
    const from = Math.max(start, m.hit.start - 120);
    const to = Math.min(end, m.hit.end + 160);
    if (from > start) {
      const space = text.indexOf(' ', from);
      start = space >= 0 && space < m.hit.start ? space + 1 : from;
    }
    if (to < end) {
      const space = text.lastIndexOf(' ', to);
      end = space > m.hit.end ? space : to;
    }
  }
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { text: text.slice(start, end), blockId: block.id, start, end, headingPath: block.headingPath };
}

export function quote(input: CheckInput, m: Mention, max = 70): string {
  const t = evidenceOf(input, m).text;
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

/** Distinct blocks among mentions. */
export function blockCount(ms: Mention[]): number {
  return new Set(ms.map((m) => m.block)).size;
}
