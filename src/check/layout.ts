import type { Block } from '../document/model';
import type { BlockAnalysis } from './analyze';

/**
 * Document-level facts derived from the blocks on every check (cheap, O(blocks)): where each heading's
 * section ends, how much is written in it, and which blocks form the signature block.
 */

export interface SectionStats {
  /** Index of the first block after the section. */
  end: number;
  words: number;
  /** Words in sentences neither deferred nor negated. */
  liveWords: number;
  /** Non-heading blocks with written words. */
  blocks: number;
  /** Words in deferred or negated sentences. */
  deferredWords: number;
}

export interface Layout {
  sections: Map<number, SectionStats>;
  /** 1 when the block belongs to the signature block (table or list of signataires). */
  signature: Uint8Array;
  hasSignatureBlock: boolean;
}

function isSignatureHeading(a: BlockAnalysis): boolean {
  return /\ssignat(ai|u)r/.test(a.normText) && !/\sengag/.test(a.normText);
}

export function layoutOf(blocks: Block[], analyses: BlockAnalysis[]): Layout {
  const n = blocks.length;
  const sections = new Map<number, SectionStats>();
  const signature = new Uint8Array(n);
  // Sections: walk back to front keeping, per level, the index where the next heading of that level or above starts.
  const nextAtOrAbove = new Array<number>(7).fill(n);
  const suffixWords = new Float64Array(n + 1);
  const suffixLive = new Float64Array(n + 1);
  const suffixBlocks = new Float64Array(n + 1);
  for (let i = n - 1; i >= 0; i--) {
    const b = blocks[i]!;
    const a = analyses[i]!;
    const body = b.type !== 'heading';
    suffixWords[i] = suffixWords[i + 1]! + (body ? a.words : 0);
    suffixLive[i] = suffixLive[i + 1]! + (body ? a.liveWords : 0);
    suffixBlocks[i] = suffixBlocks[i + 1]! + (body && a.words > 0 ? 1 : 0);
    if (b.type === 'heading') {
      const level = Math.min(6, Math.max(1, b.level ?? 1));
      const end = nextAtOrAbove[level]!;
      const words = suffixWords[i + 1]! - suffixWords[end]!;
      const liveWords = suffixLive[i + 1]! - suffixLive[end]!;
      sections.set(i, {
        end,
        words,
        liveWords,
        blocks: suffixBlocks[i + 1]! - suffixBlocks[end]!,
        deferredWords: words - liveWords,
      });
      for (let l = level; l <= 6; l++) nextAtOrAbove[l] = i;
    }
  }
  // Signature block: sections under a « Signataires / Signatures » heading, from a « Fait à … » line to the next
  // heading, and every cell of a table that has a « Signature » cell.
  let hasSignatureBlock = false;
  const signatureTables = new Set<string>();
  for (let i = 0; i < n; i++) {
    const b = blocks[i]!;
    if (b.table && /\ssignatur/.test(analyses[i]!.normText)) signatureTables.add(b.table.id);
  }
  for (let i = 0; i < n; i++) {
    const b = blocks[i]!;
    const a = analyses[i]!;
    if (b.type === 'heading' && isSignatureHeading(a)) {
      const end = sections.get(i)!.end;
      for (let k = i + 1; k < end; k++) signature[k] = 1;
      hasSignatureBlock = true;
    } else if (b.type !== 'heading' && /^\s*Fait\s+(à|a|en)\s/iu.test(b.text)) {
      for (let k = i; k < n && blocks[k]!.type !== 'heading'; k++) signature[k] = 1;
      hasSignatureBlock = true;
    }
    if (b.table && signatureTables.has(b.table.id)) {
      signature[i] = 1;
      hasSignatureBlock = true;
    }
  }
  return { sections, signature, hasSignatureBlock };
}
