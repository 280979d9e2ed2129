import { useEffect, useRef } from 'react';

/**
 * Moves the keyboard focus to an element (a screen's title, with tabIndex -1) when a screen appears, so that
 * keyboard and screen-reader users start from the top of the new screen instead of a vanished button.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return ref;
}
