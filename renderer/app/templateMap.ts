import type { Template, TemplateSection } from '../../src/template/schema';
import { usePilier } from '../store';
import type { SectionView } from '../store/projectSlice';
import { loadSources, sources } from './sources';

/** Normalised titles already computed (the outline compares the same titles after every check). */
const normalised = new Map<string, string>();
const MAX_NORMALISED = 10_000;

function norm(title: string): string {
  let n = normalised.get(title);
  if (n === undefined) {
    n = title
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    if (normalised.size >= MAX_NORMALISED) normalised.clear();
    normalised.set(title, n);
  }
  return n;
}

/** Titles compared loosely: case, accents, punctuation and spacing do not matter. */
export function sameTitle(a: string, b: string): boolean {
  return a === b || norm(a) === norm(b);
}

/**
 * The template's top-level section a project section stands for: same id (contracts made from the
 * template), or else the same title (contracts imported or written elsewhere, like the demo). The open
 * project's template is searched first, then the other bundled ones: a 2015 contract switched to Quartiers 2030
 * keeps the outline and guidance of its « Conseils citoyens » or « Diagnostic » sections.
 */
export function templateOf(section: Pick<SectionView, 'id' | 'title'>): TemplateSection | undefined {
  const { template } = sources();
  if (template !== memoFor) {
    memoFor = template;
    memo.clear();
  }
  const key = `${section.id}\u0000${section.title}`;
  if (memo.has(key)) return memo.get(key);
  const loaded = loadSources();
  const others = loaded.ok ? loaded.templates.filter((t) => t !== template) : [];
  const inTemplate = (t: Template): TemplateSection | undefined =>
    t.sections.find((s) => s.id === section.id) ?? t.sections.find((s) => sameTitle(s.title, section.title));
  let found = inTemplate(template);
  for (const other of others) found ??= inTemplate(other);
  if (memo.size >= MAX_NORMALISED) memo.clear();
  memo.set(key, found);
  return found;
}

/** `templateOf`'s answers, for the template they were found in. */
const memo = new Map<string, TemplateSection | undefined>();
let memoFor: unknown = null;

/** The project section that stands for a top-level template section, if the project has it. */
export function projectSectionOf(templateSection: TemplateSection): SectionView | undefined {
  const sections = usePilier.getState().sections;
  return sections.find((s) => s.id === templateSection.id) ?? sections.find((s) => sameTitle(s.title, templateSection.title));
}
