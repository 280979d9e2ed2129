import { contextBridge, ipcRenderer, type IpcRenderer } from 'electron';
import { CHANNEL_NAMES, MENU_ACTIONS, type Channel, type DesktopBridge, type MenuAction, type MenuMessage, type Results } from '../../src/api/contract';

/**
 * The only importer of `contextBridge` and `ipcRenderer` (design.md §3, rule 4). Exposes `window.pilier`:
 * `invoke` for the channels of the contract and nothing else, and `onMenu` for the application menu. The
 * page never sees `ipcRenderer` nor an IPC event. Runs sandboxed: bundled into one file with no `require`
 * but `electron`.
 */

const channels = new Set<string>(CHANNEL_NAMES);

export function createBridge(ipc: Pick<IpcRenderer, 'invoke' | 'on'>): DesktopBridge {
  const listeners = new Set<(message: MenuMessage) => void>();
  /** Messages that arrive before the page listens (a file given on the command line) wait here. */
  const waiting: MenuMessage[] = [];

  function deliver(message: MenuMessage): void {
    if (listeners.size === 0) {
      waiting.push(message);
      return;
    }
    for (const listener of listeners) listener(message);
  }

  for (const action of MENU_ACTIONS) {
    ipc.on(`menu:${action}`, (_event, payload: unknown) => {
      const path = (payload as { path?: unknown } | null | undefined)?.path;
      deliver(typeof path === 'string' ? { action: action as MenuAction, path } : { action: action as MenuAction });
    });
  }

  /** A refusal is a valid answer on every channel (`Result` always allows `{ ok: false }`). */
  function refuse<C extends Channel>(error: string): Promise<Results[C]> {
    return Promise.resolve({ ok: false, error }) as unknown as Promise<Results[C]>;
  }

  const bridge: DesktopBridge = {
    invoke<C extends Channel>(channel: C, ...args: unknown[]): Promise<Results[C]> {
      if (typeof channel !== 'string' || !channels.has(channel)) {
        const name = typeof channel === 'string' ? `« ${channel.slice(0, 100)} »` : 'sans nom';
        return refuse<C>(`Demande refusée : le canal ${name} n’existe pas.`);
      }
      if (args.length > 1) return refuse<C>('Demande refusée : un seul argument est accepté.');
      return ipc.invoke(channel, ...args) as Promise<Results[C]>;
    },
    onMenu(listener) {
      if (typeof listener !== 'function') return () => undefined;
      listeners.add(listener);
      for (const message of waiting.splice(0)) listener(message);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  return Object.freeze(bridge);
}

contextBridge.exposeInMainWorld('pilier', createBridge(ipcRenderer));
