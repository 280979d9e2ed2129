import { useEffect } from 'react';
import { getEditor, subscribeEditors } from '../editor/registry';
import { usePilier } from '../store';

/**
 * Makes the open contract read-only while the component is mounted (the exercise): every section's Lexical editor,
 * including those mounted later, is `setEditable(false)`; they are made editable again on the way out. Read-only
 * editors leave the Tab order, so the scrolling text itself takes the focus, for keyboard users to scroll it.
 */
export function useReadOnlyDocument(): void {
  const sections = usePilier((s) => s.sections);
  useEffect(() => {
    const ids = sections.map((s) => s.id);
    const apply = (): void => {
      for (const id of ids) {
        const editor = getEditor(id);
        if (editor?.isEditable()) editor.setEditable(false);
      }
    };
    apply();
    const stop = subscribeEditors(apply);
    const scroller = document.querySelector<HTMLElement>('.document-scroll');
    scroller?.setAttribute('tabindex', '0');
    return () => {
      stop();
      scroller?.removeAttribute('tabindex');
      for (const id of ids) getEditor(id)?.setEditable(true);
    };
  }, [sections]);
}
