import { $getRoot, $isElementNode, SKIP_SCROLL_INTO_VIEW_TAG } from 'lexical';
import { $isHeadingNode } from '@lexical/rich-text';
import type { TemplateSection } from '../../src/template/schema';
import { sameTitle } from '../app/templateMap';
import { usePilier } from '../store';
import { isDeferred, mountEditors } from './mounting';
import { getEditor } from './registry';

/** The template sub-sections whose heading is in the section's text (as of the last check). */
export { sameTitle };

export function presentSubsections(sectionId: string, section: TemplateSection): TemplateSection[] {
  const blocks = usePilier.getState().liveCheck()?.blocksOf(sectionId) ?? [];
  const headings = blocks.filter((b) => b.type === 'heading' && b.level === 2);
  return (section.children ?? []).filter((child) => headings.some((h) => sameTitle(h.text, child.title)));
}

function smoothly(): ScrollBehavior {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

/** Scrolls to a section and puts the caret at the start of its text. */
export function focusSection(sectionId: string): void {
  if (isDeferred(sectionId)) {
    void mountEditors([sectionId]).then(() => focusSection(sectionId));
    return;
  }
  const container = document.querySelector<HTMLElement>(`[data-section-id="${CSS.escape(sectionId)}"]`);
  const editor = getEditor(sectionId);
  usePilier.getState().setActiveSection(sectionId);
  if (!editor) {
    container?.scrollIntoView({ block: 'start', behavior: smoothly() });
    return;
  }
  editor.update(
    () => {
      $getRoot().selectStart();
    },
    { tag: SKIP_SCROLL_INTO_VIEW_TAG, onUpdate: () => container?.scrollIntoView({ block: 'start', behavior: smoothly() }) },
  );
  editor.focus(undefined, { defaultSelection: 'rootStart' });
}

/**
 * Scrolls to a sub-section's heading (matched by title) and puts the caret at the start of the text below it,
 * so that typing replaces its placeholder.
 */
export function focusSubsection(sectionId: string, title: string): void {
  if (isDeferred(sectionId)) {
    void mountEditors([sectionId]).then(() => focusSubsection(sectionId, title));
    return;
  }
  const editor = getEditor(sectionId);
  if (!editor) return focusSection(sectionId);
  usePilier.getState().setActiveSection(sectionId);
  let key: string | null = null;
  editor.update(
    () => {
      const heading = $getRoot()
        .getChildren()
        .find((n) => $isHeadingNode(n) && sameTitle(n.getTextContent(), title));
      if (!heading || !$isElementNode(heading)) return;
      key = heading.getKey();
      const next = heading.getNextSibling();
      if ($isElementNode(next) && !$isHeadingNode(next)) next.selectStart();
      else heading.selectEnd();
    },
    {
      tag: SKIP_SCROLL_INTO_VIEW_TAG,
      onUpdate: () => (key ? editor.getElementByKey(key) : null)?.scrollIntoView({ block: 'start', behavior: smoothly() }),
    },
  );
  editor.focus();
}
