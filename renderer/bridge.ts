import { MENU_ACTIONS, type Args, type Bridge, type Channel, type MenuMessage, type Results } from '../src/api/contract';

/**
 * The renderer's only door to its host (design.md §3, rule 3). The Electron preload, or the e2e test host,
 * puts `window.pilier` in place before the page runs; without it (a plain browser), every call answers a
 * French error instead of throwing, so the interface can say what is missing.
 */

export interface PilierWindowApi extends Bridge {
  /** Subscribes to the application menu's commands; returns the unsubscribe function. Absent in the test host. */
  onMenu?(listener: (message: MenuMessage) => void): () => void;
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

/** A menu message as the preload delivers it: a known action, and a path only where one is carried. */
export function asMenuMessage(value: unknown): MenuMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { action, path } = value as { action?: unknown; path?: unknown };
  if (typeof action !== 'string' || !(MENU_ACTIONS as readonly string[]).includes(action)) return undefined;
  return typeof path === 'string' ? { action: action as MenuMessage['action'], path } : { action: action as MenuMessage['action'] };
}

/** Listens to the host's menu; a no-op where the host has no menu. */
export function onMenu(listener: (message: MenuMessage) => void): () => void {
  const host = window.pilier;
  if (!host?.onMenu) return () => {};
  return host.onMenu((raw) => {
    const message = asMenuMessage(raw);
    if (message) listener(message);
  });
}
