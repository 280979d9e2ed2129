import {
  $applyNodeReplacement,
  TextNode,
  type EditorConfig,
  type LexicalNode,
  type SerializedLexicalNode,
  type SerializedPartial,
  type SerializedTextNode,
  type Spread,
} from 'lexical';

/** The type name the template and the document reader (src/document/lexical.ts) use for a placeholder. */
export const PLACEHOLDER_TYPE = 'pilier-placeholder';

/** How a placeholder is stored: the template writes exactly this. */
export type SerializedPlaceholderNode = Spread<{ type: typeof PLACEHOLDER_TYPE; version: 1; text: string }, SerializedLexicalNode>;

/**
 * A « [À compléter : …] » placeholder of the contract skeleton. It is text in token mode: the caret can
 * enter it but it cannot be edited piece by piece, so typing inside it replaces it whole (Lexical's
 * `RangeSelection.insertText` swaps a token for the typed text) and one Backspace removes it. The checker
 * counts it as not written.
 */
export class PlaceholderNode extends TextNode {
  override $config() {
    return this.config(PLACEHOLDER_TYPE, { extends: TextNode });
  }

  static override importJSON(serialized: SerializedPartial<SerializedTextNode>): PlaceholderNode {
    return $createPlaceholderNode(typeof serialized.text === 'string' ? serialized.text : '');
  }

  override exportJSON(compact?: false): SerializedTextNode;
  override exportJSON(compact: boolean): SerializedPartial<SerializedTextNode>;
  override exportJSON(): SerializedTextNode | SerializedPartial<SerializedTextNode> {
    // The stored form is the template's, without text formats: a placeholder is never formatted.
    const json: SerializedPlaceholderNode = { type: PLACEHOLDER_TYPE, version: 1, text: this.getTextContent() };
    return json as SerializedPartial<SerializedTextNode>;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = super.createDOM(config);
    element.classList.add('pilier-placeholder');
    element.setAttribute('data-placeholder', 'true');
    element.title = 'Texte à rédiger : tapez pour remplacer ce repère';
    return element;
  }

  override isToken(): boolean {
    return true;
  }

  override canInsertTextBefore(): boolean {
    return false;
  }

  override canInsertTextAfter(): boolean {
    return false;
  }

  override isTextEntity(): boolean {
    return true;
  }
}

export function $createPlaceholderNode(text: string): PlaceholderNode {
  return $applyNodeReplacement(new PlaceholderNode(text).setMode('token'));
}

export function $isPlaceholderNode(node: LexicalNode | null | undefined): node is PlaceholderNode {
  return node instanceof PlaceholderNode;
}
