import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContract } from './flows';
import { auditSerious } from './axe';
import { closeBrowser, startHost, type Host } from './host';

/**
 * RGAA (issue 7): axe-core on every screen built so far, in Chromium. Zero serious or critical violation allowed;
 * the counts are printed. axe is injected from node_modules (the page's CSP is bypassed for this spec only).
 */
describe('accessibility (axe-core)', () => {
  let host: Host;
  const counts: string[] = [];

  beforeAll(async () => {
    host = await startHost({ bypassCSP: true });
  });

  afterAll(async () => {
    console.info(`axe-core — violations graves ou critiques par écran : ${counts.join(' · ')}`);
    await host?.close();
    await closeBrowser();
  });

  async function screen(name: string): Promise<void> {
    const { serious, total } = await auditSerious(host.page);
    counts.push(`${name} ${serious.length} (${total} au total)`);
    expect(serious, `${name} : ${JSON.stringify(serious)}`).toEqual([]);
  }

  it('has no serious or critical violation on the start screen, the form, the editor, the versions dialog and the demo', async () => {
    const { page } = host;
    await page.getByRole('button', { name: 'Nouveau contrat' }).waitFor();
    await screen('accueil');

    await page.getByRole('button', { name: 'Nouveau contrat' }).click();
    await page.getByRole('button', { name: 'Créer le contrat…' }).click();
    await screen('formulaire avec erreurs');
    await page.getByRole('button', { name: /Annuler|Retour/ }).first().click();

    await createContract(host, join(host.workDir, 'axe.pilier'));
    await screen('éditeur et liste de contrôle');

    await page.getByRole('button', { name: 'Versions…' }).click();
    await screen('versions');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Fermer le contrat' }).click();
    await page.getByRole('button', { name: 'Ouvrir le contrat de démonstration' }).click();
    await page.getByRole('heading', { level: 1, name: /Val-de-Brume/ }).waitFor();
    await screen('contrat de démonstration');
    expect(host.external).toEqual([]);
  });
});
