import { PLACEHOLDER_PATTERN, withHeadingPaths, type Block, type ContractDocument } from './model';

type RawBlock = Omit<Block, 'headingPath'>;

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^(\s*)(?:[-*+]|\d{1,3}[.)])\s+(.*)$/;
const TABLE_ROW = /^\s*\|(.*)\|\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Removes inline Markdown emphasis and code marks, keeping the words. */
function inlineText(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, (_m, label: string) => label)
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .trim();
}

function isPlaceholderOnly(text: string): boolean {
  return text.replace(PLACEHOLDER_PATTERN, '').trim().length === 0 && text.trim().length > 0;
}

function splitRow(line: string): string[] {
  const inner = TABLE_ROW.exec(line)?.[1] ?? line;
  return inner.split(/(?<!\\)\|/).map((c) => inlineText(c));
}

/**
 * Reads the Markdown subset Pilier's drafts use: ATX headings, paragraphs, nested lists, pipe tables.
 * Block ids are position-derived (`b0`, `b1`, … and `t0r1c2` for cells).
 */
export function parseMarkdown(text: string): ContractDocument {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const blocks: RawBlock[] = [];
  let paragraph: string[] = [];
  let tableCount = 0;
  let n = 0;
  const nextId = (): string => `b${n++}`;

  const push = (b: Omit<RawBlock, 'id'> & { id?: string }): void => {
    const block: RawBlock = { ...b, id: b.id ?? nextId() };
    if (block.type !== 'heading' && isPlaceholderOnly(block.text)) block.placeholder = true;
    blocks.push(block);
  };
  const flushParagraph = (): void => {
    if (paragraph.length === 0) return;
    const t = inlineText(paragraph.join(' '));
    paragraph = [];
    if (t) push({ type: 'paragraph', text: t });
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      flushParagraph();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      push({ type: 'heading', level: heading[1]!.length, text: inlineText(heading[2]!) });
      continue;
    }
    if (TABLE_ROW.test(line) && i + 1 < lines.length && TABLE_SEPARATOR.test(lines[i + 1]!)) {
      flushParagraph();
      const tableId = `t${tableCount++}`;
      let row = 0;
      const emitRow = (cells: string[]): void => {
        cells.forEach((cell, col) => {
          push({ id: `${tableId}r${row}c${col}`, type: 'tableCell', text: cell, table: { id: tableId, row, col } });
        });
        row++;
      };
      emitRow(splitRow(line));
      i += 1;
      while (i + 1 < lines.length && TABLE_ROW.test(lines[i + 1]!)) {
        i++;
        emitRow(splitRow(lines[i]!));
      }
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item && (paragraph.length === 0 || /^\s*$/.test(lines[i - 1] ?? ''))) {
      flushParagraph();
      const depth = Math.floor(item[1]!.replace(/\t/g, '  ').length / 2);
      let itemText = item[2]!;
      while (i + 1 < lines.length && /^\s{2,}\S/.test(lines[i + 1]!) && !LIST_ITEM.test(lines[i + 1]!)) {
        i++;
        itemText += ' ' + lines[i]!.trim();
      }
      push({ type: 'listItem', text: inlineText(itemText), listDepth: depth });
      continue;
    }
    if (item && paragraph.length > 0) {
      flushParagraph();
      push({ type: 'listItem', text: inlineText(item[2]!), listDepth: 0 });
      continue;
    }
    paragraph.push(line.trim());
  }
  flushParagraph();
  const firstHeading = blocks.find((b) => b.type === 'heading' && b.level === 1);
  return { title: firstHeading?.text, blocks: withHeadingPaths(blocks) };
}

/**
 * Reads plain text: blank lines separate paragraphs; short lines in capitals or numbered like « 2.3 Titre »
 * followed by a blank line are taken as headings (their depth from the numbering).
 */
export function parsePlainText(text: string): ContractDocument {
  const paragraphs = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s*\r?\n\s*/g, ' ').trim())
    .filter((p) => p.length > 0);
  const blocks: RawBlock[] = paragraphs.map((p, i) => {
    const numbered = /^((?:\d+\.)*\d+)\.?\s+\S/.exec(p);
    const short = p.length <= 120 && !/[.;:]$/.test(p);
    const capitals = p === p.toLocaleUpperCase('fr-FR') && /\p{L}{3}/u.test(p);
    if (short && (numbered || capitals)) {
      const level = numbered ? Math.min(6, numbered[1]!.split('.').length) : 1;
      return { id: `b${i}`, type: 'heading', level, text: p };
    }
    const bullet = /^[-•·*]\s+(.*)$/.exec(p);
    if (bullet) return { id: `b${i}`, type: 'listItem', text: bullet[1]!, listDepth: 0 };
    return { id: `b${i}`, type: 'paragraph', text: p, ...(isPlaceholderOnly(p) ? { placeholder: true } : {}) };
  });
  return { blocks: withHeadingPaths(blocks) };
}
