import type { Block, ContractDocument } from '../document/model';
import { sectionsFromDocument } from '../export/fromDocument';
import { COVER_SECTION_NAME } from '../export/odt/content';
import type { ContentControl } from './contentControls';

/**
 * A received contract, read from a file, as project sections (one Lexical editor state each), so that it opens in
 * the editor and is checked like any project. Each top-level heading starts a section; deeper headings keep their
 * rank below it (`h2`, `h3`…), list items make lists nested by depth, table cells make tables. Text before the
 * first heading goes into a « Préambule ». A lone heading above all the others (the document's title: « Contrat
 * de ville de … » over its `Titre 1` chapters) heads the text between it and the first chapter, as
 * `sectionsFromMarkdown` does, and is left out when there is none. Pure: data in, data out.
 */

export const PREAMBLE_TITLE = 'Préambule';

export interface NewSectionData {
  id: string;
  position: number;
  title: string;
  content: string;
}

export interface ToSectionsOptions {
  /** Blocks left out (the cover page of a contract Pilier exported). */
  skip?: ReadonlySet<string>;
  /**
   * Sections of the contract template. A section whose title is one of theirs takes its id, so that a contract
   * Pilier exported comes back with the author's section ids (review comments are anchored by section id). Pilier's
   * content-control tags carry the requirement ids a section serves, not its id: its title is what identifies it.
   */
  known?: readonly { id: string; title: string }[];
}

/** The blocks of a Pilier cover page: a DOCX content control tagged `garde`, an ODT section named for it. */
export function coverBlockIds(controls: readonly ContentControl[] | undefined): Set<string> {
  return new Set((controls ?? []).filter((c) => c.generated === 'garde' || c.tag === COVER_SECTION_NAME).flatMap((c) => c.blockIds));
}

/** Titles compared without case, extra spaces, typographic variants or a number written before them. */
export function titleKey(title: string): string {
  return title
    .normalize('NFC')
    .replace(/[’']/g, '’')
    .replace(/[\u00a0\u202f\s]+/g, ' ')
    .replace(/^(?:\d+(?:\.\d+)*[.)]?|[IVXLC]+[.)])\s+/u, '')
    .trim()
    .toLowerCase();
}

/**
 * The heading level that starts sections. Headings alone at their level above all the others are the document's
 * title and subtitle (« Contrat de ville » over « Val-de-Brume » over the chapters of a PDF, sized by font): the
 * sections start at the first level below them that several headings share.
 */
function sectionLevel(headings: readonly Block[]): number {
  const levels = [...new Set(headings.map((h) => h.level ?? 1))].sort((a, b) => a - b);
  const count = (l: number): number => headings.filter((h) => (h.level ?? 1) === l).length;
  let i = 0;
  while (i + 1 < levels.length && count(levels[i]!) === 1 && headings.filter((h) => (h.level ?? 1) <= levels[i]!).every((h, k) => headings[k] === h)) i++;
  const level = levels[i] ?? 1;
  return count(level) >= 2 || i === 0 ? level : levels[0]!;
}

/** Ids of known sections by title; other sections keep the slug of their title (made unique). */
function withKnownIds(sections: NewSectionData[], known: ToSectionsOptions['known']): NewSectionData[] {
  if (!known || known.length === 0) return sections;
  const byTitle = new Map<string, string>();
  for (const k of known) if (!byTitle.has(titleKey(k.title))) byTitle.set(titleKey(k.title), k.id);
  const taken = new Set<string>();
  const ids = sections.map((s) => {
    const id = byTitle.get(titleKey(s.title));
    if (!id || taken.has(id)) return undefined;
    taken.add(id);
    return id;
  });
  return sections.map((s, i) => {
    let id = ids[i];
    if (!id) {
      id = s.id;
      for (let n = 2; taken.has(id); n++) id = `${s.id}-${n}`;
      taken.add(id);
    }
    return { ...s, id };
  });
}

/** The sections of an imported document; an empty document gives none. */
export function toSections(document: ContractDocument, options: ToSectionsOptions = {}): NewSectionData[] {
  const skip = options.skip ?? new Set<string>();
  const kept = document.blocks.filter((b) => !skip.has(b.id));
  const level = sectionLevel(kept.filter((b) => b.type === 'heading'));
  // Sections start at level 1 for the shared builder; deeper headings keep their distance below. A title heads the
  // text between it and the first chapter (a cover, an introduction); with no such text it is left out.
  const releveled = kept.map((b) => (b.type === 'heading' ? { ...b, level: Math.max(1, (b.level ?? 1) - level + 1) } : b));
  const isTitle = (i: number): boolean => kept[i]!.type === 'heading' && (kept[i]!.level ?? 1) < level;
  const startsSection = (i: number): boolean => i >= releveled.length || (releveled[i]!.type === 'heading' && releveled[i]!.level === 1);
  const blocks = releveled.filter((_, i) => !(isTitle(i) && startsSection(i + 1)));
  if (blocks.length === 0) return [];
  const sections = sectionsFromDocument({ title: PREAMBLE_TITLE, blocks });
  return withKnownIds(sections, options.known);
}
