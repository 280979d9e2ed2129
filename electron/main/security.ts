/**
 * The desktop app's security settings as plain data and pure functions, so tests can read them without the
 * Electron binary (issue 7, « Security of the desktop app »). `window.ts`, `protocol.ts` and `ipc.ts` apply
 * them; nothing here imports `electron`.
 * @see https://www.electronjs.org/docs/latest/tutorial/security
 */

/** The renderer is served from this custom scheme, never from `file://` (security checklist item 18). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pilier';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The Content Security Policy, sent as a response header with every file of the renderer (see `protocol.ts`).
 * A header rather than a `<meta>`: it applies from the first byte, to every response, and carries
 * `frame-ancestors`, which browsers ignore in a `<meta>`. `'unsafe-inline'` for styles only: React and
 * Lexical set `style` attributes; no inline script is allowed, nor any connection (`connect-src 'none'`).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers sent with every file of the renderer. */
export const RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

/**
 * The scheme's privileges: `standard` and `secure` give it an origin like https (so ES modules, relative
 * URLs and the CSP work as they do on the web); no fetch, no service workers, no CORS bypass.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: false,
  corsEnabled: false,
  bypassCSP: false,
  allowServiceWorkers: false,
  stream: false,
  codeCache: true,
} as const;

/**
 * The window's `webPreferences`: the renderer is a web page with no Node, isolated from the preload, in
 * Chromium's sandbox. Spell checking is off because Chromium downloads its dictionaries from Google on
 * Linux and Windows, and the app makes no network request.
 */
export function secureWebPreferences(preloadPath: string, options: { devTools: boolean }) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: options.devTools,
  } as const;
}

/** True for a URL of the app's own renderer (`app://pilier/…`). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Which requests the session lets through: the renderer's own files, inline `data:` images, and the
 * developer tools. Everything else (http, https, ws, file, ftp…) is cancelled: the app works offline and
 * must never reach the network, even when a document carries a remote image or link.
 */
export function isAllowedRequest(url: string): boolean {
  if (isAppUrl(url)) return true;
  const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase();
  return scheme === 'data:' || scheme === 'devtools:';
}

/** Longest URL offered to the system browser; a longer one is more likely an attack than a link. */
export const MAX_EXTERNAL_URL = 2_048;

/**
 * The URL to offer to the system browser for a link clicked in a document, or `null` when it must be
 * ignored: only absolute http and https URLs, without credentials, re-serialised by the URL parser so the
 * string handed to the system is the one shown in the confirmation.
 */
export function externalLinkTarget(url: string): string | null {
  if (typeof url !== 'string' || url.length > MAX_EXTERNAL_URL) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username || parsed.password || !parsed.hostname) return null;
  return parsed.href;
}

/** The question asked before opening a link from a document in the system browser. */
export function externalLinkQuestion(url: string) {
  return {
    type: 'question' as const,
    buttons: ['Annuler', 'Ouvrir dans le navigateur'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
    title: 'Ouvrir un lien',
    message: 'Ouvrir ce lien dans votre navigateur ?',
    detail: `${url}\n\nLe lien vient du document : vérifiez l’adresse avant de l’ouvrir. Pilier lui-même ne se connecte jamais à Internet.`,
  };
}

/** The answer to a sender that is not Pilier's own renderer (another frame, a page that navigated away). */
export const FOREIGN_SENDER_ERROR = 'Demande refusée : elle ne vient pas de la fenêtre de Pilier.';

/** Where an IPC call may come from: the top frame of a window showing the app's renderer. */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}
