import { domText } from '../domText';
import { getEditor } from '../registry';

export interface FindMatch {
  sectionId: string;
  range: Range;
}

/** One character folded for searching: no case, no accent (« É » → « e »), so the length never changes. */
function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x80) return c.toLowerCase();
  if (code >= 0xd800 && code <= 0xdfff) return c;
  const base = c.normalize('NFD')[0] ?? c;
  const lower = base.toLowerCase();
  return lower.length === 1 ? lower : base;
}

export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]!);
  return out;
}

/**
 * Every occurrence of `query` in the sections' rendered text, in document order, ignoring case and accents
 * (« egalite » finds « Égalité »). Matches may span formatting (a bold word inside a sentence).
 */
export function findAll(query: string, sectionIds: readonly string[]): FindMatch[] {
  const needle = fold(query.trim());
  if (needle.length === 0) return [];
  const matches: FindMatch[] = [];
  for (const sectionId of sectionIds) {
    const root = getEditor(sectionId)?.getRootElement();
    if (!root) continue;
    const rendered = domText(root);
    const haystack = fold(rendered.text);
    for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) {
      const range = rendered.range(i, i + needle.length);
      if (range) matches.push({ sectionId, range });
    }
  }
  return matches;
}
