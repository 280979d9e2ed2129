import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { createContract, paragraphAfterHeading } from './flows';
import { REPO } from './host';
import { useHost } from './lifecycle';

/**
 * Links in documents (issue 7): typed in with the editor's link command, they never open inside the app. In the
 * renderer a click on a link only places the caret: no navigation, no new page, no request; Ctrl+click asks the
 * host through `window.open`. Opening one outside is the main process's job (window.ts: the window-open handler
 * refuses the window and hands the address to `offerExternalLink`, which asks in French, then calls
 * `shell.openExternal`). Chromium has no main process: here that function runs with Electron's dialog and
 * shell replaced by recorders, on the link the editor really holds.
 */

const electron = vi.hoisted(() => ({
  questions: [] as { message: string; detail: string; buttons: string[] }[],
  answers: [] as number[],
  opened: [] as string[],
}));

vi.mock('electron', () => ({
  BrowserWindow: class {},
  dialog: {
    showMessageBox: async (...args: unknown[]) => {
      const question = args.at(-1) as { message: string; detail: string; buttons: string[] };
      electron.questions.push(question);
      return { response: electron.answers.shift() ?? 0 };
    },
  },
  shell: {
    openExternal: async (url: string) => {
      electron.opened.push(url);
    },
  },
}));

// electron/ is not part of the tests' TypeScript project: loaded by path (with `electron` mocked above), typed here.
const { offerExternalLink } = (await import(/* @vite-ignore */ join(REPO, 'electron', 'main', 'window.ts'))) as {
  offerExternalLink(url: string, parent: null): Promise<boolean>;
};

const URL_ANCT = 'https://agence-cohesion-territoires.gouv.fr/politique-de-la-ville-97?source=contrat#quartiers';
const EGALITE = 'Égalité entre les femmes et les hommes';

/** Selects the last `count` characters typed, with the keyboard. */
async function selectBack(page: Page, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await page.keyboard.press('Shift+ArrowLeft');
}

/** Opens « Insérer un lien », types `address`, submits; returns the dialog. */
async function insertLink(page: Page, address: string) {
  await page.getByRole('button', { name: 'Insérer un lien' }).click();
  const dialog = page.getByRole('dialog', { name: 'Insérer un lien' });
  await dialog.getByLabel('Adresse du lien').fill(address);
  await dialog.getByRole('button', { name: 'Insérer' }).click();
  return dialog;
}

describe('links in a document', () => {
  const hosted = useHost();

  it('are refused for javascript: and file: addresses, accepted for https', async () => {
    const { page } = hosted.current;
    await createContract(hosted.current, join(hosted.current.workDir, 'liens.pilier'));
    await paragraphAfterHeading(page, 'axes-transversaux', EGALITE).locator('.pilier-placeholder').click();
    await page.keyboard.type('Les ressources de l’ANCT guident les marches exploratoires.');
    await selectBack(page, 'ANCT guident les marches exploratoires.'.length);

    for (const hostile of ['javascript:alert(document.cookie)', 'file:///etc/passwd']) {
      const dialog = await insertLink(page, hostile);
      await expect.poll(() => dialog.locator('#link-error').innerText()).toBe('Indiquez une adresse web (https://…) ou une adresse électronique.');
      if (hostile.startsWith('javascript')) await hosted.current.screenshot('liens-1-adresse-refusee');
      await dialog.getByRole('button', { name: 'Annuler' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    expect(await page.locator('.section-editor a').count()).toBe(0);

    await insertLink(page, URL_ANCT);
    const link = page.locator('.section-editor a');
    await expect.poll(() => link.count()).toBe(1);
    expect(await link.getAttribute('href')).toBe(URL_ANCT);
    expect(await link.innerText()).toBe('ANCT guident les marches exploratoires.');
  });

  it('pasted with a javascript: address, keep no such address', async () => {
    const { page } = hosted.current;
    // Pasted into another paragraph (the « Jeunesse » placeholder), so that the link typed above stays as it is.
    await paragraphAfterHeading(page, 'axes-transversaux', 'Jeunesse').locator('.pilier-placeholder').click();
    // The editor takes the new caret from the browser's (asynchronous) selectionchange event: a paste sent before it
    // would land on the previous selection, the link typed above.
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)))');
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.setData('text/html', '<p>Voir <a href="javascript:alert(1)">ce lien piégé</a> et <a href="file:///etc/passwd">celui-ci</a>.</p>');
      data.setData('text/plain', 'Voir ce lien piégé et celui-ci.');
      document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
    await page.locator('.section-editor', { hasText: 'ce lien piégé' }).first().waitFor();
    const hrefs = await page.locator('.section-editor a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((href) => /^(javascript|file):/i.test(href))).toEqual([]);
    expect(hrefs).toContain(URL_ANCT);
  });

  it('do not open inside the app when clicked: no navigation, no new page, no request; Ctrl+click asks the host', async () => {
    const { page, context } = hosted.current;
    const before = page.url();
    const pages: string[] = [];
    const navigations: string[] = [];
    context.on('page', (p) => pages.push(p.url()));
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    const link = page.locator('.section-editor a', { hasText: 'ANCT' });
    await link.click();
    await link.click({ modifiers: ['Control'] });
    await link.click({ modifiers: ['Shift'] });
    await link.click({ button: 'middle' });
    await link.dblclick();
    // Give a navigation or a popup the time to start.
    await page.evaluate('new Promise((resolve) => setTimeout(resolve, 500))');
    expect(page.url()).toBe(before);
    expect(pages).toEqual([]);
    expect(navigations).toEqual([]);
    // Only the Ctrl+click asked the host to open it outside (which, in the desktop app, asks first: next test).
    expect(hosted.current.windowOpens).toEqual([URL_ANCT]);
    // useHost checks after each test that no request left the machine.
  });

  it('open outside only after a French confirmation naming the full address, exactly once', async () => {
    const { page } = hosted.current;
    const href = (await page.locator('.section-editor a', { hasText: 'ANCT' }).getAttribute('href'))!;

    electron.answers.push(0); // « Annuler »
    expect(await offerExternalLink(href, null)).toBe(false);
    expect(electron.questions).toHaveLength(1);
    const question = electron.questions[0]!;
    expect(question.message).toBe('Ouvrir ce lien dans votre navigateur ?');
    expect(question.detail).toContain(URL_ANCT);
    expect(question.buttons).toEqual(['Annuler', 'Ouvrir dans le navigateur']);
    expect(electron.opened).toEqual([]);

    electron.answers.push(1); // « Ouvrir dans le navigateur »
    expect(await offerExternalLink(href, null)).toBe(true);
    expect(electron.opened).toEqual([URL_ANCT]);

    // What a hostile document could make the page try: never asked, never opened.
    for (const hostile of ['javascript:alert(1)', 'file:///etc/passwd', 'app://pilier/index.html', `https://user:secret@example.org/`]) {
      expect(await offerExternalLink(hostile, null)).toBe(false);
    }
    expect(electron.questions).toHaveLength(2);
    expect(electron.opened).toEqual([URL_ANCT]);
  });
});
