import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  COMMAND_PRIORITY_LOW,
  SELECTION_CHANGE_COMMAND,
  type LexicalNode,
} from 'lexical';
import { useEffect } from 'react';
import type { CheckReport } from '../../../../src/check';
import type { Block } from '../../../../src/document/model';
import { usePilier } from '../../../store';
import type { PassageFocus } from '../../../store/checkSlice';
import { $pathOf, samePath } from '../../nodePath';

const SETTLE_MS = 120;

/** The requirements whose evidence lies in `block`, those whose passage holds `offset` first. */
export function requirementsOfBlock(report: CheckReport, block: Block, offset: number): string[] {
  const under: string[] = [];
  const elsewhere: string[] = [];
  for (const r of report.requirements) {
    const here = r.evidence.filter((e) => e.blockId === block.id);
    if (here.length === 0) continue;
    (here.some((e) => offset >= e.start && offset <= e.end) ? under : elsewhere).push(r.id);
  }
  return [...under, ...elsewhere];
}

/**
 * « Which requirements does this passage serve? »: when the caret settles in a block (by click or by
 * keyboard), the store learns the block and the requirements with evidence in it; the side panel lists them.
 */
export function PassagePlugin({ sectionId }: { sectionId: string }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (): void => {
      const state = usePilier.getState();
      const report = state.report;
      const blocks = state.liveCheck()?.blocksOf(sectionId) ?? [];
      if (!report || blocks.length === 0) return;
      const found = editor.getEditorState().read(() => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection)) return null;
        const anchor = selection.anchor.getNode();
        for (let node: LexicalNode | null = anchor; node && node.getParent(); node = node.getParent()) {
          const path = $pathOf(node);
          const block = blocks.find((b) => b.source && samePath(b.source.path, path));
          if (!block) continue;
          // The caret's offset in the block's text: the lengths of the texts before it, then its own offset.
          let offset = 0;
          const texts = $isElementNode(node) ? node.getAllTextNodes() : [];
          for (const t of texts) {
            if (t.is(anchor)) break;
            offset += t.getTextContentSize();
          }
          return { block, offset: offset + ($isTextNode(anchor) ? selection.anchor.offset : 0) };
        }
        return null;
      });
      let passage: PassageFocus | null = null;
      if (found) passage = { sectionId, blockId: found.block.id, requirementIds: requirementsOfBlock(report, found.block, found.offset) };
      const previous = state.passage;
      const same =
        previous?.blockId === passage?.blockId && previous?.requirementIds.join() === passage?.requirementIds.join();
      if (!same) state.setPassage(passage);
    };
    const stop = editor.registerCommand(
      SELECTION_CHANGE_COMMAND,
      () => {
        clearTimeout(timer);
        timer = setTimeout(settle, SETTLE_MS);
        return false;
      },
      COMMAND_PRIORITY_LOW,
    );
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [editor, sectionId]);
  return null;
}
