import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/import/docx';
import type { Page } from 'playwright-core';
import { expectStatus, highlightRanges, TERRITOIRE, VOLET_EGALITE } from './flows';
import { useHost } from './lifecycle';

/** The focused element: its accessible-ish name (label, aria-label or text) and whether its focus is visible. */
async function focused(page: Page): Promise<{ name: string; visible: boolean }> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el) return { name: '', visible: false };
    const label = el.labels && el.labels[0] ? el.labels[0].innerText : '';
    const name = (el.getAttribute('aria-label') || label || el.innerText || '').trim().replace(/\\s+/g, ' ');
    const style = getComputedStyle(el);
    return { name, visible: style.outlineStyle !== 'none' || style.boxShadow !== 'none' };
  })()`);
}

/** Presses Tab until the focused element's name matches; fails after `max` presses. */
async function tabTo(page: Page, name: string | RegExp, max = 250): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (typeof name === 'string' ? now.name === name : name.test(now.name)) {
      expect(now.visible, `focus visible sur « ${now.name} »`).toBe(true);
      return;
    }
  }
  throw new Error(`« ${String(name)} » n’a pas été atteint au clavier en ${max} tabulations`);
}

/** Create a contract and write its volet égalité with the keyboard alone. */
describe('keyboard only', () => {
  const hosted = useHost();

  it('creates a contract, writes a volet and sees its status change, without the mouse', async () => {
    const { page } = hosted.current;
    await tabTo(page, 'Nouveau contrat');
    await page.keyboard.press('Enter');
    await tabTo(page, 'Nom du territoire *');
    await page.keyboard.type(TERRITOIRE);
    await tabTo(page, 'Communes concernées *');
    await page.keyboard.type('Vionne-la-Haute');
    await tabTo(page, 'Nom du quartier 1');
    await page.keyboard.type('Les Tilleuls');
    await tabTo(page, 'Début *');
    await page.keyboard.type('2024');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2030');
    hosted.current.dialogs.nextSave(join(hosted.current.workDir, 'clavier.pilier'));
    await tabTo(page, 'Créer le contrat…');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Contrat de ville — ${TERRITOIRE}` }).waitFor();

    await tabTo(page, /^Égalité entre les femmes et les hommes/);
    await page.keyboard.press('Enter');
    await page.keyboard.type(VOLET_EGALITE);
    await expectStatus(page, 'FEM-1a', 'covered');

    await tabTo(page, /^couvert Volet « égalité entre les femmes et les hommes »/, 400);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await highlightRanges(page, 'pilier-evidence')).length).toBeGreaterThan(0);
    // The first passage was scrolled into view, far from where the Tab key had left the text.
    expect((await highlightRanges(page, 'pilier-evidence'))[0]!.inView).toBe(true);
    await hosted.current.screenshot('h-clavier');
  });

  it('exports the contract as DOCX, without the mouse', async () => {
    const { page, dialogs, workDir } = hosted.current;
    await tabTo(page, 'Exporter…');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Exporter le contrat' });
    await dialog.waitFor();
    // Choose the format with the arrow keys: to ODT and back to DOCX.
    await tabTo(page, /^(OpenDocument \(\.odt\)|Word \(\.docx\))/, 20);
    await page.keyboard.press('ArrowDown');
    expect(await dialog.getByRole('radio', { name: /OpenDocument \(\.odt\)/ }).isChecked()).toBe(true);
    await page.keyboard.press('ArrowUp');
    expect(await dialog.getByRole('radio', { name: /Word \(\.docx\)/ }).isChecked()).toBe(true);
    const target = join(workDir, 'clavier.docx');
    dialogs.nextSaveExport(target);
    await tabTo(page, 'Exporter…', 20);
    await page.keyboard.press('Enter');
    await dialog.getByRole('status').filter({ hasText: 'Exporté : clavier.docx' }).waitFor();
    await hosted.current.screenshot('h-clavier-export');
    const read = await readDocx(new Uint8Array(readFileSync(target)), 'clavier.docx');
    expect(read.ok && read.document.blocks.map((b) => b.text).join('\n')).toContain(VOLET_EGALITE);
    // Escape closes the dialog.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });
});
