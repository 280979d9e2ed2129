import type { LexicalEditor } from 'lexical';

/**
 * The mounted section editors, by section id. The store reads a section's content from here when it saves
 * (the text lives in Lexical, not in the store), and the toolbar, the find bar and the evidence highlighter
 * reach the editors through it.
 */
const editors = new Map<string, LexicalEditor>();
const listeners = new Set<() => void>();

const notify = (): void => listeners.forEach((listener) => listener());

export function registerEditor(sectionId: string, editor: LexicalEditor): () => void {
  editors.set(sectionId, editor);
  notify();
  return () => {
    if (editors.get(sectionId) !== editor) return;
    editors.delete(sectionId);
    notify();
  };
}

/** Calls `listener` when an editor mounts or unmounts (for `useSyncExternalStore`). */
export function subscribeEditors(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getEditor(sectionId: string): LexicalEditor | undefined {
  return editors.get(sectionId);
}

/** A section's current content, serialised as the project file stores it; `undefined` when it is not mounted. */
export function serializeSection(sectionId: string): string | undefined {
  const editor = editors.get(sectionId);
  return editor ? JSON.stringify(editor.getEditorState().toJSON()) : undefined;
}
