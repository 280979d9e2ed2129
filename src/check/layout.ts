import type { Block } from '../document/model';
import { isLive, type BlockAnalysis } from './analyze';

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
  hasSignatureBlock: boolean;
  /** LEAD_* flags per block. */
  leadIn: Uint8Array;
  /** Block indices of the cells of each table row, by `tableId:row`. */
  rows: Map<string, number[]>;
}

/** Longest text (in words) a block of the signature block may have: prose is not a signature. */
const SIGNATURE_BLOCK_WORDS = 30;

function isSignatureHeading(a: BlockAnalysis): boolean {
  return /\ssignat(ai|u)r/.test(a.normText) && !/\s(engag|mot)\b/.test(a.normText);
}

function leadInFlags(blocks: Block[], analyses: BlockAnalysis[]): Uint8Array {
  const lead = new Uint8Array(blocks.length);
  let current = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.type === 'listItem') {
      lead[i] = current;
      continue;
    }
    current = 0;
    if (b.type === 'paragraph' && /:\s*$/.test(b.text)) {
      const last = analyses[i]!.sentences.at(-1);
      if (last) current = (last.national ? LEAD_NATIONAL : 0) | (last.deferral ? LEAD_DEFERRED : 0) | (last.hedge ? LEAD_HEDGED : 0);
    }
  }
  return lead;
}

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
    const live = body && (leadIn[i]! & (LEAD_NATIONAL | LEAD_DEFERRED)) === 0 ? a.liveWords : 0;
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
  let hasSignatureBlock = false;
  const signatureTables = new Set<string>();
  for (let i = 0; i < n; i++) {
    const b = blocks[i]!;
    if (!b.table) continue;
    const key = `${b.table.id}:${b.table.row}`;
    rows.set(key, [...(rows.get(key) ?? []), i]);
    if (/\ssignatur/.test(analyses[i]!.normText)) signatureTables.add(b.table.id);
  }
  const mark = (k: number) => {
    if (analyses[k]!.words <= SIGNATURE_BLOCK_WORDS || blocks[k]!.table) {
      signature[k] = 1;
      hasSignatureBlock = true;
    }
  };
  for (let i = 0; i < n; i++) {
    const b = blocks[i]!;
    if (b.type === 'heading' && isSignatureHeading(analyses[i]!)) {
      const end = sections.get(i)!.end;
      for (let k = i + 1; k < end; k++) mark(k);
    } else if (b.type !== 'heading' && /^\s*Fait\s+(à|a|en)\s/iu.test(b.text)) {
      for (let k = i; k < n && blocks[k]!.type !== 'heading'; k++) mark(k);
    }
    if (b.table && signatureTables.has(b.table.id)) mark(i);
  }
  return { sections, signature, hasSignatureBlock, leadIn, rows };
}

/** True when a sentence counts as written content in this block (its own cues and its lead-in). */
export function liveIn(layout: Layout, block: number, sentence: Parameters<typeof isLive>[0]): boolean {
  return isLive(sentence) && (layout.leadIn[block]! & (LEAD_NATIONAL | LEAD_DEFERRED)) === 0;
}
