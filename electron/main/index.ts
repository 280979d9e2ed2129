import { app, BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import type { Channel, MenuMessage } from '../../src/api/contract';
import { createServices, recentFiles, type Services } from '../../src/app';
import { pilierPathsFrom, showAbout, windowDialogs } from './dialogs';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, guardContents, hardenSession, offerExternalLink } from './window';

/**
 * The app's lifecycle: one instance (a second launch hands its files to the first), one set of services
 * per window, IPC handlers registered once, `.pilier` files opened from the command line, a second
 * instance or macOS's « open-file ». Nothing here but wiring.
 */

/** How long a closing window waits for its renderer to save pending edits and answer `project:close`. */
const CLOSE_GRACE_MS = 2_000;
/** Menu commands that open a window when none is left (macOS keeps the app running without windows). */
const OPENING_ACTIONS = new Set<MenuMessage['action']>(['new', 'open', 'openDemo', 'openPath']);
/** Calls after which the recent-files menu may have changed. */
const RECENT_CHANNELS = new Set<Channel>(['project:create', 'project:open', 'project:saveAs']);

interface WindowState {
  window: BrowserWindow;
  services: Services;
  /** The page has loaded: the preload listens and buffers menu messages until the renderer does. */
  ready: boolean;
  queue: MenuMessage[];
  mayClose: boolean;
  closeTimer?: ReturnType<typeof setTimeout>;
}

const windows = new Map<number, WindowState>();
const pendingPaths: string[] = [];
let quitting = false;

const appRoot = () => app.getAppPath();
const dataDir = () => app.getPath('userData');
const warn = (message: string) => console.warn(`[pilier] ${message}`);

function send(state: WindowState, message: MenuMessage): void {
  if (!state.ready) {
    state.queue.push(message);
    return;
  }
  state.window.webContents.send(`menu:${message.action}`, message.path === undefined ? undefined : { path: message.path });
}

function targetWindow(): WindowState | undefined {
  const focused = BrowserWindow.getFocusedWindow();
  const state = focused ? windows.get(focused.webContents.id) : undefined;
  return state ?? windows.values().next().value;
}

function refreshMenu(): void {
  installMenu({
    platform: process.platform,
    recent: recentFiles(dataDir(), warn).list(),
    send: (message) => {
      const state = targetWindow();
      if (state) send(state, message);
      else if (OPENING_ACTIONS.has(message.action)) send(openWindow(), message);
    },
    about: () => showAbout(BrowserWindow.getFocusedWindow()),
    devTools: !app.isPackaged,
  });
}

function finishClose(state: WindowState): void {
  if (state.closeTimer) clearTimeout(state.closeTimer);
  state.closeTimer = undefined;
  state.mayClose = true;
  if (!state.window.isDestroyed()) state.window.close();
}

function openWindow(): WindowState {
  const window = createMainWindow(join(__dirname, 'preload.cjs'), { devTools: !app.isPackaged });
  const id = window.webContents.id;
  const services = createServices({
    dataDir: dataDir(),
    seedsDir: join(appRoot(), 'seeds'),
    templatesDir: join(appRoot(), 'templates'),
    dialogs: windowDialogs(window),
    warn,
  });
  const state: WindowState = { window, services, ready: false, queue: [], mayClose: false };
  windows.set(id, state);
  window.webContents.on('did-start-loading', () => {
    state.ready = false;
  });
  window.webContents.on('did-finish-load', () => {
    state.ready = true;
    for (const message of state.queue.splice(0)) send(state, message);
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    warn(`Le rendu de la fenêtre s’est arrêté (${details.reason}) : rechargement.`);
    const current = services.currentPath();
    if (current) state.queue.push({ action: 'openPath', path: current });
    if (!state.mayClose) window.webContents.reload();
  });
  // With a project open, ask the renderer to save what it holds before the window goes (it answers with
  // `project:close`); close anyway after a grace period.
  window.on('close', (event) => {
    if (state.mayClose || !state.ready || services.currentPath() === null) return;
    event.preventDefault();
    if (state.closeTimer) return;
    send(state, { action: 'windowClosing' });
    state.closeTimer = setTimeout(() => finishClose(state), CLOSE_GRACE_MS);
  });
  window.on('closed', () => {
    if (state.closeTimer) clearTimeout(state.closeTimer);
    services.dispose();
    windows.delete(id);
  });
  return state;
}

function openPaths(paths: readonly string[]): void {
  if (paths.length === 0) return;
  if (!app.isReady()) {
    pendingPaths.push(...paths);
    return;
  }
  const state = targetWindow() ?? openWindow();
  // One project per window: the last path wins, like a double-click on several files.
  const path = paths[paths.length - 1] as string;
  send(state, { action: 'openPath', path });
  if (state.window.isMinimized()) state.window.restore();
  state.window.focus();
}

function start(): void {
  hardenSession(session.defaultSession);
  serveRenderer(session.defaultSession, join(appRoot(), 'renderer', 'dist'));
  registerIpc({
    handlersFor: (webContentsId) => windows.get(webContentsId)?.services.handlers,
    afterCall(webContentsId, channel, result) {
      const state = windows.get(webContentsId);
      if (channel === 'project:close' && state?.closeTimer) finishClose(state);
      const value = (result as { ok?: boolean; value?: { path?: unknown } }).value;
      if (RECENT_CHANNELS.has(channel) && typeof value?.path === 'string') {
        app.addRecentDocument(value.path);
        refreshMenu();
      }
    },
  });
  refreshMenu();
  openWindow();
  openPaths(pendingPaths.splice(0));
}

registerAppScheme();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  if (process.platform === 'win32') app.setAppUserModelId('fr.pilier.app');
  pendingPaths.push(...pilierPathsFrom(process.argv, process.cwd()));
  app.on('web-contents-created', (_event, contents) => {
    guardContents(contents, (url) => {
      offerExternalLink(url, BrowserWindow.fromWebContents(contents)).catch((error: unknown) => warn(`Lien non ouvert : ${String(error)}`));
    });
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const paths = pilierPathsFrom(argv, workingDirectory);
    if (paths.length > 0) openPaths(paths);
    else targetWindow()?.window.focus();
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openPaths([path]);
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (quitting || process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (windows.size === 0 && app.isReady()) openWindow();
  });
  app.whenReady().then(start, (error: unknown) => {
    console.error(`Pilier n’a pas pu démarrer : ${String(error)}`);
    app.exit(1);
  });
}
