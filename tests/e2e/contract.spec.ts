import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  checklistLatencies,
  createContract,
  expectSaved,
  expectStatus,
  highlightRanges,
  paragraphAfterHeading,
  percentile,
  requirement,
  sectionEditor,
  selectAll,
  TERRITOIRE,
  VOLET_EGALITE,
} from './flows';
import { closeBrowser, startHost, type Host } from './host';

const EGALITE = 'Égalité entre les femmes et les hommes';
const AXES = 'axes-transversaux';

/**
 * A project team's day, in order: create a contract from the form, write the volet égalité femmes-hommes and
 * see it covered (and highlighted), delete it and see it missing, close and reopen the file, then go back
 * to an earlier version. Each step leaves a screenshot in test-output/e2e/.
 */
describe('the contract editor, end to end', () => {
  let host: Host;
  let file: string;

  beforeAll(async () => {
    host = await startHost();
    file = join(host.workDir, 'Coteaux-de-Vionne.pilier');
  });

  afterEach(() => {
    if (!host) return;
    expect(host.external.splice(0), 'requêtes vers l’extérieur').toEqual([]);
    expect(host.errors.splice(0), 'erreurs de la page').toEqual([]);
    expect(host.dialogs.unexpected.splice(0), 'boîtes de dialogue inattendues').toEqual([]);
  });

  afterAll(async () => {
    await host?.close();
    await closeBrowser();
  });

  it('(a) creates a contract from the form: the skeleton, and the volet égalité « manquant »', async () => {
    const { page } = host;
    await page.getByRole('button', { name: 'Nouveau contrat' }).click();
    // An empty form is refused with messages that say what to write.
    await page.getByRole('button', { name: 'Créer le contrat…' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Le formulaire contient' });
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Indiquez le nom du territoire du contrat');
    await page.getByLabel('Code du quartier 1').fill('75001');
    await page.getByRole('button', { name: 'Créer le contrat…' }).click();
    await page.getByText('Le code du quartier n° 1 doit ressembler à QP075001').first().waitFor();
    await host.screenshot('a1-formulaire-erreurs');
    await page.getByRole('button', { name: 'Annuler' }).click();

    await createContract(host, file);
    expect(existsSync(file)).toBe(true);
    for (const title of ['Préambule', 'Diagnostic territorial participatif', 'Axes transversaux', 'Signataires']) {
      await expect.poll(() => page.getByRole('heading', { level: 2, name: title, exact: true }).count()).toBe(1);
    }
    const heading = sectionEditor(page, AXES).locator('h2', { hasText: EGALITE });
    await heading.waitFor();
    expect(await paragraphAfterHeading(page, AXES, EGALITE).locator('.pilier-placeholder').count()).toBe(1);
    // The QPV of the form are in the skeleton's text.
    expect(await page.locator('[data-section-id="presentation"]').innerText()).toContain('Les Tilleuls');
    await expectStatus(page, 'FEM-1a', 'missing');
    // Opening is not editing: nothing was saved yet.
    await page.waitForTimeout(1_000);
    expect(host.calls.filter((c) => c.channel === 'project:saveSections')).toEqual([]);
    await host.screenshot('a2-nouveau-contrat');
  });

  it('(b) typing the volet égalité turns its requirement « couvert », and its passage is highlighted', async () => {
    const { page } = host;
    const placeholder = paragraphAfterHeading(page, AXES, EGALITE).locator('.pilier-placeholder');
    await placeholder.click();
    await page.keyboard.type(VOLET_EGALITE);
    const typedAt = Date.now();
    await expectStatus(page, 'FEM-1a', 'covered');
    const latency = Date.now() - typedAt;
    const paragraph = paragraphAfterHeading(page, AXES, EGALITE);
    expect(await paragraph.innerText()).toBe(VOLET_EGALITE);
    expect(await paragraph.locator('.pilier-placeholder').count()).toBe(0);
    await expectSaved(page);
    // Keystroke to checklist, measured in the page on 30 more keys (then removed again).
    const latencies = await checklistLatencies(page, ' Bilan tous les ans, en mairie.');
    console.info(
      `(b) frappe → liste à jour : médiane ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms (${latencies.length} frappes)`,
    );
    expect(percentile(latencies, 95)).toBeLessThan(150);
    for (let i = 0; i < ' Bilan tous les ans, en mairie.'.length; i++) await page.keyboard.press('Backspace');
    await expect.poll(() => paragraph.innerText()).toBe(VOLET_EGALITE);
    await expectSaved(page);

    await requirement(page, 'FEM-1a').getByRole('button').first().click();
    await expect.poll(async () => (await highlightRanges(page, 'pilier-evidence')).length).toBeGreaterThan(0);
    const ranges = await highlightRanges(page, 'pilier-evidence');
    expect(ranges[0]!.inView).toBe(true);
    for (const range of ranges) {
      expect(range.section).toBe(AXES);
      expect(range.text.length).toBeGreaterThan(10);
      expect(`${EGALITE}\n${VOLET_EGALITE}`).toContain(range.text);
    }
    // Clicking in the passage tells which requirements it serves.
    await paragraph.click({ position: { x: 40, y: 8 } });
    await page.locator('.passage-box', { hasText: 'Le passage où se trouve le curseur sert' }).waitFor();
    console.info(`(b) checklist à jour ${latency} ms après la dernière frappe ; passages surlignés : ${ranges.map((r) => `« ${r.text} »`).join(', ')}`);
    await host.screenshot('b-volet-egalite-couvert');
  });

  it('(c) deleting the text makes it « manquant » again', async () => {
    const { page } = host;
    const paragraph = paragraphAfterHeading(page, AXES, EGALITE);
    await selectAll(page, paragraph);
    await page.keyboard.press('Backspace');
    await expectStatus(page, 'FEM-1a', 'missing');
    expect((await paragraph.innerText()).trim()).toBe('');
    await expectSaved(page);
    await host.screenshot('c-volet-egalite-supprime');
  });

  it('(d) after closing and reopening the file, the text and the statuses are back', async () => {
    const { page } = host;
    // Undo brings the deleted volet back.
    await sectionEditor(page, AXES).click();
    await paragraphAfterHeading(page, AXES, EGALITE).click();
    await page.keyboard.press('Control+z');
    await expectStatus(page, 'FEM-1a', 'covered');
    await expectSaved(page);
    const before = await page.locator('[data-requirement-id]').evaluateAll((items) =>
      items.map((i) => `${i.getAttribute('data-requirement-id')}=${i.getAttribute('data-status')}`),
    );

    await page.getByRole('button', { name: 'Fermer le contrat' }).click();
    await page.getByRole('heading', { name: 'Fichiers récents' }).waitFor();
    // The file is in the recent list; « Ouvrir… » (the dialog answers its path) opens it too.
    await page.getByRole('button', { name: new RegExp(TERRITOIRE) }).waitFor();
    await host.screenshot('d1-accueil-fichiers-recents');
    host.dialogs.nextOpen(file);
    await page.getByRole('button', { name: 'Ouvrir…' }).click();
    await page.getByRole('heading', { level: 1, name: `Contrat de ville — ${TERRITOIRE}` }).waitFor();
    expect(await paragraphAfterHeading(page, AXES, EGALITE).textContent()).toBe(VOLET_EGALITE);
    await expectStatus(page, 'FEM-1a', 'covered');
    const after = await page.locator('[data-requirement-id]').evaluateAll((items) =>
      items.map((i) => `${i.getAttribute('data-requirement-id')}=${i.getAttribute('data-status')}`),
    );
    expect(after).toEqual(before);
    await host.screenshot('d2-contrat-rouvert');
  });

  it('(e) a version restored brings the old text back', async () => {
    const { page } = host;
    await page.getByRole('button', { name: 'Versions…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Versions du contrat' });
    await dialog.getByLabel('Nom de la nouvelle version (facultatif)').fill('Volet égalité rédigé');
    await dialog.getByRole('button', { name: 'Créer une version' }).click();
    await dialog.getByText('« Volet égalité rédigé »').waitFor();
    await host.screenshot('e1-versions');
    await dialog.getByRole('button', { name: 'Fermer' }).click();

    const paragraph = paragraphAfterHeading(page, AXES, EGALITE);
    await selectAll(page, paragraph);
    await page.keyboard.type('Texte provisoire, à revoir.');
    await expect.poll(() => paragraph.innerText()).toBe('Texte provisoire, à revoir.');
    await expectSaved(page);

    await page.getByRole('button', { name: 'Versions…' }).click();
    const version = dialog.getByRole('listitem').filter({ hasText: 'Volet égalité rédigé' });
    await version.getByRole('button', { name: /^Restaurer/ }).click();
    await version.getByRole('button', { name: 'Oui, restaurer' }).click();
    await expect.poll(() => paragraphAfterHeading(page, AXES, EGALITE).innerText()).toBe(VOLET_EGALITE);
    await expectStatus(page, 'FEM-1a', 'covered');
    await host.screenshot('e2-version-restauree');
  });

  it('(f) at 200 % zoom the screen reflows into one column', async () => {
    const { page } = host;
    await page.setViewportSize({ width: 720, height: 450 });
    await page.locator('.outline').waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBe(0);
    await host.screenshot('f-zoom-200');
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
