import { BrowserWindow, dialog, shell, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron';
import { APP_ENTRY_URL, externalLinkQuestion, externalLinkTarget, isAllowedRequest, isAppUrl, secureWebPreferences } from './security';

/**
 * The window and the guards around every web page of the app: no navigation, no new window, no webview,
 * no permission, no network. Links clicked in a document are offered to the system browser after a
 * confirmation (http and https only); nothing ever opens inside the app.
 */

export function mainWindowOptions(preloadPath: string, options: { devTools: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 520,
    title: 'Pilier',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath, options),
  };
}

/** Asks, then hands an http(s) link to the system browser. Anything else is ignored. */
export async function offerExternalLink(url: string, parent: BrowserWindow | null): Promise<boolean> {
  const target = externalLinkTarget(url);
  if (!target) return false;
  const question = externalLinkQuestion(target);
  const { response } = parent ? await dialog.showMessageBox(parent, question) : await dialog.showMessageBox(question);
  if (response !== 1) return false;
  await shell.openExternal(target);
  return true;
}

/**
 * Guards one web contents (installed for every one the app creates, from `app.on('web-contents-created')`).
 * `openLink` receives the URL of a refused navigation or window: it decides whether to offer it outside.
 */
export function guardContents(contents: WebContents, openLink: (url: string) => void): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    openLink(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openLink(url);
    return { action: 'deny' };
  });
}

/** Denies every permission and device, and cancels every request that is not the app's own files. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setSpellCheckerEnabled(false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
}

export function createMainWindow(preloadPath: string, options: { devTools: boolean }): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, options));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
