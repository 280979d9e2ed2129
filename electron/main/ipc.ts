import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES, type Channel } from '../../src/api/contract';
import { invoke, type Handlers } from '../../src/app';
import { FOREIGN_SENDER_ERROR, isTrustedSender } from './security';

/**
 * The only importer of `ipcMain` (design.md §3, rule 4). One handler per channel of the contract; each call
 * is checked twice before it reaches the services: the sender must be the top frame of a window showing the
 * app's own renderer, and the argument must parse with the channel's schema (`invoke`).
 */

export interface IpcOptions {
  /** The services of the window whose web contents sent the call (one set of services per window). */
  handlersFor(webContentsId: number): Handlers | undefined;
  /** Told after each answered call (to refresh the recent-files menu, or finish closing a window). */
  afterCall?(webContentsId: number, channel: Channel, result: unknown): void;
}

const NO_SESSION = 'Demande refusée : cette fenêtre n’a pas de projet Pilier associé.';
const EXTRA_ARGUMENTS = 'Demande refusée : un seul argument est accepté.';

/** Answers one call; exported for tests (they pass fake events). */
export async function handleCall(options: IpcOptions, event: IpcMainInvokeEvent, channel: Channel, args: unknown[]): Promise<unknown> {
  if (!isTrustedSender(event.senderFrame)) return { ok: false, error: FOREIGN_SENDER_ERROR };
  if (args.length > 1) return { ok: false, error: EXTRA_ARGUMENTS };
  const handlers = options.handlersFor(event.sender.id);
  if (!handlers) return { ok: false, error: NO_SESSION };
  const result = await invoke(handlers, channel, args[0]);
  options.afterCall?.(event.sender.id, channel, result);
  return result;
}

/** Registers every channel once, for the life of the app. */
export function registerIpc(options: IpcOptions): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => handleCall(options, event, channel, args));
  }
}
