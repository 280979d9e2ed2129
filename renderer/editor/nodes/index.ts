import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Klass, LexicalNode } from 'lexical';
import { PlaceholderNode } from './PlaceholderNode';

/** Every node type a section may hold: what the template writes and what paste from Word brings. */
export const PILIER_NODES: Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  LinkNode,
  AutoLinkNode,
  PlaceholderNode,
];

export { $createPlaceholderNode, $isPlaceholderNode, PlaceholderNode, PLACEHOLDER_TYPE, type SerializedPlaceholderNode } from './PlaceholderNode';
