import { describe, expect, it } from 'vitest';
import { expectSaved, expectStatus, highlightRanges, requirement, sectionEditor } from './flows';
import { useHost } from './lifecycle';

const COHESION = 'pilier-1-cohesion-sociale';

/** HTML as LibreOffice Writer puts it on the clipboard: real headings, lists, tables and bold. */
const PASTED_HTML = `<!DOCTYPE html><html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/>
<meta name="generator" content="LibreOffice 7.4.7.2 (Linux)"/></head><body lang="fr-FR" dir="ltr">
<p style="margin-bottom: 0cm">Le contrat mobilise la <b>médiathèque intercommunale</b> et le conservatoire, avec le soutien de la DRAC.</p>
<ul><li><p style="margin-bottom: 0cm">Éducation artistique et culturelle dans les écoles des quartiers</p></li>
<li><p style="margin-bottom: 0cm">Résidences d’artistes au Moulin-Neuf</p></li></ul>
<table width="100%" cellpadding="4" cellspacing="0"><tr><td><p><b>Action</b></p></td><td><p><b>Pilote</b></p></td></tr>
<tr><td><p>Chorale des quartiers</p></td><td><p>Conservatoire</p></td></tr></table>
</body></html>`;

/**
 * The demo contract, as a trainer opens it: a missing volet put back from the template at its place, a pasted
 * passage that keeps its structure, a top-level section deleted and re-inserted, and the find bar.
 */
describe('sections, paste and find, on the demo contract', () => {
  const hosted = useHost();

  it('opens the demo contract, with its deliberate gaps', async () => {
    const { page } = hosted.current;
    await page.getByRole('button', { name: 'Ouvrir le contrat de démonstration' }).click();
    await page.getByRole('heading', { level: 1, name: /Val-de-Brume/ }).waitFor();
    await expectStatus(page, 'FEM-1a', 'missing');
    await expectStatus(page, 'CAD-VOL-CUL', 'missing');
    await expectStatus(page, 'INT-1f', 'covered');
    await hosted.current.screenshot('g1-contrat-demonstration');
    // The filters: only missing, then only mandatory.
    const statuses = () => page.locator('[data-requirement-id]').evaluateAll((items) => items.map((i) => i.getAttribute('data-status')));
    await page.getByLabel('Manquants seulement').check();
    await expect.poll(async () => new Set(await statuses())).toEqual(new Set(['missing']));
    await page.getByLabel('Manquants seulement').uncheck();
    await page.getByLabel('Obligatoires seulement').check();
    const levels = await page.locator('[data-requirement-id] .level').allInnerTexts();
    expect(new Set(levels)).toEqual(new Set(['obligatoire']));
    await page.getByLabel('Obligatoires seulement').uncheck();
  });

  it('« Insérer la section » puts a missing volet back at its place in the pilier', async () => {
    const { page } = hosted.current;
    await requirement(page, 'CAD-VOL-CUL').getByRole('button').first().click();
    await requirement(page, 'CAD-VOL-CUL').getByRole('button', { name: 'Insérer la section « Culture et expression artistique »' }).click();
    const headings = sectionEditor(page, COHESION).locator('h2');
    await expect.poll(() => headings.allInnerTexts()).toContain('Culture et expression artistique');
    const titles = await headings.allInnerTexts();
    expect(titles.indexOf('Culture et expression artistique')).toBe(titles.indexOf('Santé et accès aux soins') + 1);
    expect(titles.indexOf('Sport')).toBe(titles.indexOf('Culture et expression artistique') + 1);
    const body = sectionEditor(page, COHESION).locator('h2', { hasText: 'Culture et expression artistique' }).locator('xpath=following-sibling::p[1]');
    expect(await body.locator('.pilier-placeholder').count()).toBe(1);
    await expectSaved(page);
    await hosted.current.screenshot('g2-section-inseree');
  });

  it('pasting from LibreOffice replaces the placeholder and keeps bold, list and table', async () => {
    const { page } = hosted.current;
    const placeholder = sectionEditor(page, COHESION)
      .locator('h2', { hasText: 'Culture et expression artistique' })
      .locator('xpath=following-sibling::p[1]')
      .locator('.pilier-placeholder');
    await placeholder.click();
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.setData('text/html', ${JSON.stringify(PASTED_HTML)});
      data.setData('text/plain', 'Le contrat mobilise la médiathèque intercommunale.');
      document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
    const editor = sectionEditor(page, COHESION);
    await editor.locator('.ed-bold', { hasText: 'médiathèque intercommunale' }).waitFor();
    expect(await editor.locator('ul li', { hasText: 'Résidences d’artistes' }).count()).toBe(1);
    expect(await editor.locator('table tr').filter({ hasText: 'Chorale des quartiers' }).count()).toBe(1);
    expect(await editor.locator('h2', { hasText: 'Culture et expression artistique' }).locator('xpath=following-sibling::p[1]').locator('.pilier-placeholder').count()).toBe(0);
    await expectSaved(page);
  });

  it('a deleted section comes back from the template between its neighbours', async () => {
    const { page } = hosted.current;
    const section = page.locator('[data-section-id="duree-et-revision-du-contrat"]');
    await section.getByRole('button', { name: /^Supprimer/ }).click();
    await section.getByRole('button', { name: 'Supprimer', exact: true }).click();
    await section.waitFor({ state: 'detached' });
    // Its requirement may still find a mention elsewhere; what matters is that its section can come back.
    await requirement(page, 'CAD-GOV-DUR').getByRole('button').first().click();
    await requirement(page, 'CAD-GOV-DUR').getByRole('button', { name: /^Insérer la section « Durée et révision du contrat »/ }).click();
    const titles = page.locator('.doc-section-head h2');
    await expect.poll(() => titles.allInnerTexts()).toContain('Durée et révision du contrat');
    const order = await titles.allInnerTexts();
    expect(order.indexOf('Durée et révision du contrat')).toBe(order.indexOf('Évaluation et indicateurs') + 1);
    await expectSaved(page);
    await hosted.current.screenshot('g3-section-reinseree');
  });

  it('Ctrl+F finds across sections, accents and case aside', async () => {
    const { page } = hosted.current;
    await sectionEditor(page, 'preambule').click();
    await page.keyboard.press('Control+f');
    const input = page.getByRole('searchbox', { name: 'Rechercher' });
    await input.waitFor();
    await input.fill('egalite');
    await expect.poll(async () => page.locator('#find-status').innerText()).toMatch(/^1 sur \d+$/);
    const total = Number((await page.locator('#find-status').innerText()).split(' sur ')[1]);
    expect(total).toBeGreaterThan(1);
    const found = await highlightRanges(page, 'pilier-find');
    expect(found).toHaveLength(total);
    for (const range of found) expect(range.text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()).toBe('egalite');
    await input.press('Enter');
    await expect.poll(async () => page.locator('#find-status').innerText()).toBe(`2 sur ${total}`);
    await hosted.current.screenshot('g4-recherche');
    await input.press('Escape');
    await page.locator('#find-input').waitFor({ state: 'detached' });
    expect(await highlightRanges(page, 'pilier-find')).toEqual([]);
  });
});
