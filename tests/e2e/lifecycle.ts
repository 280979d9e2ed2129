import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { closeBrowser, startHost, type Host, type HostOptions } from './host';

/**
 * The life of a spec file's host: started once before its tests, closed after them; after each test, no request
 * left the machine, the page logged no error and no dialog was asked for unexpectedly.
 */
export function useHost(options: HostOptions = {}, onStart?: (host: Host) => void): { readonly current: Host } {
  const holder: { current?: Host } = {};

  beforeAll(async () => {
    holder.current = await startHost(options);
    onStart?.(holder.current);
  });

  afterEach(() => {
    const host = holder.current;
    if (!host) return;
    expect(host.external.splice(0), 'requêtes vers l’extérieur').toEqual([]);
    expect(host.errors.splice(0), 'erreurs de la page').toEqual([]);
    expect(host.dialogs.unexpected.splice(0), 'boîtes de dialogue inattendues').toEqual([]);
  });

  afterAll(async () => {
    await holder.current?.close();
    await closeBrowser();
  });

  return {
    get current(): Host {
      if (!holder.current) throw new Error('hôte de test non démarré');
      return holder.current;
    },
  };
}
