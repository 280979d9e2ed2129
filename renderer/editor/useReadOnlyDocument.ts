import { useEffect } from 'react';
import { usePilier } from '../store';
import { getEditor, subscribeEditors } from './registry';

/**
 * Makes the open contract read-only while the component is mounted (a received contract under review, an
 * exercise): every section's Lexical editor is `setEditable(false)`, including those mounted later (editors mount
 * progressively) and after the sections change; the ones it touched are made editable again on the way out.
 * Read-only editors leave the Tab order: with `focusableScroller`, the scrolling text itself takes the focus, for
 * keyboard users to scroll it.
 */
export function useReadOnlyDocument(options: { focusableScroller?: boolean } = {}): void {
  const focusableScroller = options.focusableScroller === true;
  useEffect(() => {
    const touched = new Set<string>();
    const apply = (): void => {
      for (const { id } of usePilier.getState().sections) {
        const editor = getEditor(id);
        if (editor?.isEditable()) {
          editor.setEditable(false);
          touched.add(id);
        }
      }
    };
    apply();
    const stop = subscribeEditors(apply);
    const unsubscribe = usePilier.subscribe((s, previous) => {
      if (s.sections !== previous.sections) apply();
    });
    const scroller = focusableScroller ? document.querySelector<HTMLElement>('.document-scroll') : null;
    scroller?.setAttribute('tabindex', '0');
    return () => {
      stop();
      unsubscribe();
      scroller?.removeAttribute('tabindex');
      for (const id of touched) getEditor(id)?.setEditable(true);
    };
  }, [focusableScroller]);
}
