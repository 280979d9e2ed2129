import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './security';

/**
 * What ships, read from the files that make it (issue 7, « Security of the desktop app »): the fuses in
 * electron-builder.yml, and the main process as `npm start` / `npm run dist` bundle it. security.test.ts and
 * window.test.ts test the same settings as data and through a mocked Electron; these assertions check that the
 * bundle built from them still says so (a refactoring that bypassed security.ts would show here). Packaging
 * itself (electron-builder flipping the fuses in the binary) needs Electron's binaries: it does not run here.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
// js-yaml comes with electron-builder (no types of its own): loaded as CommonJS, typed here.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

describe('electron-builder.yml', () => {
  const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
    asar?: unknown;
    electronFuses?: Record<string, unknown>;
    files?: string[];
  };

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app into an asar archive (integrity validation needs one)', () => {
    // electron-builder makes an asar unless told not to.
    expect(config.asar === undefined || config.asar === true || typeof config.asar === 'object').toBe(true);
  });

  it('ships built code only: no sources, no source maps', () => {
    expect(config.files).toContain('dist/electron/**');
    expect(config.files).toContain('!**/*.map');
    expect(config.files!.some((f) => /^(src|electron|renderer)\//.test(f) && !f.startsWith('renderer/dist'))).toBe(false);
  });
});

describe('the built main process', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'pilier-fuses-build-'));
  let main = '';
  let buildMs = 0;

  beforeAll(async () => {
    const { buildDesktop } = (await import(/* @vite-ignore */ join(root, 'scripts', 'start.mjs'))) as { buildDesktop(outdir: string): Promise<void> };
    const started = performance.now();
    await buildDesktop(outdir);
    buildMs = performance.now() - started;
    main = readFileSync(join(outdir, 'main.cjs'), 'utf8');
  }, 120_000);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  /** The text of a top-level function of the bundle (esbuild keeps names when it does not minify). */
  function fn(name: string): string {
    const start = main.indexOf(`function ${name}(`);
    expect(start, `fonction ${name} absente du bundle`).toBeGreaterThanOrEqual(0);
    const end = main.indexOf('\n}\n', start);
    return main.slice(start, end + 2);
  }

  it('creates windows with the secure webPreferences', () => {
    console.log(`main process bundled in ${Math.round(buildMs)} ms (${Math.round(main.length / 1024)} Ko)`);
    const prefs = fn('secureWebPreferences');
    for (const setting of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'nodeIntegrationInWorker: false', 'nodeIntegrationInSubFrames: false', 'webSecurity: true', 'webviewTag: false', 'experimentalFeatures: false']) {
      expect(prefs).toContain(setting);
    }
    expect(fn('mainWindowOptions')).toContain('webPreferences: secureWebPreferences(');
  });

  it('never weakens them anywhere in the bundle', () => {
    for (const weak of [/contextIsolation:\s*false/, /sandbox:\s*false/, /nodeIntegration:\s*true/, /webSecurity:\s*false/, /allowRunningInsecureContent:\s*true/, /enableBlinkFeatures/, /experimentalFeatures:\s*true/, /\.loadFile\(/, /loadURL\(\s*["'`]file:/]) {
      expect(main).not.toMatch(weak);
    }
    expect(fn('createMainWindow')).toMatch(/loadURL\(APP_ENTRY_URL\)/);
  });

  it('sends the Content Security Policy', () => {
    for (const directive of CONTENT_SECURITY_POLICY.split('; ')) expect(main).toContain(JSON.stringify(directive));
    expect(main).toMatch(/"Content-Security-Policy": CONTENT_SECURITY_POLICY/);
    expect(main).toContain("\"connect-src 'none'\"");
  });

  it('refuses navigation, new windows, redirects and webviews', () => {
    const guard = fn('guardContents');
    expect(guard).toMatch(/on\("will-navigate", \(event\) => \{\s*event\.preventDefault\(\);/);
    expect(guard).toMatch(/on\("will-redirect", \(event\) => \{\s*event\.preventDefault\(\);/);
    expect(guard).toMatch(/on\("will-attach-webview", \(event\) => \{\s*event\.preventDefault\(\);/);
    expect(guard).toMatch(/setWindowOpenHandler\([^]*return \{ action: "deny" \};/);
    expect(guard).not.toContain('action: "allow"');
    // Installed on every web contents the app creates.
    expect(main).toMatch(/on\("web-contents-created", [^]{0,400}guardContents\(contents/);
  });

  it('denies every permission and cancels every request that is not the app’s own', () => {
    const session = fn('hardenSession');
    expect(session).toMatch(/setPermissionRequestHandler\([^)]*\) => callback\(false\)\)/);
    expect(session).toContain('setPermissionCheckHandler(() => false)');
    expect(session).toContain('setDevicePermissionHandler(() => false)');
    expect(session).toContain('webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }))');
  });

  it('opens a link outside only after the question, and only there', () => {
    expect(main.match(/openExternal\(/g)).toHaveLength(1);
    const offer = fn('offerExternalLink');
    expect(offer.indexOf('showMessageBox')).toBeGreaterThan(offer.indexOf('externalLinkTarget('));
    expect(offer.indexOf('openExternal(target)')).toBeGreaterThan(offer.indexOf('if (response !== 1) return false;'));
  });
});
