import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  KEY_ENTER_COMMAND,
  PASTE_COMMAND,
  mergeRegister,
} from 'lexical';
import { useEffect } from 'react';
import { $isPlaceholderNode, type PlaceholderNode } from '../../nodes/PlaceholderNode';

/** The placeholder under a collapsed caret, if any. */
function $placeholderAtCaret(): PlaceholderNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
  const node = selection.anchor.getNode();
  return $isPlaceholderNode(node) ? node : null;
}

/**
 * Makes « [À compléter : …] » placeholders behave as the user expects: typing anywhere in one replaces
 * it (even with the caret at its edge, where Lexical would otherwise type beside it), pasting replaces it,
 * and Enter opens a new paragraph after it instead of splitting it.
 */
export function PlaceholderPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          CONTROLLED_TEXT_INSERTION_COMMAND,
          (payload) => {
            const placeholder = $placeholderAtCaret();
            if (!placeholder || typeof payload !== 'string') return false;
            const text = $createTextNode(payload);
            placeholder.replace(text);
            text.select();
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          PASTE_COMMAND,
          () => {
            const placeholder = $placeholderAtCaret();
            if (!placeholder) return false;
            // An empty text node takes the placeholder's place; the rich-text paste then fills it.
            const empty = $createTextNode('');
            placeholder.replace(empty);
            empty.select();
            return false;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          KEY_ENTER_COMMAND,
          () => {
            const placeholder = $placeholderAtCaret();
            if (placeholder) placeholder.selectEnd();
            return false;
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor],
  );
  return null;
}
