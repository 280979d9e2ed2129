import type { Block, ContractDocument } from '../document/model';
import { slugify } from '../template/fromMarkdown';
import {
  editorStateJson,
  headingNode,
  inlineNodes,
  listNode,
  paragraphNode,
  tableNode,
  type HeadingTag,
  type ListEntry,
  type SerializedBlockNode,
} from '../template/lexicalNodes';

/**
 * Sections in the editor's form (one Lexical editor state each) from a document read from a file (a Word
 * document, say), so that it can be exported like a project: each level-1 heading starts a section, deeper
 * headings keep their level (`h2`, `h3`…), consecutive list items make one list nested by depth, and the cells of
 * a table make one table whose first row is taken for its header. Blocks listed in `skip` (the cover page of a
 * document Pilier exported, say) are left out.
 */
export function sectionsFromDocument(
  document: ContractDocument,
  skip: ReadonlySet<string> = new Set(),
): { id: string; position: number; title: string; content: string }[] {
  const groups: { title: string; blocks: Block[] }[] = [];
  for (const block of document.blocks) {
    if (skip.has(block.id)) continue;
    if (block.type === 'heading' && (block.level ?? 1) === 1) groups.push({ title: block.text.replace(/\s+/g, ' ').trim(), blocks: [] });
    else if (groups.length === 0) groups.push({ title: document.title ?? 'Contrat de ville', blocks: [block] });
    else groups.at(-1)!.blocks.push(block);
  }
  const ids = new Set<string>();
  return groups.map((group, position) => {
    const base = slugify(group.title);
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return { id, position, title: group.title, content: editorStateJson(nodesOf(group.blocks)) };
  });
}

/** What the cover page of a contract Pilier exported says of it (territoire, EPCI, communes, QPV, période). */
export interface CoverMeta {
  territoire?: string;
  epci?: string;
  communes?: string[];
  qpv?: { nom: string; code: string }[];
  periode?: { debut: string; fin: string };
}

const isPlaceholder = (text: string): boolean => /^\s*\[\s*À compléter/iu.test(text);

/**
 * Reads the metadata back from the blocks of a Pilier cover page (in the order `coverPage` writes them: title,
 * territoire, then label and value pairs, the quartiers in a table). Values still to complete are left out.
 */
export function metaFromCover(blocks: readonly Block[]): CoverMeta {
  const meta: CoverMeta = {};
  const text = (b: Block | undefined): string | undefined => (b && b.type !== 'tableCell' && !isPlaceholder(b.text) ? b.text.trim() : undefined);
  const start = blocks.findIndex((b) => /^contrat de ville$/i.test(b.text.trim()));
  if (start < 0) return meta;
  const territoire = text(blocks[start + 1]);
  if (territoire) meta.territoire = territoire;
  blocks.forEach((block, i) => {
    const label = block.text.trim().toLowerCase();
    const value = text(blocks[i + 1]);
    if (label === 'période' && value) {
      const years = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(value);
      if (years) meta.periode = { debut: years[1]!, fin: years[2]! };
    } else if (label === 'établissement public de coopération intercommunale' && value) meta.epci = value;
    else if ((label === 'communes' || label === 'commune') && value) meta.communes = value.split(/,\s*|\s+et\s+/).map((c) => c.trim()).filter(Boolean);
  });
  const rows = new Map<number, string[]>();
  for (const cell of blocks.filter((b) => b.type === 'tableCell' && (b.table?.row ?? 0) > 0)) rows.set(cell.table!.row, [...(rows.get(cell.table!.row) ?? []), cell.text.trim()]);
  const qpv = [...rows.values()].filter((r) => r[0] && !isPlaceholder(r[0])).map(([nom, code]) => ({ nom: nom!, code: code && !isPlaceholder(code) ? code : '' }));
  if (qpv.length > 0) meta.qpv = qpv;
  return meta;
}

/** A list's entries from items with depths; a jump of more than one level is taken as one. */
function listEntries(items: Block[]): ListEntry[] {
  const root: ListEntry[] = [];
  const stack: { depth: number; entries: ListEntry[] }[] = [{ depth: 0, entries: root }];
  for (const item of items) {
    const wanted = item.listDepth ?? 0;
    while (stack.length > 1 && stack.at(-1)!.depth > wanted) stack.pop();
    let top = stack.at(-1)!;
    if (wanted > top.depth && top.entries.length > 0) {
      const parent = top.entries.at(-1)!;
      parent.children ??= { listType: 'bullet', items: [] };
      top = { depth: top.depth + 1, entries: parent.children.items };
      stack.push(top);
    }
    top.entries.push({ content: inlineNodes(item.text) });
  }
  return root;
}

function tableOf(cells: Block[]): SerializedBlockNode {
  const rows = new Map<number, Block[]>();
  for (const cell of cells) {
    const r = cell.table?.row ?? 0;
    rows.set(r, [...(rows.get(r) ?? []), cell]);
  }
  const grid = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row.sort((a, b) => (a.table?.col ?? 0) - (b.table?.col ?? 0)).map((c) => inlineNodes(c.text)));
  return tableNode(grid, grid.length > 1);
}

function nodesOf(blocks: Block[]): SerializedBlockNode[] {
  const nodes: SerializedBlockNode[] = [];
  for (let i = 0; i < blocks.length; ) {
    const block = blocks[i]!;
    if (block.type === 'listItem') {
      const items: Block[] = [];
      while (blocks[i]?.type === 'listItem') items.push(blocks[i++]!);
      nodes.push(listNode('bullet', listEntries(items)));
    } else if (block.type === 'tableCell') {
      const id = block.table?.id;
      const cells: Block[] = [];
      while (blocks[i]?.type === 'tableCell' && blocks[i]!.table?.id === id) cells.push(blocks[i++]!);
      nodes.push(tableOf(cells));
    } else {
      i++;
      if (block.type === 'heading') nodes.push(headingNode(`h${Math.min(6, Math.max(2, block.level ?? 2))}` as HeadingTag, inlineNodes(block.text)));
      else nodes.push(paragraphNode(inlineNodes(block.text)));
    }
  }
  return nodes;
}
