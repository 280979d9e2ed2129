import { $getRoot, $isTextNode, createEditor, type ElementNode, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { $isPlaceholderNode, PlaceholderNode } from './PlaceholderNode';

const SKELETON = JSON.stringify({
  root: {
    type: 'root',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    children: [
      {
        type: 'paragraph',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        children: [{ type: 'pilier-placeholder', version: 1, text: '[À compléter : volet égalité]' }],
      },
    ],
  },
});

function editorWithSkeleton(): LexicalEditor {
  const editor = createEditor({ nodes: [PlaceholderNode], onError: (e) => { throw e; } });
  editor.setEditorState(editor.parseEditorState(SKELETON));
  return editor;
}

describe('PlaceholderNode', () => {
  it('reads the template’s placeholder and writes it back in the same form', () => {
    const editor = editorWithSkeleton();
    const paragraph = editor.getEditorState().toJSON().root.children[0] as unknown as { children: unknown[] };
    expect(paragraph.children).toEqual([{ type: 'pilier-placeholder', version: 1, text: '[À compléter : volet égalité]' }]);
    editor.getEditorState().read(() => {
      const node = ($getRoot().getFirstChild() as ElementNode).getFirstChild();
      expect($isPlaceholderNode(node)).toBe(true);
      expect((node as PlaceholderNode).isToken()).toBe(true);
    });
  });

  it('is replaced whole by text typed inside it', () => {
    const editor = editorWithSkeleton();
    editor.update(
      () => {
        const node = ($getRoot().getFirstChild() as ElementNode).getFirstChildOrThrow<PlaceholderNode>();
        node.select(5, 5).insertText('Des marches exploratoires');
      },
      { discrete: true },
    );
    editor.getEditorState().read(() => {
      const children = ($getRoot().getFirstChild() as ElementNode).getChildren();
      expect(children).toHaveLength(1);
      expect($isPlaceholderNode(children[0])).toBe(false);
      expect($isTextNode(children[0]) && children[0].getTextContent()).toBe('Des marches exploratoires');
    });
  });
});
