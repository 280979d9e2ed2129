import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { isSafeUrl } from '../../links';

/** The address of the link a click landed on, if it is one a contract may open (web or mail). */
export function linkTarget(target: EventTarget | null): string | null {
  const element = target instanceof Element ? target.closest('a[href]') : null;
  const href = element?.getAttribute('href') ?? null;
  return href !== null && isSafeUrl(href) ? href : null;
}

/**
 * Ctrl+clic (⌘+clic on macOS) on a link asks to open it outside the app, as word processors do; a plain click only
 * places the caret. The request goes through `window.open`, which the desktop host never honours itself: its
 * window-open handler refuses the window and offers the address to the system browser after a French
 * confirmation (electron/main/window.ts). Nothing ever loads inside Pilier.
 */
export function LinkOpenerPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const onClick = (event: MouseEvent): void => {
      if (event.button !== 0 || !(event.ctrlKey || event.metaKey)) return;
      const href = linkTarget(event.target);
      if (href === null) return;
      event.preventDefault();
      window.open(href, '_blank', 'noopener,noreferrer');
    };
    return editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('click', onClick);
      root?.addEventListener('click', onClick);
    });
  }, [editor]);
  return null;
}
