import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NewProjectMetaSchema } from '../src/api/contract';
import { blocksFromSection } from '../src/document/lexical';
import type { Block, ContractDocument } from '../src/document/model';
import { createProject } from '../src/project';
import { sectionsFromMarkdown, type NewSection } from '../src/template';

/**
 * The generated contract (bench/generate.ts) as a real `.pilier` project: the document is written in Pilier's
 * Markdown subset (the document's first level-1 heading is its title, every other level-1 heading opens a
 * section, levels 2 and 3 become the section's h2 and h3), read back by `sectionsFromMarkdown` as the demo
 * contract is, and stored by `createProject`, the function behind the services' « project:create ».
 */

/** Characters the Markdown reader would take as marks; escaped so the text arrives as written. */
const MARKS = /[\\`*_[\]|]/g;

function escapeText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(MARKS, (c) => `\\${c}`)
    // A line opening like a heading or a list item stays a paragraph.
    .replace(/^(#)/, '\\$1')
    .replace(/^([-+])(\s)/, '\\$1$2')
    .replace(/^(\d{1,3})([.)])(\s)/, '$1\\$2$3');
}

export function contractMarkdown(doc: ContractDocument): string {
  const out: string[] = [];
  let titleDone = false;
  let previous: Block['type'] | undefined;
  let tableRow = -1;
  let tableCells: string[] = [];
  const flushRow = (): void => {
    if (tableCells.length === 0) return;
    out.push(`| ${tableCells.join(' | ')} |`);
    // The first row is the table's header row (Markdown needs one).
    if (tableRow === 0) out.push(`|${tableCells.map(() => ' --- ').join('|')}|`);
    tableCells = [];
  };
  for (const b of doc.blocks) {
    if (b.type !== 'tableCell' && previous === 'tableCell') {
      flushRow();
      tableRow = -1;
      out.push('');
    }
    // List items follow each other without a blank line (one list); everything else is separated by one.
    if (previous !== undefined && !(b.type === 'listItem' && previous === 'listItem') && b.type !== 'tableCell') out.push('');
    if (b.type === 'heading') {
      const level = b.level ?? 1;
      if (level === 1 && !titleDone) {
        out.push(`# ${escapeText(b.text)}`);
        titleDone = true;
      } else out.push(`${'#'.repeat(Math.min(6, level + 1))} ${escapeText(b.text)}`);
    } else if (b.type === 'listItem') out.push(`${'  '.repeat(b.listDepth ?? 0)}- ${escapeText(b.text)}`);
    else if (b.type === 'tableCell') {
      const row = b.table?.row ?? 0;
      if (previous !== 'tableCell') out.push('');
      if (row !== tableRow) {
        flushRow();
        tableRow = row;
      }
      tableCells.push(escapeText(b.text));
    } else out.push(escapeText(b.text));
    previous = b.type;
  }
  flushRow();
  out.push('');
  return out.join('\n');
}

/** The project's sections for the generated contract, one per level-1 heading after the title. */
export function contractSections(doc: ContractDocument): NewSection[] {
  return sectionsFromMarkdown(contractMarkdown(doc));
}

/** The blocks the renderer's checker will see for these sections (the same reader as the live checklist). */
export function sectionBlocks(sections: readonly NewSection[]): Block[] {
  return sections.flatMap((s) => blocksFromSection({ id: s.id, title: s.title, content: s.content }));
}

/** Creates `path` holding the sections, with the demo contract's metadata (the fictitious Val-de-Brume). */
export function writeContractFile(path: string, seedsDir: string, sections: readonly NewSection[]): void {
  const meta = NewProjectMetaSchema.parse(JSON.parse(readFileSync(join(seedsDir, 'demo', 'contrat-demo.meta.json'), 'utf8')));
  const created = createProject(path, meta, sections);
  if (!created.ok) throw new Error(created.error);
  const closed = created.value.close();
  if (!closed.ok) throw new Error(closed.error);
}
