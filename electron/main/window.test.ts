import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const created: { options: unknown; url?: string }[] = [];
  class BrowserWindow {
    record: { options: unknown; url?: string };
    constructor(options: unknown) {
      this.record = { options };
      created.push(this.record);
    }
    once() {
      return this;
    }
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
  }
  return {
    created,
    BrowserWindow,
    dialog: { showMessageBox: vi.fn() },
    shell: { openExternal: vi.fn() },
  };
});
vi.mock('electron', () => electron);

const { createMainWindow, guardContents, hardenSession, mainWindowOptions, offerExternalLink } = await import('./window');

type Listener = (...args: unknown[]) => unknown;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    on(name: string, listener: Listener) {
      listeners.set(name, listener);
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
    fire(name: string, event: object) {
      const listener = listeners.get(name);
      if (!listener) throw new Error(`no listener for ${name}`);
      listener(event);
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

const navigationEvent = (url: string) => ({ url, preventDefault: vi.fn() });

beforeEach(() => {
  electron.dialog.showMessageBox.mockReset();
  electron.shell.openExternal.mockReset();
});

describe('main window', () => {
  it('is created with the secure preferences and loads the built renderer from app://', () => {
    createMainWindow('/app/dist/electron/preload.cjs', { devTools: false });
    const last = electron.created.at(-1);
    expect(last?.url).toBe('app://pilier/index.html');
    expect(last?.options).toEqual(mainWindowOptions('/app/dist/electron/preload.cjs', { devTools: false }));
    expect((last?.options as { webPreferences: object }).webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: '/app/dist/electron/preload.cjs',
    });
  });
});

describe('navigation guards', () => {
  it('refuse every navigation and hand its URL to the link policy', () => {
    const contents = fakeContents();
    const openLink = vi.fn();
    guardContents(contents as never, openLink);
    for (const url of ['https://example.org/', 'app://pilier/other.html', 'file:///etc/passwd']) {
      const event = navigationEvent(url);
      contents.fire('will-navigate', event);
      expect(event.preventDefault).toHaveBeenCalled();
      expect(openLink).toHaveBeenLastCalledWith(url);
    }
  });

  it('deny every new window', () => {
    const contents = fakeContents();
    const openLink = vi.fn();
    guardContents(contents as never, openLink);
    expect(contents.open('https://example.org/')).toEqual({ action: 'deny' });
    expect(contents.open('app://pilier/index.html')).toEqual({ action: 'deny' });
    expect(openLink).toHaveBeenCalledTimes(2);
  });

  it('refuse webviews, redirects and foreign frames', () => {
    const contents = fakeContents();
    guardContents(contents as never, vi.fn());
    const webview = navigationEvent('');
    contents.fire('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    const redirect = navigationEvent('https://example.org/');
    contents.fire('will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();
    const foreignFrame = navigationEvent('https://example.org/');
    contents.fire('will-frame-navigate', foreignFrame);
    expect(foreignFrame.preventDefault).toHaveBeenCalled();
    const ownFrame = navigationEvent('app://pilier/index.html');
    contents.fire('will-frame-navigate', ownFrame);
    expect(ownFrame.preventDefault).not.toHaveBeenCalled();
  });
});

describe('external links', () => {
  it('open in the system browser only after the person confirms', async () => {
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    expect(await offerExternalLink('https://www.legifrance.gouv.fr/', null)).toBe(true);
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://www.legifrance.gouv.fr/');

    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    expect(await offerExternalLink('https://example.org/', null)).toBe(false);
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('never offer other schemes, not even with a question', async () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'app://pilier/index.html']) {
      expect(await offerExternalLink(url, null)).toBe(false);
    }
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('session', () => {
  function fakeSession() {
    const handlers: Record<string, Listener> = {};
    const record = (name: string) => (handler: Listener) => {
      handlers[name] = handler;
    };
    return {
      handlers,
      setPermissionRequestHandler: record('request'),
      setPermissionCheckHandler: record('check'),
      setDevicePermissionHandler: record('device'),
      setDisplayMediaRequestHandler: record('displayMedia'),
      setSpellCheckerEnabled: vi.fn(),
      webRequest: { onBeforeRequest: record('beforeRequest') },
    };
  }

  it('denies every permission request and check', () => {
    const session = fakeSession();
    hardenSession(session as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) {
      const callback = vi.fn();
      session.handlers.request?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.handlers.check?.({}, permission, 'app://pilier', {})).toBe(false);
    }
    expect(session.handlers.device?.({})).toBe(false);
    expect(session.handlers.displayMedia).toBeUndefined();
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
  });

  it('cancels every request that is not the app’s own', () => {
    const session = fakeSession();
    hardenSession(session as never);
    const decide = (url: string) => {
      const callback = vi.fn();
      session.handlers.beforeRequest?.({ url }, callback);
      return callback.mock.calls[0]?.[0] as { cancel: boolean };
    };
    expect(decide('app://pilier/index.html')).toEqual({ cancel: false });
    expect(decide('https://fonts.googleapis.com/css')).toEqual({ cancel: true });
    expect(decide('http://169.254.169.254/')).toEqual({ cancel: true });
    expect(decide('file:///home/user/.ssh/id_rsa')).toEqual({ cancel: true });
  });
});
