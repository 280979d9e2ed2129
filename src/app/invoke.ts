import type { z } from 'zod';
import { isChannel, parseArgs, type Channel, type CHANNELS, type Results } from '../api/contract';

/** A channel's argument after parsing (defaults applied). */
export type ParsedArg<C extends Channel> = z.output<(typeof CHANNELS)[C]>;

/** The services behind the contract: one async function per channel, taking the parsed argument. */
export type Handlers = { [C in Channel]: (arg: ParsedArg<C>) => Promise<Results[C]> };

/** What `invoke` answers for a call it refused before reaching a service. */
export type Refusal = { ok: false; error: string };

/**
 * The one entry point of every host (Electron's `ipc.ts`, the Chromium test host): checks that `channel` is
 * in the contract and parses `rawArg` with its schema, then calls the service. A refused call answers a
 * French `{ ok: false, error }` and never reaches the service; a service that throws is a bug, and the
 * rejection is passed on.
 */
export async function invoke(handlers: Handlers, channel: unknown, rawArg: unknown): Promise<Results[Channel] | Refusal> {
  if (!isChannel(channel)) {
    const name = typeof channel === 'string' ? `« ${channel.slice(0, 100)} »` : 'sans nom';
    return { ok: false, error: `Demande refusée : le canal ${name} n’existe pas.` };
  }
  return call(handlers, channel, rawArg);
}

async function call<C extends Channel>(handlers: Handlers, channel: C, rawArg: unknown): Promise<Results[C] | Refusal> {
  const parsed = parseArgs(channel, rawArg);
  if (!parsed.ok) return parsed;
  const handler = handlers[channel] as (arg: ParsedArg<C>) => Promise<Results[C]>;
  return handler(parsed.value);
}
