import { GRILLE_TITLE } from '../export/grille';

/**
 * The blocks without Pilier's « Grille de complétude » annex (its heading up to the next heading of its level), or
 * `undefined` when there is none. The annex repeats every requirement's title, which would read as evidence; the
 * checker recomputes it from the text. Shared by the readers that find it by its title (PDF, and any format whose
 * content-control tags were lost, as LibreOffice loses them converting a DOCX to ODT).
 */
export function withoutGrilleBlocks<T extends { type: string; text: string; level?: number }>(blocks: readonly T[]): T[] | undefined {
  const start = blocks.findIndex((b) => b.type === 'heading' && b.text.trim() === GRILLE_TITLE);
  if (start < 0) return undefined;
  const level = blocks[start]!.level ?? 1;
  let end = start + 1;
  while (end < blocks.length && !(blocks[end]!.type === 'heading' && (blocks[end]!.level ?? 1) <= level)) end++;
  return [...blocks.slice(0, start), ...blocks.slice(end)];
}
