import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createServices, invoke, type Services } from '../../src/app';
import { serveFolder, type StaticServer } from './staticServer';

/**
 * The end-to-end test host (design.md §4): the built renderer served on 127.0.0.1, Debian's Chromium driven
 * by playwright-core, and `window.pilier` bound to the real services of src/app (real `.pilier` files in a
 * temporary folder). The file dialogs are scripted: the spec says which path « the user » picks. Every
 * request that does not go to the local server is refused and recorded; so are console errors.
 */

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(REPO, 'renderer', 'dist');
export const OUTPUT = join(REPO, 'test-output', 'e2e');
export const CHROMIUM = process.env.PILIER_CHROMIUM ?? '/usr/bin/chromium';

/** The flags that work with Debian's Chromium here (reference/feasibility.md §3). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Answers of the file dialogs, queued by the spec; an unexpected dialog answers « cancelled » and is recorded. */
export class ScriptedDialogs {
  private readonly saves: string[] = [];
  private readonly opens: string[] = [];
  private readonly exports: string[] = [];
  private readonly contractFiles: string[] = [];
  private readonly packageSaves: string[] = [];
  private readonly packageOpens: string[] = [];
  /** The names the project save dialog suggested, in order. */
  readonly suggestedSaves: string[] = [];
  /** The names the export dialog suggested, in order. */
  readonly suggestedExports: string[] = [];
  readonly unexpected: string[] = [];

  nextSave(path: string): void {
    this.saves.push(path);
  }

  nextOpen(path: string): void {
    this.opens.push(path);
  }

  nextSaveExport(path: string): void {
    this.exports.push(path);
  }

  nextOpenContractFile(path: string): void {
    this.contractFiles.push(path);
  }

  nextSaveReviewPackage(path: string): void {
    this.packageSaves.push(path);
  }

  nextOpenReviewPackage(path: string): void {
    this.packageOpens.push(path);
  }

  readonly handlers = {
    saveProject: async (suggestedName: string): Promise<string | null> => {
      this.suggestedSaves.push(suggestedName);
      const path = this.saves.shift();
      if (path === undefined) this.unexpected.push(`saveProject(${suggestedName})`);
      return path ?? null;
    },
    saveExport: async (suggestedName: string, format: string): Promise<string | null> => {
      this.suggestedExports.push(suggestedName);
      const path = this.exports.shift();
      if (path === undefined) this.unexpected.push(`saveExport(${suggestedName}, ${format})`);
      return path ?? null;
    },
    openProject: async (): Promise<string | null> => {
      const path = this.opens.shift();
      if (path === undefined) this.unexpected.push('openProject()');
      return path ?? null;
    },
    openContractFile: async (): Promise<string | null> => {
      const path = this.contractFiles.shift();
      if (path === undefined) this.unexpected.push('openContractFile()');
      return path ?? null;
    },
    saveReviewPackage: async (suggestedName: string): Promise<string | null> => {
      const path = this.packageSaves.shift();
      if (path === undefined) this.unexpected.push(`saveReviewPackage(${suggestedName})`);
      return path ?? null;
    },
    openReviewPackage: async (): Promise<string | null> => {
      const path = this.packageOpens.shift();
      if (path === undefined) this.unexpected.push('openReviewPackage()');
      return path ?? null;
    },
  };
}

export interface Host {
  page: Page;
  context: BrowserContext;
  server: StaticServer;
  services: Services;
  dialogs: ScriptedDialogs;
  /** A temporary folder for the spec's `.pilier` files. */
  workDir: string;
  /** Requests that tried to leave the machine (refused). */
  external: string[];
  /**
   * Addresses the page asked to open in a new window (`window.open`): the stand-in for Electron's window-open
   * handler, which refuses every window and offers the address to the system browser after a confirmation.
   */
  windowOpens: string[];
  /** Console errors and uncaught exceptions of the page. */
  errors: string[];
  /** Host calls made by the renderer, with their durations (ms). */
  calls: { channel: string; ms: number }[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

let browser: Browser | undefined;

async function launch(): Promise<Browser> {
  if (browser?.isConnected()) return browser;
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium est introuvable (${CHROMIUM}) : installez-le (apt-get install --no-install-recommends chromium fonts-dejavu-core) ou indiquez son chemin dans PILIER_CHROMIUM.`,
    );
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return browser;
}

/** Closes the shared browser (call once, after all specs of a file). */
export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

export interface HostOptions {
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
  /** Lets a spec inject a script tag (e.g. axe-core) despite the renderer's CSP. */
  bypassCSP?: boolean;
}

export async function startHost(options: HostOptions = {}): Promise<Host> {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('Le renderer n’est pas construit (renderer/dist/index.html manque) : lancez « npm run build:renderer ».');
  }
  mkdirSync(OUTPUT, { recursive: true });
  const workDir = mkdtempSync(join(tmpdir(), 'pilier-e2e-'));
  const dataDir = join(workDir, 'donnees-application');
  const dialogs = new ScriptedDialogs();
  const external: string[] = [];
  const windowOpens: string[] = [];
  const errors: string[] = [];
  const calls: { channel: string; ms: number }[] = [];
  const services = createServices({
    dataDir,
    seedsDir: join(REPO, 'seeds'),
    templatesDir: join(REPO, 'templates'),
    dialogs: dialogs.handlers,
    warn: (message) => errors.push(`avertissement des services : ${message}`),
  });
  const server = await serveFolder(DIST);
  const context = await (await launch()).newContext({
    viewport: options.viewport ?? { width: 1440, height: 900 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    bypassCSP: options.bypassCSP ?? false,
    // Scrolls happen at once (the app honours reduced motion), so screenshots show where the user lands.
    reducedMotion: 'reduce',
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.origin}/`)) return route.continue();
    external.push(url);
    return route.abort('blockedbyclient');
  });
  // The preload's stand-in: the same `invoke` entry point as Electron's ipc.ts, argument parsing included.
  await context.exposeFunction('__pilierInvoke', async (channel: unknown, arg: unknown) => {
    const started = performance.now();
    try {
      return await invoke(services.handlers, channel, arg);
    } finally {
      calls.push({ channel: String(channel), ms: performance.now() - started });
    }
  });
  await context.exposeFunction('__pilierWindowOpen', (url: unknown) => {
    windowOpens.push(String(url));
  });
  // A string, not a function: transpilers (tsx) may add helpers to functions that do not exist in the page.
  await context.addInitScript({
    content: `(() => {
      const opened = globalThis.__pilierWindowOpen;
      // Like Electron's window-open handler: no window is ever created; the address goes to the host.
      globalThis.open = (url) => {
        opened(String(url));
        return null;
      };
      const call = globalThis.__pilierInvoke;
      Object.defineProperty(globalThis, 'pilier', {
        value: Object.freeze({ invoke: (channel, arg) => call(channel, arg) }),
        writable: false,
      });
    })();`,
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console : ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`exception : ${error.message}`));
  await page.goto(`${server.origin}/`);

  return {
    page,
    context,
    server,
    services,
    dialogs,
    workDir,
    external,
    windowOpens,
    errors,
    calls,
    async screenshot(name) {
      const path = join(OUTPUT, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    async close() {
      await context.close();
      services.dispose();
      await server.close();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
