import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/import/docx';
import { readOdt } from '../../src/import/odt';
import { createContract, expectStatus, paragraphAfterHeading, TERRITOIRE, VOLET_EGALITE } from './flows';
import { useHost } from './lifecycle';

const EGALITE = 'Égalité entre les femmes et les hommes';
const AXES = 'axes-transversaux';

/** The text of an exported file, read back with the project's own readers. */
async function textOf(path: string): Promise<string> {
  const bytes = new Uint8Array(readFileSync(path));
  const read = path.endsWith('.docx') ? await readDocx(bytes, 'contrat.docx') : await readOdt(bytes, 'contrat.odt');
  if (!read.ok) throw new Error(read.error);
  return read.document.blocks.map((b) => b.text).join('\n');
}

/**
 * « Exporter… »: a new contract, a volet typed in, then exported as DOCX and as ODT through the dialog, right
 * after typing (the pending autosave is flushed first); both files are read back and hold the typed text.
 */
describe('export from the editor, end to end', () => {
  const hosted = useHost();

  it('exports DOCX then ODT with the typed volet, the missing obligatoires listed as a warning', async () => {
    const { page } = hosted.current;
    await createContract(hosted.current, join(hosted.current.workDir, 'Coteaux-de-Vionne.pilier'));
    await paragraphAfterHeading(page, AXES, EGALITE).locator('.pilier-placeholder').click();
    await page.keyboard.type(VOLET_EGALITE);
    await expectStatus(page, 'FEM-1a', 'covered');

    // Straight to the export, before the autosave's delay has run out.
    await page.getByRole('button', { name: 'Exporter…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Exporter le contrat' });
    await dialog.waitFor();
    expect(await dialog.getByRole('radio', { name: /Word \(\.docx\)/ }).isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: /Joindre la grille de complétude/ }).isChecked()).toBe(true);
    const warning = dialog.locator('.export-warning');
    expect(await warning.innerText()).toMatch(/\d+ exigences obligatoires manquent encore/);
    expect(await warning.innerText()).toContain('L’export reste possible : le document sera un squelette à compléter.');
    expect(await warning.locator('li').count()).toBeGreaterThan(0);
    await hosted.current.screenshot('export-1-dialogue');

    const docx = join(hosted.current.workDir, 'Coteaux-de-Vionne.docx');
    hosted.current.dialogs.nextSaveExport(docx);
    await dialog.getByRole('button', { name: 'Exporter…' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Exporté : Coteaux-de-Vionne.docx' }).waitFor();
    expect(hosted.current.dialogs.suggestedExports).toEqual([`Contrat de ville — ${TERRITOIRE}.docx`]);
    expect(await textOf(docx)).toContain(VOLET_EGALITE);
    // The save was flushed before the export, not after.
    const channels = hosted.current.calls.map((c) => c.channel);
    expect(channels.lastIndexOf('project:saveSections')).toBeLessThan(channels.indexOf('export:run'));
    await hosted.current.screenshot('export-2-docx-exporte');

    // ODT, by keyboard: the arrow keys move between the formats, Enter exports.
    await dialog.getByRole('radio', { name: /Word \(\.docx\)/ }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await dialog.getByRole('radio', { name: /OpenDocument \(\.odt\)/ }).isChecked()).toBe(true);
    const odt = join(hosted.current.workDir, 'Coteaux-de-Vionne.odt');
    hosted.current.dialogs.nextSaveExport(odt);
    await page.keyboard.press('Enter');
    await dialog.getByRole('status').filter({ hasText: 'Exporté : Coteaux-de-Vionne.odt' }).waitFor();
    expect(hosted.current.dialogs.suggestedExports.at(-1)).toBe(`Contrat de ville — ${TERRITOIRE}.odt`);
    expect(await textOf(odt)).toContain(VOLET_EGALITE);

    // The focus came back to « Fermer », which closes the dialog.
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('a cancelled save dialog exports nothing', async () => {
    const { page } = hosted.current;
    await page.getByRole('button', { name: 'Exporter…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Exporter le contrat' });
    await dialog.waitFor();
    // No answer queued: the scripted dialog answers « cancelled » (and records it).
    await dialog.getByRole('button', { name: 'Exporter…' }).click();
    await expect.poll(() => hosted.current.dialogs.unexpected.length).toBe(1);
    hosted.current.dialogs.unexpected.splice(0);
    expect(await dialog.getByRole('status').innerText()).toBe('');
    expect(hosted.current.calls.filter((c) => c.channel === 'export:run').length).toBe(2);
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });
});
