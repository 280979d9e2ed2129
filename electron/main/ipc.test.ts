import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../src/api/contract';
import type { Handlers } from '../../src/app';

const electron = vi.hoisted(() => ({ ipcMain: { handle: vi.fn() } }));
vi.mock('electron', () => electron);

const { handleCall, registerIpc } = await import('./ipc');
const { FOREIGN_SENDER_ERROR } = await import('./security');

function fakeHandlers() {
  const recentList = vi.fn(async () => ({ ok: true as const, value: [] }));
  const open = vi.fn(async () => ({ ok: false as const, error: 'introuvable' }));
  return { recentList, open, handlers: { 'recent:list': recentList, 'project:open': open } as unknown as Handlers };
}

const topFrame = (url: string) => ({ url, parent: null });
const event = (frame: { url: string; parent: unknown } | null, id = 7) => ({ senderFrame: frame, sender: { id } }) as never;

describe('IPC registration', () => {
  it('registers each channel of the contract exactly once', () => {
    registerIpc({ handlersFor: () => undefined });
    const registered = electron.ipcMain.handle.mock.calls.map((call) => call[0]);
    expect(registered.sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(new Set(registered).size).toBe(registered.length);
  });
});

describe('IPC sender check', () => {
  it('refuses calls from any other page or frame, without reaching the services', async () => {
    const { handlers, recentList } = fakeHandlers();
    const options = { handlersFor: () => handlers };
    for (const frame of [
      topFrame('https://example.org/'),
      topFrame('file:///tmp/evil.html'),
      topFrame('app://other/index.html'),
      { url: 'app://pilier/index.html', parent: {} },
      null,
    ]) {
      expect(await handleCall(options, event(frame), 'recent:list', [])).toEqual({ ok: false, error: FOREIGN_SENDER_ERROR });
    }
    expect(recentList).not.toHaveBeenCalled();
  });

  it('passes calls from the app’s renderer to that window’s services', async () => {
    const { handlers, recentList } = fakeHandlers();
    const handlersFor = vi.fn(() => handlers);
    const afterCall = vi.fn();
    const result = await handleCall({ handlersFor, afterCall }, event(topFrame('app://pilier/index.html'), 12), 'recent:list', []);
    expect(result).toEqual({ ok: true, value: [] });
    expect(handlersFor).toHaveBeenCalledWith(12);
    expect(recentList).toHaveBeenCalledTimes(1);
    expect(afterCall).toHaveBeenCalledWith(12, 'recent:list', { ok: true, value: [] });
  });

  it('refuses wrong-typed, extra and unexpected arguments in French', async () => {
    const { handlers, open } = fakeHandlers();
    const options = { handlersFor: () => handlers };
    const trusted = event(topFrame('app://pilier/index.html'));
    const wrongType = (await handleCall(options, trusted, 'project:open', [{ path: 42 }])) as { ok: boolean; error: string };
    expect(wrongType.ok).toBe(false);
    expect(wrongType.error).toMatch(/^Demande refusée : argument invalide pour « project:open »/);
    expect(await handleCall(options, trusted, 'project:open', [{ path: '/a.pilier', extra: true }])).toMatchObject({ ok: false });
    expect(await handleCall(options, trusted, 'project:open', [{ path: '/a.pilier' }, 'second'])).toMatchObject({ ok: false, error: expect.stringMatching(/un seul argument/) });
    expect(open).not.toHaveBeenCalled();
  });

  it('refuses a window that has no services', async () => {
    const result = await handleCall({ handlersFor: () => undefined }, event(topFrame('app://pilier/index.html')), 'recent:list', []);
    expect(result).toMatchObject({ ok: false });
  });
});
