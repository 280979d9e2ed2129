import { useEffect } from 'react';
import { usePilier } from '../store';

/** Opens the find bar and puts the cursor in it (Ctrl+F, the « Rechercher » button). */
export function openFind(): void {
  usePilier.getState().setFindOpen(true);
  requestAnimationFrame(() => document.getElementById('find-input')?.focus());
}

/**
 * What a screen showing the contract's text does with the keyboard and on leaving: Ctrl+F (⌘F) opens the find bar,
 * `onKey` may take a screen's own shortcut first (it answers true when it did), and `onLeave` saves what is pending
 * when the window closes. Both must be stable functions (module-level), as the listeners are set once.
 */
export function useEditorShortcuts(onLeave: () => void, onKey?: (event: KeyboardEvent) => boolean): void {
  useEffect(() => {
    const keydown = (event: KeyboardEvent): void => {
      if (onKey?.(event)) {
        event.preventDefault();
      } else if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        openFind();
      }
    };
    window.addEventListener('keydown', keydown);
    window.addEventListener('beforeunload', onLeave);
    return () => {
      window.removeEventListener('keydown', keydown);
      window.removeEventListener('beforeunload', onLeave);
    };
  }, [onLeave, onKey]);
}
