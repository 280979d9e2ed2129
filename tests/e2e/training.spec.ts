import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { auditSerious } from './axe';
import { createContract, requirement } from './flows';
import { useHost } from './lifecycle';

/**
 * Every control of the screen has a name (label, aria-label, text or title) and is reached by the Tab key (for a
 * radio group, its checked radio: arrows move inside the group). Prints how many were checked.
 */
async function labelledAndReachable(page: Page, screen: string): Promise<void> {
  const survey: { total: number; unnamed: string[] } = await page.evaluate(`(() => {
    const all = [...document.querySelectorAll('button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])')];
    const shown = all.filter((el) => !el.disabled && el.getClientRects().length > 0 && !el.closest('[inert], dialog:not([open])'));
    const name = (el) => (el.getAttribute('aria-label') || (el.labels && el.labels[0] ? el.labels[0].innerText : '') ||
      (el.getAttribute('aria-labelledby') ? document.getElementById(el.getAttribute('aria-labelledby'))?.innerText : '') || el.innerText || el.title || '').trim();
    const unnamed = shown.filter((el) => !name(el)).map((el) => el.outerHTML.slice(0, 120));
    const expected = shown.filter((el) => !(el.type === 'radio' && !el.checked));
    document.querySelectorAll('[data-kb]').forEach((el) => el.removeAttribute('data-kb'));
    expected.forEach((el, i) => el.setAttribute('data-kb', String(i)));
    document.activeElement?.blur();
    return { total: expected.length, unnamed };
  })()`);
  expect(survey.unnamed, `${screen} : commandes sans nom`).toEqual([]);
  const reached = new Set<string>();
  for (let i = 0; i < survey.total * 2 + 20 && reached.size < survey.total; i++) {
    await page.keyboard.press('Tab');
    const index: string | null = await page.evaluate('document.activeElement?.getAttribute("data-kb") ?? null');
    if (index !== null) reached.add(index);
  }
  const missed: string[] = await page.evaluate(
    `[...document.querySelectorAll('[data-kb]')].filter((el) => !${JSON.stringify([...reached])}.includes(el.getAttribute('data-kb'))).map((el) => el.outerHTML.slice(0, 120))`,
  );
  expect(missed, `${screen} : commandes hors d’atteinte de la touche Tab`).toEqual([]);
  console.info(`Clavier — ${screen} : ${survey.total} commandes nommées et atteintes à la touche Tab`);
}

/**
 * The trainer's screens (issue 6): the référentiel browser (search « France Travail », the Pôle emploi signatory
 * requirement and its annex text, the glossary, the comparison of the two packs), the gap-finding exercise on the
 * demo contract (three gaps marked, corrected, scored, restarted), the switch of a project to Quartiers 2030, and
 * the guided tour. axe-core on each screen (zero serious or critical), every control labelled and reachable by Tab.
 */
describe('training: référentiel, exercise, pack switch, guided tour', () => {
  const hosted = useHost({ bypassCSP: true });
  const counts: string[] = [];

  afterAll(() => {
    console.info(`axe-core — violations graves ou critiques par écran : ${counts.join(' · ')}`);
  });

  async function audit(page: Page, name: string): Promise<void> {
    const { serious, total } = await auditSerious(page);
    counts.push(`${name} ${serious.length} (${total} au total)`);
    expect(serious, `${name} : ${JSON.stringify(serious)}`).toEqual([]);
  }

  it('finds the Pôle emploi signatory from « France Travail », shows its annex text, the glossary and the comparison', async () => {
    const { page } = hosted.current;
    await page.getByRole('button', { name: 'Parcourir le référentiel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Référentiel — Annexe 1 (2014)' }).waitFor();
    const count = page.locator('.browser-count');
    expect(await count.innerText()).toBe('170 exigences dans ce référentiel.');

    await page.getByLabel('Rechercher (mot, sigle, ancien nom…)').fill('France Travail');
    await page.getByText(/exigences? sur 170 correspond/).waitFor();
    expect(await count.getAttribute('aria-live')).toBe('polite');
    const first = page.locator('.browser-list > li').first();
    expect(await first.getAttribute('data-requirement-id')).toBe('EMP-5b');
    expect(await first.innerText()).toContain('France Travail (ex-Pôle emploi) signataire du contrat de ville');
    // The former name finds it too, and the filters narrow the list.
    await page.getByLabel('Rechercher (mot, sigle, ancien nom…)').fill('Pôle emploi');
    await page.getByLabel('Nature').selectOption('signataire');
    await expect.poll(() => page.locator('.browser-list > li').first().getAttribute('data-requirement-id')).toBe('EMP-5b');
    console.info(`Recherche « Pôle emploi » + nature signataire : ${await count.innerText()}`);
    await hosted.current.screenshot('training-1-referentiel');

    // « Imprimer / exporter (DOCX)… » writes the filtered list as a handout.
    const handout = join(hosted.current.workDir, 'support-signataires.docx');
    hosted.current.dialogs.nextSaveExport(handout);
    await page.getByRole('button', { name: 'Imprimer / exporter (DOCX)…' }).click();
    await page.getByText(/^3 exigences exportées dans /).waitFor();
    expect(hosted.current.dialogs.suggestedExports.at(-1)).toMatch(/^Référentiel — Annexe 1 \(2014\) \(sélection\)\.docx$/);
    const documentXml = strFromU8(unzipSync(readFileSync(handout))['word/document.xml']!);
    expect(documentXml).toContain('France Travail (ex-Pôle emploi) signataire du contrat de ville');
    expect(documentXml).toContain('Signature de la caisse d’allocations familiales');
    expect(documentXml).not.toContain('Signature du préfet');
    await audit(page, 'référentiel (liste)');
    await labelledAndReachable(page, 'référentiel (liste)');

    await requirement(page, 'EMP-5b').getByRole('button').click();
    const article = page.locator('[data-requirement-page="EMP-5b"]');
    await article.waitFor();
    expect(await article.locator('blockquote.annex-text').innerText()).toContain('Pôle emploi est systématiquement signataire des contrats de ville');
    expect(await article.innerText()).toContain('25 avril 2013');
    expect(await article.getByText('Formulation qui ne compte pas').count()).toBe(1);
    await hosted.current.screenshot('training-1b-exigence');
    await audit(page, 'exigence EMP-5b');
    await page.getByRole('button', { name: 'Retour à la liste' }).click();
    // Focus comes back to the requirement that was open.
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('browse-EMP-5b');

    await page.getByRole('button', { name: 'Glossaire' }).click();
    await page.getByLabel('Rechercher un sigle ou un mot').fill('CLSPD');
    await page.locator('[data-acronym="CLSPD"]').waitFor();
    await audit(page, 'glossaire');

    await page.getByRole('button', { name: 'Comparer les référentiels' }).click();
    await page.getByLabel('Référentiel d’arrivée').selectOption('quartiers-2030');
    const added = Number(await page.locator('[data-count="added"] strong').innerText());
    const removed = Number(await page.locator('[data-count="removed"] strong').innerText());
    const changed = Number(await page.locator('[data-count="changed"] strong').innerText());
    const unchanged = Number(await page.locator('[data-count="unchanged"] strong').innerText());
    console.info(`Annexe 1 (2014) → Quartiers 2030 : ${added} ajoutées, ${removed} retirées, ${changed} modifiées, ${unchanged} inchangées`);
    expect(added).toBeGreaterThan(0);
    expect(removed).toBeGreaterThan(0);
    expect(added + changed + unchanged).toBe(40);
    await hosted.current.screenshot('training-4-comparaison');
    await audit(page, 'comparaison');
    await labelledAndReachable(page, 'comparaison');
    await page.getByRole('button', { name: 'Retour à l’accueil' }).click();
  });

  it('runs the exercise on the demo: read-only text, three gaps marked, corrected and scored, then restarted', async () => {
    const { page } = hosted.current;
    await page.getByRole('button', { name: 'Exercice : trouver les manques' }).click();
    await page.getByRole('heading', { level: 1, name: 'Exercice : trouver les manques — Val-de-Brume' }).waitFor();
    expect(await page.locator('#checklist').count()).toBe(0);
    const editors = page.locator('.section-editor');
    await editors.first().waitFor();
    await expect.poll(() => editors.first().getAttribute('contenteditable')).toBe('false');
    const before = await editors.first().innerText();
    await editors.first().click();
    await page.keyboard.type('texte ajouté');
    expect(await editors.first().innerText()).toBe(before);

    const item = (id: string) => page.locator(`[data-exercise-item="${id}"]`);
    await item('FEM-1a').getByLabel('manquant').check();
    await item('SAN-5').getByLabel('manquant').check();
    await item('CAD-SIG-REG').getByLabel('partiel').check();
    await item('JUS-1').getByLabel('manquant').check();
    await page.getByText('4 manques signalés').waitFor();
    await page.evaluate(`document.getElementById('exercise').scrollTo({ top: 0 }); document.querySelector('.document-scroll').scrollTo({ top: 0 })`);
    await hosted.current.screenshot('training-2-exercice');
    await audit(page, 'exercice');
    await labelledAndReachable(page, 'exercice');

    await page.getByRole('button', { name: 'Corriger' }).click();
    const score = page.locator('.score-line');
    await score.waitFor();
    expect(await score.innerText()).toBe('3 manques trouvés sur 5 · 1 fausse alerte');
    expect(await item('FEM-1a').getAttribute('data-outcome')).toBe('found');
    expect(await item('EDU-4').getAttribute('data-outcome')).toBe('missed');
    expect(await item('JUS-1').getAttribute('data-outcome')).toBe('false-alert');
    expect(await item('FEM-1a').locator('.gap-explanation').innerText()).toContain('espace réservé');
    expect(await item('FEM-1a').getByLabel('manquant').isDisabled()).toBe(true);
    await item('SAN-5').scrollIntoViewIfNeeded();
    await hosted.current.screenshot('training-3-correction');
    await audit(page, 'exercice corrigé');

    await page.getByRole('button', { name: 'Recommencer' }).click();
    expect(await score.count()).toBe(0);
    expect(await item('FEM-1a').getByLabel('présent').isChecked()).toBe(true);
    await page.getByText('Aucun manque signalé').waitFor();
    await page.getByRole('button', { name: 'Fermer l’exercice' }).click();
    await page.getByRole('button', { name: 'Nouveau contrat' }).waitFor();
  });

  it('switches a project to Quartiers 2030: the dialog shows what changed and the checklist lists the new pack', async () => {
    const host = hosted.current;
    const { page } = host;
    const file = join(host.workDir, 'quartiers-2030.pilier');
    await createContract(host, file);
    await requirement(page, 'EMP-5b').waitFor();
    const before = await page.locator('.checklist [data-requirement-id]').count();

    await page.getByRole('button', { name: 'Référentiel…' }).click();
    await page.getByRole('radio', { name: /Engagements Quartiers 2030/ }).check();
    await page.getByRole('button', { name: 'Vérifier avec ce référentiel' }).click();
    await page.getByRole('heading', { name: 'Référentiel changé' }).waitFor();
    const report = page.getByTestId('pack-switch-report');
    expect(await report.innerText()).toContain('Exigences nouvelles');
    expect(await report.innerText()).toContain('Exigences qui ne s’appliquent plus');
    await host.screenshot('training-4b-changement');
    await page.getByRole('button', { name: 'Fermer', exact: true }).click();

    await requirement(page, 'EQ-PART').waitFor();
    expect(await requirement(page, 'EMP-5b').count()).toBe(0);
    const after = await page.locator('.checklist [data-requirement-id]').count();
    console.info(`Liste de contrôle : ${before} exigences (Annexe 1) → ${after} (Quartiers 2030)`);
    expect(after).toBeLessThan(before);
    // The choice is stored in the file: reopened, the contract is still checked against Quartiers 2030.
    expect(host.services.currentPath()).toBe(file);
    await page.getByRole('button', { name: 'Fermer le contrat' }).click();
    await page.getByRole('button', { name: /Coteaux-de-Vionne/ }).first().click();
    await requirement(page, 'EQ-PART').waitFor();

    // « Enregistrer comme exercice… »: a copy, opened read-only in mode « exercice »; the original is left as it was.
    const exercise = join(host.workDir, 'exercice-quartiers.pilier');
    host.dialogs.nextSave(exercise);
    await page.getByRole('button', { name: 'Référentiel…' }).click();
    await page.getByRole('button', { name: 'Enregistrer comme exercice…' }).click();
    await page.getByRole('heading', { level: 1, name: /^Exercice : trouver les manques — / }).waitFor();
    expect(host.services.currentPath()).toBe(exercise);
    expect(await page.locator('[data-exercise-item="EQ-PART"]').count()).toBe(1);
    expect(await page.locator('[data-exercise-item]').count()).toBe(33);
    await page.getByRole('button', { name: 'Fermer l’exercice' }).click();
    await page.getByRole('button', { name: /exercice-quartiers\.pilier/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Exercice : trouver les manques — / }).waitFor();
    await page.getByRole('button', { name: 'Fermer l’exercice' }).click();
    await page.getByRole('button', { name: /quartiers-2030\.pilier/ }).click();
    await requirement(page, 'EQ-PART').waitFor();
    await page.getByRole('button', { name: 'Fermer le contrat' }).click();
  });

  it('starts the guided tour on the first run, keeps the focus in it, and replays it from « ? »', async () => {
    const { page, server } = hosted.current;
    await page.goto(`${server.origin}/?visite`);
    await page.getByRole('button', { name: 'Ouvrir le contrat de démonstration' }).click();
    const tour = page.getByRole('dialog', { name: 'Le plan du contrat' });
    await tour.waitFor();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('dialog', { name: 'La liste des exigences' }).waitFor();
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate('!!document.activeElement?.closest(".tour-popover")'), 'le focus reste dans la visite').toBe(true);
    }
    await hosted.current.screenshot('training-5-visite');
    await audit(page, 'visite guidée');
    await page.getByRole('button', { name: 'Précédent' }).click();
    await page.getByRole('dialog', { name: 'Les conseils de rédaction' }).waitFor();
    await page.getByRole('button', { name: 'Passer la visite' }).click();
    expect(await page.locator('.tour-popover[open]').count()).toBe(0);
    expect(await page.evaluate('localStorage.getItem("pilier.visite-vue")')).toBe('1');

    // Seen: reloading does not start it again; the « ? » button replays it.
    await page.reload();
    await page.getByRole('button', { name: 'Ouvrir le contrat de démonstration' }).click();
    await page.getByRole('button', { name: 'Visite guidée' }).waitFor();
    expect(await page.locator('.tour-popover[open]').count()).toBe(0);
    await page.getByRole('button', { name: 'Visite guidée' }).click();
    await tour.waitFor();
    await page.keyboard.press('Escape');
    expect(await page.locator('.tour-popover[open]').count()).toBe(0);
  });
});
