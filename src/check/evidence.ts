import type { Block } from '../document/model';
import type { BlockAnalysis, Hit, Sentence } from './analyze';
import type { CompiledPack, PhraseRef } from './compile';
import type { Evidence } from './report';
import { LEAD_DEFERRED, LEAD_HEDGED, LEAD_NATIONAL, type Layout } from './layout';
import { tokenize } from './text';

const HEADING = 1;
const LABEL = 2;
const DEFERRED = 4;
const NEGATED = 8;
const NATIONAL = 16;
const CONSULT = 32;
const COMMIT = 64;
const INVOLVE = 128;
const HEDGE = 256;
const SIGNATURE = 512;

/**
 * One match of one requirement's vocabulary, with what the sentence around it says. A full check makes ~27 000
 * of them and keeps them for the next incremental check, so the ten facts the rules read live in one bit mask.
 */
export class Mention {
  constructor(
    /** Index of the requirement in the pack. */
    readonly req: number,
    readonly block: number,
    readonly hit: Hit,
    public ref: PhraseRef,
    readonly sentence: Sentence,
    private readonly flags: number,
  ) {}

  get heading(): boolean {
    return (this.flags & HEADING) !== 0;
  }
  /** The block opens with this phrase as a label (« Volet santé : … »). */
  get label(): boolean {
    return (this.flags & LABEL) !== 0;
  }
  get deferred(): boolean {
    return (this.flags & DEFERRED) !== 0;
  }
  get negated(): boolean {
    return (this.flags & NEGATED) !== 0;
  }
  get national(): boolean {
    return (this.flags & NATIONAL) !== 0;
  }
  get consult(): boolean {
    return (this.flags & CONSULT) !== 0;
  }
  get commit(): boolean {
    return (this.flags & COMMIT) !== 0;
  }
  get involve(): boolean {
    return (this.flags & INVOLVE) !== 0;
  }
  /** « pourra », « le cas échéant »: not a firm commitment. */
  get hedge(): boolean {
    return (this.flags & HEDGE) !== 0;
  }
  get signature(): boolean {
    return (this.flags & SIGNATURE) !== 0;
  }
}

export interface CheckInput {
  blocks: Block[];
  analyses: BlockAnalysis[];
  layout: Layout;
  compiled: CompiledPack;
}

const NEGATION_REACH = 8;

const headingWordsCache = new Map<string, string[]>();
/** The same by heading-path array: blocks keep their array from check to check, so most look-ups stop here. */
const headingWordsByPath = new WeakMap<readonly string[], string[]>();

/** Normalised words of a heading path, memoised (many blocks share one path). */
function headingWords(path: readonly string[]): string[] {
  let words = headingWordsByPath.get(path);
  if (words !== undefined) return words;
  const key = path.join('\n');
  words = headingWordsCache.get(key);
  if (words === undefined) {
    words = tokenize(path.join(' ')).filter((t) => !t.w.stop).map((t) => t.w.norm);
    if (headingWordsCache.size > 10_000) headingWordsCache.clear();
    headingWordsCache.set(key, words);
  }
  headingWordsByPath.set(path, words);
  return words;
}

/** True when consecutive words start with the phrase's stems (stems are prefixes of their words). */
function containsPhrase(words: readonly string[], stems: string[]): boolean {
  const first = stems[0]!.length > 0 ? stems[0]!.charCodeAt(0) : -1;
  outer: for (let i = 0; i + stems.length <= words.length; i++) {
    // Most words fail on their first letter: test it before calling startsWith.
    if (first >= 0 && words[i]!.charCodeAt(0) !== first) continue;
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
  const texts: Array<readonly string[]> = [input.analyses[block]!.norms];
  if (b.table) for (const k of input.layout.rows.get(`${b.table.id}:${b.table.row}`) ?? []) texts.push(input.analyses[k]!.norms);
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
  const heading = b.type === 'heading';
  // What the block and its lead-in say, the same for every mention in it.
  const blockFlags =
    (heading ? HEADING : 0) |
    (lead & LEAD_DEFERRED ? DEFERRED : 0) |
    (lead & LEAD_NATIONAL ? NATIONAL : 0) |
    (lead & LEAD_HEDGED ? HEDGE : 0) |
    (input.layout.signature[block] === 1 ? SIGNATURE : 0);
  const out: Mention[] = [];
  for (const hit of a.hits) {
    const sentence = a.sentences[hit.sentence]!;
    let flags =
      blockFlags |
      (!heading && a.labelEnd >= hit.end ? LABEL : 0) |
      (sentence.deferral ? DEFERRED : 0) |
      (sentence.national ? NATIONAL : 0) |
      (sentence.consult ? CONSULT : 0) |
      (sentence.commit && a.words >= 8 ? COMMIT : 0) |
      (sentence.involve ? INVOLVE : 0) |
      (sentence.hedge ? HEDGE : 0);
    for (const k of sentence.negations) {
      if (Math.abs(k - hit.t0) <= NEGATION_REACH) {
        flags |= NEGATED;
        break;
      }
    }
    for (const ref of input.compiled.phrases[hit.phrase]!.refs) {
      if (ref.requireAny && !contextHolds(input, block, ref.requireAny)) continue;
      // The block's previous mention of this requirement (blocks hold a handful of mentions: a scan beats a map).
      let previous: Mention | undefined;
      for (let j = out.length - 1; j >= 0; j--) {
        if (out[j]!.req === ref.req) {
          previous = out[j];
          break;
        }
      }
      if (previous && hit.start < previous.hit.end && previous.hit.start < hit.end) {
        if (ROLE_RANK[ref.role] > ROLE_RANK[previous.ref.role]) previous.ref = { ...ref, ...(previous.ref.current ? { current: previous.ref.current } : {}) };
        else if (ref.current && !previous.ref.current) previous.ref = { ...previous.ref, current: ref.current };
        continue;
      }
      out.push(new Mention(ref.req, block, hit, ref, sentence, flags));
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
