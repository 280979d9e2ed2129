import type { Block } from '../document/model';
import type { BlockAnalysis } from './analyze';

/**
 * Document-level facts derived from the blocks on every check (cheap, O(blocks)): where each heading's
 * section ends, how much is written in it, which blocks form the signature block, and which list items
 * inherit the framing of the sentence that introduces them (« Au niveau national, la convention prévoit : »).
 */

export interface SectionStats {
  /** Index of the first block after the section. */
  end: number;
  words: number;
  /** Words in sentences neither deferred, negated nor national context. */
  liveWords: number;
  /** Non-heading blocks with written words. */
  blocks: number;
  /** Words in deferred, negated or national-context sentences. */
  deferredWords: number;
}

/** Framing a list item inherits from its lead-in sentence. */
export const LEAD_NATIONAL = 1;
export const LEAD_DEFERRED = 2;
export const LEAD_HEDGED = 4;

export interface Layout {
  sections: Map<number, SectionStats>;
  /** 1 when the block belongs to the signature block (table or list of signataires). */
  signature: Uint8Array;
  /** 1 when the block lies in a signature zone (signature counts only for its short blocks). */
  zone: Uint8Array;
  /** For every block, the heading whose section directly holds it (for a heading: its parent); -1 at top. */
  owner: Int32Array;
  hasSignatureBlock: boolean;
  /** LEAD_* flags per block. */
  leadIn: Uint8Array;
  /** Block indices of the cells of each table row, by `tableId:row`. */
  rows: Map<string, number[]>;
}

/** Longest text (in words) a block of the signature block may have: prose is not a signature. */
const SIGNATURE_BLOCK_WORDS = 30;

function isSignatureHeading(a: BlockAnalysis): boolean {
  return /\ssignat(ai|u)r/.test(a.normText) && !/\s(engag|mot\b)/.test(a.normText);
}

/** The framing a paragraph ending with a colon gives the list items that follow it. */
function leadOf(b: Block, a: BlockAnalysis): number {
  // Same as /:\s*$/ (trimEnd removes exactly \s), without a regex scanning the whole paragraph for colons.
  if (b.type !== 'paragraph' || !b.text.trimEnd().endsWith(':')) return 0;
  const last = a.sentences.at(-1);
  return last ? (last.national ? LEAD_NATIONAL : 0) | (last.deferral ? LEAD_DEFERRED : 0) | (last.hedge ? LEAD_HEDGED : 0) : 0;
}

function leadInFlags(blocks: Block[], analyses: BlockAnalysis[]): Uint8Array {
  const lead = new Uint8Array(blocks.length);
  let current = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.type === 'listItem') lead[i] = current;
    else current = leadOf(b, analyses[i]!);
  }
  return lead;
}

/** Live words a body block contributes to its sections, given its lead-in framing. */
function liveOf(b: Block, a: BlockAnalysis, lead: number): number {
  return b.type !== 'heading' && (lead & (LEAD_NATIONAL | LEAD_DEFERRED)) === 0 ? a.liveWords : 0;
}

function ownersOf(blocks: Block[]): Int32Array {
  const owner = new Int32Array(blocks.length);
  const stack: { level: number; index: number }[] = [];
  blocks.forEach((b, i) => {
    if (b.type === 'heading') {
      const level = b.level ?? 1;
      while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
      owner[i] = stack.length > 0 ? stack[stack.length - 1]!.index : -1;
      stack.push({ level, index: i });
    } else owner[i] = stack.length > 0 ? stack[stack.length - 1]!.index : -1;
  });
  return owner;
}

const isFaitA = (b: Block): boolean => b.type !== 'heading' && /^\s*Fait\s+(à|a|en)\s/iu.test(b.text);

export function layoutOf(blocks: Block[], analyses: BlockAnalysis[]): Layout {
  const n = blocks.length;
  const leadIn = leadInFlags(blocks, analyses);
  const sections = new Map<number, SectionStats>();
  const signature = new Uint8Array(n);
  const rows = new Map<string, number[]>();
  // Sections: walk back to front keeping, per level, the index where the next heading of that level or above starts.
  const nextAtOrAbove = new Array<number>(7).fill(n);
  const suffixWords = new Float64Array(n + 1);
  const suffixLive = new Float64Array(n + 1);
  const suffixBlocks = new Float64Array(n + 1);
  for (let i = n - 1; i >= 0; i--) {
    const b = blocks[i]!;
    const a = analyses[i]!;
    const body = b.type !== 'heading';
    const live = liveOf(b, a, leadIn[i]!);
    suffixWords[i] = suffixWords[i + 1]! + (body ? a.words : 0);
    suffixLive[i] = suffixLive[i + 1]! + live;
    suffixBlocks[i] = suffixBlocks[i + 1]! + (body && a.words > 0 ? 1 : 0);
    if (b.type === 'heading') {
      const level = Math.min(6, Math.max(1, b.level ?? 1));
      const end = nextAtOrAbove[level]!;
      const words = suffixWords[i + 1]! - suffixWords[end]!;
      const liveWords = suffixLive[i + 1]! - suffixLive[end]!;
      sections.set(i, { end, words, liveWords, blocks: suffixBlocks[i + 1]! - suffixBlocks[end]!, deferredWords: words - liveWords });
      for (let l = level; l <= 6; l++) nextAtOrAbove[l] = i;
    }
  }
  // Signature block: short blocks under a « Signataires / Signatures » heading, from a « Fait à … » line to the
  // next heading, and every cell of a table that has a « Signature » cell.
  const zone = new Uint8Array(n);
  const signatureTables = new Set<string>();
  for (let i = 0; i < n; i++) {
    const b = blocks[i]!;
    if (!b.table) continue;
    const key = `${b.table.id}:${b.table.row}`;
    rows.set(key, [...(rows.get(key) ?? []), i]);
    if (/\ssignatur/.test(analyses[i]!.normText)) signatureTables.add(b.table.id);
  }
  for (let i = 0; i < n; i++) {
    const b = blocks[i]!;
    if (b.type === 'heading' && isSignatureHeading(analyses[i]!)) {
      const end = sections.get(i)!.end;
      for (let k = i + 1; k < end; k++) zone[k] = 1;
    } else if (isFaitA(b)) {
      for (let k = i; k < n && blocks[k]!.type !== 'heading'; k++) zone[k] = 1;
    }
    if (b.table && signatureTables.has(b.table.id)) zone[i] = 1;
  }
  let hasSignatureBlock = false;
  for (let i = 0; i < n; i++) {
    signature[i] = signs(blocks[i]!, analyses[i]!, zone[i]!);
    if (signature[i]) hasSignatureBlock = true;
  }
  return { sections, signature, zone, hasSignatureBlock, leadIn, rows, owner: ownersOf(blocks) };
}

function signs(b: Block, a: BlockAnalysis, zone: number): number {
  return zone && (a.words <= SIGNATURE_BLOCK_WORDS || b.table) ? 1 : 0;
}

/**
 * Updates a layout in place after the text of some body blocks changed (same blocks, same headings), and
 * returns the blocks whose mentions must be re-read: the changed ones, the list items whose lead-in framing
 * changed, and the other cells of a changed table row. Returns undefined when the change reaches the layout's
 * structure (a « Fait à » line or a « Signature » cell appears or goes): the caller then rebuilds it.
 */
export function updateLayout(layout: Layout, blocks: Block[], before: BlockAnalysis[], after: BlockAnalysis[], changed: number[]): number[] | undefined {
  const affected = new Set<number>();
  const shift = (i: number, lead0: number, lead1: number, a0: BlockAnalysis, a1: BlockAnalysis) => {
    const b = blocks[i]!;
    const dw = (b.type !== 'heading' ? a1.words - a0.words : 0);
    const dl = liveOf(b, a1, lead1) - liveOf(b, a0, lead0);
    const db = (b.type !== 'heading' ? Number(a1.words > 0) - Number(a0.words > 0) : 0);
    if (dw === 0 && dl === 0 && db === 0) return;
    for (let h = layout.owner[i]!; h >= 0; h = layout.owner[h]!) {
      const s = layout.sections.get(h)!;
      s.words += dw;
      s.liveWords += dl;
      s.blocks += db;
      s.deferredWords = s.words - s.liveWords;
    }
  };
  for (const i of changed) {
    const b = blocks[i]!;
    if (isFaitA({ ...b, text: before[i]!.text }) !== isFaitA(b)) return undefined;
    if (b.table && /\ssignatur/.test(before[i]!.normText) !== /\ssignatur/.test(after[i]!.normText)) return undefined;
    affected.add(i);
    shift(i, layout.leadIn[i]!, layout.leadIn[i]!, before[i]!, after[i]!);
    layout.signature[i] = signs(b, after[i]!, layout.zone[i]!);
    if (b.table) for (const k of layout.rows.get(`${b.table.id}:${b.table.row}`) ?? []) affected.add(k);
    const lead = leadOf(b, after[i]!);
    if (b.type === 'listItem' || lead === leadOf({ ...b, text: before[i]!.text }, before[i]!)) continue;
    for (let k = i + 1; k < blocks.length && blocks[k]!.type === 'listItem'; k++) {
      shift(k, layout.leadIn[k]!, lead, after[k]!, after[k]!);
      layout.leadIn[k] = lead;
      affected.add(k);
    }
  }
  let signing = 0;
  for (const i of changed) signing += layout.signature[i]!;
  if (layout.hasSignatureBlock && signing === 0 && !layout.signature.includes(1)) return undefined;
  if (!layout.hasSignatureBlock && signing > 0) return undefined;
  return [...affected].sort((x, y) => x - y);
}
