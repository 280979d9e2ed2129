import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HISTORY_MERGE_TAG, type EditorState } from 'lexical';
import { useEffect } from 'react';
import { usePilier } from '../../../store';
import { registerEditor } from '../../registry';

const sameContent = (a: EditorState, b: EditorState): boolean => JSON.stringify(a.toJSON()) === JSON.stringify(b.toJSON());

/**
 * Ties a section's editor to the rest of the app: registers it (the store reads its content to save it, the
 * toolbar and the find bar reach it), and reports every content change to the store, which autosaves it and
 * rechecks it. Selection-only updates are ignored, and so are the normalisation passes Lexical runs when the
 * editor mounts (tagged history-merge, or touching no text) when they leave the content as it was: opening a
 * contract does not count as editing it.
 */
export function SectionSyncPlugin({ sectionId }: { sectionId: string }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const unregister = registerEditor(sectionId, editor);
    const stop = editor.registerUpdateListener(({ editorState, prevEditorState, dirtyElements, dirtyLeaves, tags }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      const housekeeping = tags.has(HISTORY_MERGE_TAG) || dirtyLeaves.size === 0;
      if (housekeeping && sameContent(prevEditorState, editorState)) return;
      usePilier.getState().sectionEdited(sectionId, editorState);
    });
    return () => {
      stop();
      unregister();
    };
  }, [editor, sectionId]);
  return null;
}
