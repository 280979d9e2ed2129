import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  externalLinkQuestion,
  externalLinkTarget,
  isAllowedRequest,
  isAppUrl,
  isTrustedSender,
  RESPONSE_HEADERS,
  secureWebPreferences,
} from './security';

describe('content security policy', () => {
  it('is the agreed strict policy, sent as a header', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(RESPONSE_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('allows no inline or evaluated script and no connection', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*|https?:/);
  });
});

describe('web preferences', () => {
  it('isolate the renderer in the sandbox, without Node', () => {
    const prefs = secureWebPreferences('/app/preload.cjs', { devTools: false });
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('enableRemoteModule');
  });

  it('give the app scheme no bypass', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, bypassCSP: false, corsEnabled: false, supportFetchAPI: false });
  });
});

describe('requests', () => {
  it('let through only the app’s own files, data images and devtools', () => {
    expect(isAllowedRequest(APP_ENTRY_URL)).toBe(true);
    expect(isAllowedRequest('app://pilier/assets/index-1234.js')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html')).toBe(true);
    for (const url of [
      'https://example.org/tracker.png',
      'http://localhost:5173/',
      'http://127.0.0.1/',
      'wss://example.org/',
      'file:///etc/passwd',
      'ftp://example.org/',
      'app://evil/index.html',
      'blob:app://pilier/1234',
      'chrome-extension://abc/',
      'not a url',
    ]) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });

  it('recognise the app origin exactly', () => {
    expect(isAppUrl('app://pilier/')).toBe(true);
    expect(isAppUrl('app://pilier.evil/')).toBe(false);
    expect(isAppUrl('https://pilier/')).toBe(false);
  });
});

describe('external links', () => {
  it('offer only http and https, re-serialised', () => {
    expect(externalLinkTarget('https://www.legifrance.gouv.fr/loi?id=1')).toBe('https://www.legifrance.gouv.fr/loi?id=1');
    expect(externalLinkTarget('HTTP://Example.ORG')).toBe('http://example.org/');
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://server/share', 'app://pilier/', 'mailto:a@b.fr', 'https://user:pw@example.org/', '//example.org', `https://example.org/${'a'.repeat(3000)}`]) {
      expect(externalLinkTarget(url), url).toBeNull();
    }
  });

  it('ask in French, cancel by default, and show the address', () => {
    const question = externalLinkQuestion('https://example.org/');
    expect(question.message).toBe('Ouvrir ce lien dans votre navigateur ?');
    expect(question.detail).toContain('https://example.org/');
    expect(question.buttons[question.defaultId]).toBe('Annuler');
    expect(question.cancelId).toBe(0);
  });
});

describe('IPC sender', () => {
  it('must be the top frame of the app’s renderer', () => {
    expect(isTrustedSender({ url: 'app://pilier/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://pilier/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://example.org/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/x.html', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});
