import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, MENU_ACTIONS, type MenuMessage } from '../../src/api/contract';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, (event: unknown, payload?: unknown) => void>();
  return {
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn(async () => ({ ok: true, value: [] })),
      on: vi.fn((channel: string, listener: (event: unknown, payload?: unknown) => void) => listeners.set(channel, listener)),
    },
  };
});
vi.mock('electron', () => electron);

const { createBridge } = await import('./index');

beforeEach(() => {
  electron.ipcRenderer.invoke.mockClear();
});

describe('preload', () => {
  it('exposes window.pilier with invoke and onMenu only, frozen', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, bridge] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, object];
    expect(name).toBe('pilier');
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onMenu']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('refuses any channel not in the contract before sending', async () => {
    const bridge = createBridge(electron.ipcRenderer as never);
    const invoke = bridge.invoke as (channel: unknown, ...args: unknown[]) => Promise<unknown>;
    for (const channel of ['shell:openExternal', 'project:delete', '__proto__', 'toString', '', 42, null]) {
      expect(await invoke(channel), String(channel)).toMatchObject({ ok: false, error: expect.stringMatching(/^Demande refusée/) });
    }
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('sends the channels of the contract, with one argument at most', async () => {
    const bridge = createBridge(electron.ipcRenderer as never);
    await bridge.invoke('recent:list');
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('recent:list');
    await bridge.invoke('project:open', { path: '/tmp/a.pilier' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('project:open', { path: '/tmp/a.pilier' });
    const invoke = bridge.invoke as (channel: unknown, ...args: unknown[]) => Promise<unknown>;
    expect(await invoke('project:open', { path: '/a' }, 'extra')).toMatchObject({ ok: false });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(2);
    expect(CHANNEL_NAMES).toContain('recent:list');
  });

  it('listens to every menu action and keeps messages until the page listens', () => {
    electron.listeners.clear();
    const bridge = createBridge(electron.ipcRenderer as never);
    expect([...electron.listeners.keys()].sort()).toEqual(MENU_ACTIONS.map((a) => `menu:${a}`).sort());
    const sender = { secret: 'ipc event' };
    electron.listeners.get('menu:openPath')?.(sender, { path: '/home/a/contrat.pilier' });
    electron.listeners.get('menu:find')?.(sender);
    const received: MenuMessage[] = [];
    const stop = bridge.onMenu((message) => received.push(message));
    expect(received).toEqual([{ action: 'openPath', path: '/home/a/contrat.pilier' }, { action: 'find' }]);
    electron.listeners.get('menu:snapshot')?.(sender, { path: 42 });
    expect(received.at(-1)).toEqual({ action: 'snapshot' });
    stop();
    electron.listeners.get('menu:saveAs')?.(sender);
    expect(received).toHaveLength(3);
  });
});
