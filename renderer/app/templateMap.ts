import type { TemplateSection } from '../../src/template/schema';
import { usePilier } from '../store';
import type { SectionView } from '../store/projectSlice';
import { sources } from './sources';

/** Titles compared loosely: case, accents, punctuation and spacing do not matter. */
export function sameTitle(a: string, b: string): boolean {
  const norm = (t: string) =>
    t
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return norm(a) === norm(b);
}

/**
 * The template's top-level section a project section stands for: same id (contracts made from the
 * template), or else the same title (contracts imported or written elsewhere, like the demo).
 */
export function templateOf(section: Pick<SectionView, 'id' | 'title'>): TemplateSection | undefined {
  const { template } = sources();
  return template.sections.find((t) => t.id === section.id) ?? template.sections.find((t) => sameTitle(t.title, section.title));
}

/** The project section that stands for a top-level template section, if the project has it. */
export function projectSectionOf(templateSection: TemplateSection): SectionView | undefined {
  const sections = usePilier.getState().sections;
  return sections.find((s) => s.id === templateSection.id) ?? sections.find((s) => sameTitle(s.title, templateSection.title));
}
