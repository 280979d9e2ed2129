import { protocol, type Session } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, relative, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, APP_SCHEME_PRIVILEGES, RESPONSE_HEADERS } from './security';

/**
 * Serves the built renderer (`renderer/dist`) as `app://pilier/…`, with the CSP on every response. Only
 * files under that folder can be read, only with GET.
 */

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** The file under `rootDir` an `app://pilier/…` URL names, or `null` for any other host or a path escaping the folder. */
export function resolveAppFile(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relativePath = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = normalize(rootDir);
  const file = normalize(join(root, relativePath));
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || inside.split(sep).includes('..')) return null;
  return file;
}

/** Must run before `app` is ready: gives `app://` a real origin (modules, relative URLs, CSP). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { ...RESPONSE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });

/** Answers one request of the renderer. Exported for tests; `serveRenderer` installs it. */
export async function respond(rootDir: string, request: { method: string; url: string }): Promise<Response> {
  if (request.method !== 'GET') return plain(405, 'Méthode refusée.');
  const file = resolveAppFile(rootDir, request.url);
  if (!file) return plain(404, 'Introuvable.');
  try {
    const body = await readFile(file);
    return new Response(new Uint8Array(body), { status: 200, headers: { ...RESPONSE_HEADERS, 'Content-Type': contentTypeFor(file) } });
  } catch {
    return plain(404, 'Introuvable.');
  }
}

export function serveRenderer(session: Session, rootDir: string): void {
  session.protocol.handle(APP_SCHEME, (request) => respond(rootDir, request));
}
