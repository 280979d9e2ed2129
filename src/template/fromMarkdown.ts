import {
  editorStateJson,
  headingNode,
  linkNode,
  listNode,
  paragraphNode,
  tableNode,
  textNode,
  TEXT_FORMAT,
  PLACEHOLDER_NODE_TYPE,
  type HeadingTag,
  type ListEntry,
  type SerializedBlockNode,
  type SerializedInlineNode,
} from './lexicalNodes';
import type { NewSection } from './skeleton';

/**
 * Turns a contract written in Pilier's Markdown subset (the corpus and the demo: ATX headings, paragraphs,
 * nested lists, pipe tables, **bold**, *italic*, links, « [À compléter : …] » placeholders) into project
 * sections: each `##` heading starts a section, and its body becomes a Lexical editor state in which `###`
 * is an `h2` heading, `####` an `h3`, and so on.
 */

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,3}[.)])\s+(.*)$/;
const TABLE_ROW = /^\s*\|(.*)\|\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!|])/g;
/** Escaped characters are parked in the Private Use Area while inline marks are read. */
const PARKED = 0xe000;

interface InlineRule {
  pattern: RegExp;
  build: (m: RegExpExecArray, format: number) => SerializedInlineNode[];
}

const INLINE_RULES: InlineRule[] = [
  { pattern: /\[\s*À compléter[^\]]*\]/iu, build: (m) => [{ type: PLACEHOLDER_NODE_TYPE, version: 1, text: m[0] }] },
  { pattern: /\[([^\]]+)\]\(([^)\s]+)\)/u, build: (m, f) => [linkNode(m[2]!, inline(m[1]!, f))] },
  { pattern: /`([^`]+)`/u, build: (m, f) => [textNode(m[1]!, f | TEXT_FORMAT.code)] },
  { pattern: /(\*\*|__)(?=\S)(.+?)(?<=\S)\1/u, build: (m, f) => inline(m[2]!, f | TEXT_FORMAT.bold) },
  {
    pattern: /(?<![\p{L}\p{N}*_])([*_])(?=\S)([^*_\n]+?)(?<=\S)\1(?![\p{L}\p{N}*_])/u,
    build: (m, f) => inline(m[2]!, f | TEXT_FORMAT.italic),
  },
];

function unpark(text: string): string {
  return text.replace(/[\ue000-\ue0ff]/g, (c) => String.fromCharCode(c.charCodeAt(0) - PARKED));
}

/** Inline nodes of a Markdown span whose escapes are parked. */
function inline(text: string, format = 0): SerializedInlineNode[] {
  const out: SerializedInlineNode[] = [];
  const pushText = (t: string): void => {
    if (!t) return;
    const last = out.at(-1);
    if (last?.type === 'text' && last.format === format) last.text += unpark(t);
    else out.push(textNode(unpark(t), format));
  };
  let rest = text;
  while (rest) {
    let best: { m: RegExpExecArray; rule: InlineRule } | undefined;
    for (const rule of INLINE_RULES) {
      const m = rule.pattern.exec(rest);
      if (m && (!best || m.index < best.m.index)) best = { m, rule };
    }
    if (!best) {
      pushText(rest);
      break;
    }
    pushText(rest.slice(0, best.m.index));
    for (const node of best.rule.build(best.m, format)) {
      const last = out.at(-1);
      if (node.type === 'text' && last?.type === 'text' && last.format === node.format) last.text += node.text;
      else out.push(node);
    }
    rest = rest.slice(best.m.index + best.m[0].length);
  }
  return out;
}

/** Inline nodes of a line of Markdown. */
export function markdownInline(text: string): SerializedInlineNode[] {
  return inline(text.trim().replace(ESCAPE, (_m, c: string) => String.fromCharCode(PARKED + c.charCodeAt(0))));
}

const plainOf = (nodes: SerializedInlineNode[]): string =>
  nodes.map((n) => (n.type === 'link' ? plainOf(n.children) : n.type === 'linebreak' ? '\n' : n.text)).join('');

function splitRow(line: string): string[] {
  const inner = TABLE_ROW.exec(line)?.[1] ?? line;
  return inner.split(/(?<!\\)\|/);
}

interface FlatItem {
  depth: number;
  ordered: boolean;
  start: number;
  text: string;
}

/** Nested list entries from items with depths; a depth jump of more than one is taken as one. */
function nest(flat: FlatItem[]): { listType: 'bullet' | 'number'; start: number; items: ListEntry[] } {
  const items: FlatItem[] = [];
  for (const item of flat) items.push({ ...item, depth: Math.min(item.depth, items.length === 0 ? 0 : items.at(-1)!.depth + 1) });
  let i = 0;
  const build = (depth: number): ListEntry[] => {
    const entries: ListEntry[] = [];
    while (i < items.length && items[i]!.depth === depth) {
      const entry: ListEntry = { content: markdownInline(items[i]!.text) };
      i++;
      if (i < items.length && items[i]!.depth > depth) {
        entry.children = { listType: items[i]!.ordered ? 'number' : 'bullet', items: build(depth + 1) };
      }
      entries.push(entry);
    }
    return entries;
  };
  const first = items[0]!;
  return { listType: first.ordered ? 'number' : 'bullet', start: first.start, items: build(0) };
}

/** The Lexical blocks of a section body written in Markdown. */
export function markdownBlocks(lines: string[]): SerializedBlockNode[] {
  const nodes: SerializedBlockNode[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    const content = markdownInline(paragraph.join(' '));
    paragraph = [];
    if (content.length > 0) nodes.push(paragraphNode(content));
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      const tag = `h${Math.min(6, Math.max(1, heading[1]!.length - 1))}` as HeadingTag;
      nodes.push(headingNode(tag, markdownInline(heading[2]!)));
      continue;
    }
    if (TABLE_ROW.test(line) && i + 1 < lines.length && TABLE_SEPARATOR.test(lines[i + 1]!)) {
      flush();
      const rows = [splitRow(line)];
      i++;
      while (i + 1 < lines.length && TABLE_ROW.test(lines[i + 1]!)) rows.push(splitRow(lines[++i]!));
      nodes.push(tableNode(rows.map((cells) => cells.map((c) => markdownInline(c))), true));
      continue;
    }
    if (LIST_ITEM.test(line)) {
      flush();
      const items: FlatItem[] = [];
      let typeAtTop: boolean | undefined;
      let j = i;
      while (j < lines.length) {
        const m = LIST_ITEM.exec(lines[j]!);
        if (!m) break;
        const depth = Math.floor(m[1]!.replace(/\t/g, '  ').length / 2);
        const ordered = /\d/.test(m[2]!);
        // A list of the other type starts here.
        if (depth === 0 && typeAtTop !== undefined && ordered !== typeAtTop) break;
        if (depth === 0) typeAtTop = ordered;
        let text = m[3]!;
        while (j + 1 < lines.length && /^\s{2,}\S/.test(lines[j + 1]!) && !LIST_ITEM.test(lines[j + 1]!)) text += ' ' + lines[++j]!.trim();
        items.push({ depth, ordered, start: ordered ? Number.parseInt(m[2]!, 10) : 1, text });
        // Blank lines between two items keep the list going.
        let next = j + 1;
        while (next < lines.length && lines[next]!.trim() === '') next++;
        if (next < lines.length && LIST_ITEM.test(lines[next]!)) j = next;
        else {
          j++;
          break;
        }
      }
      const list = nest(items);
      nodes.push(listNode(list.listType, list.items, 0, list.start));
      i = j - 1;
      continue;
    }
    paragraph.push(line.trim());
  }
  flush();
  return nodes;
}

/** Section id from a title: « Pilier 1 — Cohésion sociale » → `pilier-1-cohesion-sociale`. */
export function slugify(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'section';
}

/**
 * Project sections from a Markdown contract: the `#` title is the document's, each `##` (or later `#`) heading
 * starts a section whose id is its slug (made unique with `-2`, `-3`…); text before the first section becomes a
 * section titled after the document.
 */
export function sectionsFromMarkdown(markdown: string): NewSection[] {
  const lines = markdown.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const groups: { title: string; lines: string[] }[] = [];
  let docTitle: string | undefined;
  const preamble: string[] = [];
  let current: { title: string; lines: string[] } | undefined;
  for (const line of lines) {
    const h = HEADING.exec(line);
    if (h && h[1]!.length <= 2) {
      const title = plainOf(markdownInline(h[2]!)).trim();
      if (h[1]!.length === 1 && docTitle === undefined && !current) {
        docTitle = title;
        continue;
      }
      current = { title, lines: [] };
      groups.push(current);
      continue;
    }
    if (current) current.lines.push(line);
    else preamble.push(line);
  }
  if (preamble.some((l) => l.trim() !== '')) groups.unshift({ title: docTitle ?? 'Introduction', lines: preamble });
  const used = new Map<string, number>();
  return groups.map((g, position) => {
    const base = slugify(g.title);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return { id: n === 1 ? base : `${base}-${n}`, position, title: g.title, content: editorStateJson(markdownBlocks(g.lines)) };
  });
}
