import { useEffect } from 'react';
import { getEditor, subscribeEditors } from '../editor/registry';
import { usePilier } from '../store';

/**
 * The received contract is read, not edited: every section's Lexical editor is made read-only as it mounts
 * (editors mount progressively), and made editable again when the review screen goes away.
 */
export function useReadOnlyEditors(): void {
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
    return () => {
      stop();
      unsubscribe();
      for (const id of touched) getEditor(id)?.setEditable(true);
    };
  }, []);
}

/** Sets up the review the open project holds (again after a restore), loaded from the host. */
export function useReviewLoader(quiet: boolean): void {
  const path = usePilier((s) => s.project?.path);
  const generation = usePilier((s) => s.generation);
  const loadReview = usePilier((s) => s.loadReview);
  useEffect(() => {
    if (path) void loadReview(quiet);
  }, [path, generation, loadReview, quiet]);
}
