import { $isHeadingNode } from '@lexical/rich-text';
import { $getRoot, $parseSerializedNode, type LexicalNode, type SerializedLexicalNode } from 'lexical';
import { walkSections } from '../../src/template/load';
import { editorStateJson } from '../../src/template/lexicalNodes';
import type { Template, TemplateSection } from '../../src/template/schema';
import { templateSectionNodes } from '../../src/template/skeleton';
import { sources } from '../app/sources';
import { projectSectionOf, templateOf } from '../app/templateMap';
import { usePilier } from '../store';
import { focusSection, focusSubsection, presentSubsections, sameTitle } from './navigation';
import { mountEditors } from './mounting';
import { getEditor } from './registry';

/** Where a template section sits: its chain of ancestors from the top-level section down to itself. */
export function chainOf(template: Template, id: string): TemplateSection[] | undefined {
  const find = (sections: TemplateSection[], above: TemplateSection[]): TemplateSection[] | undefined => {
    for (const s of sections) {
      const chain = [...above, s];
      if (s.id === id) return chain;
      const below = find(s.children ?? [], chain);
      if (below) return below;
    }
    return undefined;
  };
  return find(template.sections, []);
}

/** Is the template section in the project: a section of its own, or a heading of its parent section's text? */
export function isSectionPresent(templateSectionId: string): boolean {
  const { template } = sources();
  const chain = chainOf(template, templateSectionId);
  if (!chain) return false;
  const top = chain[0]!;
  const project = projectSectionOf(top);
  if (!project) return false;
  if (chain.length === 1) return true;
  if (chain.length === 2) return presentSubsections(project.id, top).some((c) => c.id === templateSectionId);
  const blocks = usePilier.getState().liveCheck()?.blocksOf(project.id) ?? [];
  const target = chain[chain.length - 1]!;
  return blocks.some((b) => b.type === 'heading' && b.level === chain.length && sameTitle(b.text, target.title));
}

/**
 * « Insérer la section »: puts a template section back at its place, as the skeleton wrote it (heading,
 * text prefilled from the project's metadata, placeholder). A top-level section becomes a section of the
 * project between its template neighbours; a sub-section goes into its parent's text, before the heading of
 * the next sibling that is present (or at the end of the parent).
 */
export async function insertTemplateSection(templateSectionId: string): Promise<void> {
  const { template, pack } = sources();
  const state = usePilier.getState();
  const meta = state.project?.meta;
  const chain = chainOf(template, templateSectionId);
  if (!meta || !chain) return;
  const top = chain[0]!;
  const project = projectSectionOf(top);
  if (!project) {
    // After the last project section that stands for an earlier template section.
    const order = template.sections.map((s) => s.id);
    const before = order.indexOf(top.id);
    let index = 0;
    state.sections.forEach((s, i) => {
      const t = templateOf(s);
      if (t && order.indexOf(t.id) < before) index = i + 1;
    });
    const content = editorStateJson(templateSectionNodes(top, template, pack, meta));
    await state.insertSection({ id: top.id, title: top.title, content }, index);
    requestAnimationFrame(() => focusSection(top.id));
    return;
  }
  if (chain.length === 1) return focusSection(project.id);
  // The top-level section is there: insert the highest missing level of the chain into its text.
  let depth = 2;
  while (depth < chain.length && isSectionPresent(chain[depth - 1]!.id)) depth++;
  const target = chain[depth - 1]!;
  const parent = chain[depth - 2]!;
  await mountEditors([project.id]);
  const editor = getEditor(project.id);
  if (!editor) return;
  const serialized = templateSectionNodes(target, template, pack, meta, depth) as unknown as SerializedLexicalNode[];
  const siblings = parent.children ?? [];
  const later = siblings.slice(siblings.findIndex((s) => s.id === target.id) + 1);
  const tag = depth === 2 ? 'h2' : 'h3';
  editor.update(() => {
    const children = $getRoot().getChildren();
    const isHeading = (n: LexicalNode, tags: string[]): boolean => $isHeadingNode(n) && tags.includes(n.getTag());
    // The scope of the parent: the whole text, or from the parent's heading to the next heading of its level.
    let from = 0;
    let to = children.length;
    if (depth === 3) {
      from = children.findIndex((n) => isHeading(n, ['h2']) && sameTitle(n.getTextContent(), parent.title)) + 1;
      const end = children.findIndex((n, i) => i >= from && isHeading(n, ['h2']));
      to = end >= 0 ? end : children.length;
    }
    const next = children.findIndex((n, i) => i >= from && i < to && isHeading(n, [tag]) && later.some((s) => sameTitle(n.getTextContent(), s.title)));
    const at = next >= 0 ? next : to;
    const nodes = serialized.map((json) => $parseSerializedNode(json));
    const anchor = children[at];
    for (const node of nodes) {
      if (anchor) anchor.insertBefore(node);
      else $getRoot().append(node);
    }
  });
  requestAnimationFrame(() => focusSubsection(project.id, target.title));
}

/** The template sections, depth first: for « which section serves this requirement ». */
export function templateSectionsServing(requirementId: string): TemplateSection[] {
  const { template } = sources();
  return walkSections(template.sections)
    .map(({ section }) => section)
    .filter((s) => s.requirements.includes(requirementId));
}
