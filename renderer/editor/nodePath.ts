import { $getRoot, type ElementNode, type LexicalNode } from 'lexical';
import { getEditor } from './registry';

/**
 * Child-index paths from an editor's root to a node: the `source.path` of the blocks the checker reads
 * (src/document/lexical.ts), so a block found in a report can be found again in the editor, and the other way.
 */

/** The path of `node` from the root (call inside `editor.read`/`update`). */
export function $pathOf(node: LexicalNode): number[] {
  const path: number[] = [];
  for (let n: LexicalNode | null = node; n && n.getParent(); n = n.getParent()) path.unshift(n.getIndexWithinParent());
  return path;
}

/** The rendered element of the node at `path` in a section's editor, or `null`. */
export function elementAtPath(sectionId: string, path: readonly number[]): HTMLElement | null {
  const editor = getEditor(sectionId);
  if (!editor) return null;
  const key = editor.getEditorState().read(() => {
    let node: LexicalNode | null = $getRoot();
    for (const index of path) {
      node = node && 'getChildAtIndex' in node ? (node as ElementNode).getChildAtIndex(index) : null;
      if (!node) return null;
    }
    return node ? node.getKey() : null;
  });
  return key ? editor.getElementByKey(key) : null;
}

export function samePath(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
