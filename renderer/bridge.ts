import type { Args, Bridge, Channel, Results } from '../src/api/contract';

/**
 * The renderer's only door to its host (design.md §3, rule 3). The Electron preload, or the e2e test host,
 * puts `window.pilier` in place before the page runs; without it (a plain browser), every call answers a
 * French error instead of throwing, so the interface can say what is missing.
 */

/** Commands the host's application menu sends (Fichier, Édition, Affichage…). */
export const MENU_COMMANDS = ['new', 'open', 'openDemo', 'close', 'find', 'versions', 'snapshot'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface PilierWindowApi extends Bridge {
  /** Subscribes to menu commands; returns the unsubscribe function. Absent in the test host. */
  onMenu?(listener: (command: string) => void): () => void;
}

declare global {
  interface Window {
    pilier?: PilierWindowApi;
  }
}

const NO_HOST = 'Pilier n’est pas relié à son application : ouvrez-le depuis l’application de bureau.';

/** Calls a channel of the host. Never throws: a failure of the host itself becomes a French error value. */
export async function invoke<C extends Channel>(channel: C, ...args: Args<C> extends void ? [] : [Args<C>]): Promise<Results[C]> {
  const host = window.pilier;
  if (!host) return { ok: false, error: NO_HOST } as Results[C];
  try {
    return await host.invoke(channel, ...args);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `L’application n’a pas pu répondre (${channel}) : ${detail}` } as Results[C];
  }
}

function isMenuCommand(value: string): value is MenuCommand {
  return (MENU_COMMANDS as readonly string[]).includes(value);
}

/** Listens to the host's menu; a no-op where the host has no menu. */
export function onMenu(listener: (command: MenuCommand) => void): () => void {
  const host = window.pilier;
  if (!host?.onMenu) return () => {};
  return host.onMenu((command) => {
    if (isMenuCommand(command)) listener(command);
  });
}
