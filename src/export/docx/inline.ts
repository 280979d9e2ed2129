import { ExternalHyperlink, HighlightColor, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import { PLACEHOLDER_NODE_TYPE, TEXT_FORMAT } from '../../template/lexicalNodes';
import { GUIDANCE_LEAD, splitPlaceholder } from '../fromProject';
import { LANGUAGE, STYLE } from './styles';

/**
 * Runs from the editor's inline nodes: text with its bold, italic, underline, strikethrough, code, sub- and
 * superscript; line breaks; links (web and mail addresses only); and the « [À compléter — …] » placeholders,
 * highlighted, their label in bold and the guidance they carry in italics.
 */

const SUBSCRIPT = 32;
const SUPERSCRIPT = 64;
const HIGHLIGHT = 128;

/** Run properties every run of a paragraph takes (bold header cells, say). */
export type RunBase = Pick<IRunOptions, 'bold' | 'italics' | 'size' | 'color'>;

interface LooseInline {
  type?: unknown;
  text?: unknown;
  format?: unknown;
  url?: unknown;
  children?: unknown;
}

/** Characters XML 1.0 cannot hold (Word refuses the file): control characters, lone surrogates, U+FFFE/U+FFFF. */
export const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text as Word will hold it: without the characters XML cannot carry, and with the no-break spaces of French
 * typography inside « » and before : ; ! ? (so that a line never starts with « » » or « : »).
 */
export function cleanText(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/« +/g, '«\u00a0')
    .replace(/ +»/g, '\u00a0»')
    .replace(/ +([:;!?])(?=\s|$|[»)])/g, '\u00a0$1');
}

const language = { value: LANGUAGE };

/** Runs of a text: one per line, with a break between lines. */
function textRuns(text: string, options: IRunOptions): TextRun[] {
  const runs: TextRun[] = [];
  cleanText(text)
    .split('\n')
    .forEach((line, i) => {
      if (i > 0) runs.push(new TextRun({ break: 1, language }));
      if (line) runs.push(new TextRun({ ...options, text: line, language }));
    });
  return runs;
}

function formatted(format: number, base: RunBase): IRunOptions {
  return {
    ...base,
    ...(format & TEXT_FORMAT.bold ? { bold: true } : {}),
    ...(format & TEXT_FORMAT.italic ? { italics: true } : {}),
    ...(format & TEXT_FORMAT.strikethrough ? { strike: true } : {}),
    ...(format & TEXT_FORMAT.underline ? { underline: {} } : {}),
    ...(format & TEXT_FORMAT.code ? { font: 'Courier New' } : {}),
    ...(format & SUBSCRIPT ? { subScript: true } : {}),
    ...(format & SUPERSCRIPT ? { superScript: true } : {}),
    ...(format & HIGHLIGHT ? { highlight: HighlightColor.YELLOW } : {}),
  };
}

/** The runs of a placeholder: highlighted, in the « À compléter » character style. */
export function placeholderRuns(text: string, base: RunBase = {}): TextRun[] {
  const marked: IRunOptions = { ...base, style: STYLE.placeholder, highlight: HighlightColor.YELLOW };
  const parts = splitPlaceholder(text);
  if (!parts) return textRuns(text, marked);
  const label = parts.label.trim();
  const runs = textRuns(`[À compléter${label ? ` — ${label}` : ''}`, { ...marked, bold: true });
  if (parts.guidance) runs.push(...textRuns(`${label ? '. ' : ' — '}${GUIDANCE_LEAD}${parts.guidance}`, { ...marked, italics: true }));
  runs.push(...textRuns(']', { ...marked, bold: true }));
  return runs;
}

/** Only links a reader can follow safely leave the document as links. */
function safeUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  return /^(?:https?:\/\/|mailto:)[^\s"<>]+$/i.test(url.trim()) ? url.trim() : undefined;
}

/** The paragraph children of a list of inline nodes. Unknown nodes contribute their text. */
export function inlineChildren(nodes: unknown, base: RunBase = {}): ParagraphChild[] {
  if (!Array.isArray(nodes)) return [];
  const out: ParagraphChild[] = [];
  for (const raw of nodes as LooseInline[]) {
    if (!raw || typeof raw !== 'object') continue;
    const type = typeof raw.type === 'string' ? raw.type : '';
    const text = typeof raw.text === 'string' ? raw.text : '';
    if (type === 'linebreak') out.push(new TextRun({ break: 1, language }));
    else if (type === 'tab') out.push(new TextRun({ text: '\t', language }));
    else if (type === PLACEHOLDER_NODE_TYPE) out.push(...placeholderRuns(text, base));
    else if (type === 'link') {
      const url = safeUrl(raw.url);
      const label = flattenText(raw.children);
      if (url && label.trim()) out.push(new ExternalHyperlink({ link: url, children: textRuns(label, { ...base, style: 'Hyperlink' }) }));
      else out.push(...inlineChildren(raw.children, base));
    } else if (text) out.push(...textRuns(text, formatted(typeof raw.format === 'number' ? raw.format : 0, base)));
    else if (Array.isArray(raw.children)) out.push(...inlineChildren(raw.children, base));
  }
  return out;
}

/** The plain text of inline nodes (placeholders included). */
export function flattenText(nodes: unknown): string {
  if (!Array.isArray(nodes)) return '';
  return (nodes as LooseInline[])
    .map((n) => (n?.type === 'linebreak' ? '\n' : typeof n?.text === 'string' ? n.text : flattenText(n?.children)))
    .join('');
}
