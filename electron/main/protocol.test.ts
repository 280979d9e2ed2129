import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged: vi.fn() } }));

const { contentTypeFor, resolveAppFile, respond } = await import('./protocol');
const { CONTENT_SECURITY_POLICY } = await import('./security');

const root = mkdtempSync(join(tmpdir(), 'pilier-renderer-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Pilier</title>');
writeFileSync(join(root, 'assets', 'index.js'), 'console.log(1)');
writeFileSync(join(root, '..', 'pilier-secret.txt'), 'secret');
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(join(root, '..', 'pilier-secret.txt'), { force: true });
});

describe('app:// files', () => {
  it('map to files under the renderer folder only', () => {
    expect(resolveAppFile(root, 'app://pilier/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://pilier/assets/index.js')).toBe(join(root, 'assets', 'index.js'));
    for (const url of [
      'app://pilier/../pilier-secret.txt',
      'app://pilier/%2e%2e/pilier-secret.txt',
      'app://pilier/assets/%2E%2E%2F..%2Fpilier-secret.txt',
      'app://pilier/%00index.html',
      'app://other/index.html',
      'file:///etc/passwd',
      'app://pilier/%E0%A4%A',
    ]) {
      // The URL parser folds `..` away; whatever is left must stay inside the folder.
      const file = resolveAppFile(root, url);
      expect(file === null || file.startsWith(root + '/'), url).toBe(true);
    }
    expect(resolveAppFile(root, 'app://pilier/%2e%2e/pilier-secret.txt')).toBe(join(root, 'pilier-secret.txt'));
    expect(resolveAppFile(root, 'app://other/index.html')).toBeNull();
  });

  it('are served with the CSP and their type', async () => {
    const response = await respond(root, { method: 'GET', url: 'app://pilier/index.html' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>Pilier</title>');
    expect(contentTypeFor('a/b/index.js')).toBe('text/javascript; charset=utf-8');
  });

  it('answer 404 outside the folder and 405 to anything but GET, with the CSP too', async () => {
    const outside = await respond(root, { method: 'GET', url: 'app://pilier/%2e%2e/pilier-secret.txt' });
    expect(outside.status).toBe(404);
    expect(await outside.text()).not.toContain('secret');
    expect(outside.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await respond(root, { method: 'GET', url: 'app://pilier/missing.js' })).status).toBe(404);
    expect((await respond(root, { method: 'POST', url: 'app://pilier/index.html' })).status).toBe(405);
  });
});
