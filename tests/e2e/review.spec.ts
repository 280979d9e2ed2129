import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/import/docx';
import { auditSerious } from './axe';
import { highlightRanges, requirement } from './flows';
import { OUTPUT } from './host';
import { useHost } from './lifecycle';

/**
 * Review mode (issue 5), end to end in Chromium: the author exports the demo contract as DOCX; the reviewer imports
 * it, records three verdicts with comments and a comment on a passage, writes the overall opinion, exports the
 * report (read back here) and the review package, closes, reopens and finds everything; the author, who edited
 * the commented passage meanwhile, imports the package: the verdicts show beside the checklist and the conflict
 * is listed.
 */

const DEMO = /Val-de-Brume/;
const REVIEWER = { nom: 'Claire Martin', qualite: 'Sous-préfète chargée de la politique de la ville' };
const VERDICTS = [
  { id: 'SAN-5', verdict: 'non-conforme', word: 'non conforme', comment: 'Le volet santé est renvoyé à un avenant : il doit figurer dans le contrat.' },
  { id: 'EDU-4', verdict: 'a-completer', word: 'à compléter', comment: 'Le recteur a été consulté mais ne signe pas : l’ajouter au tableau des signatures.' },
  { id: 'EMP-5b', verdict: 'conforme', word: 'conforme', comment: 'France Travail signe le contrat.' },
] as const;
const PASSAGE = 'fera l’objet d’un avenant au premier semestre 2016';
const PASSAGE_COMMENT = 'Un avenant ultérieur ne suffit pas : donner dès maintenant les orientations du volet santé.';
const OPINION = 'Contrat presque complet ; avis favorable sous réserve du volet santé et de la signature du recteur.';
const LAST_WORDS = ' Signature à prévoir avant la fin de l’année.';
/** « Claire Martin, 25 novembre 2026 à 23:40 » */
const WHO = /^Claire Martin, \d{1,2} \p{L}+ \d{4} à \d{2}:\d{2}$/u;

/** The text of a DOCX, read back with the project's own reader (the writer puts non-breaking spaces before « : »). */
async function docxText(path: string): Promise<string> {
  const read = await readDocx(new Uint8Array(readFileSync(path)), 'rapport.docx');
  if (!read.ok) throw new Error(read.error);
  return read.document.blocks.map((b) => b.text.replace(/[\u00a0\u202f]/g, ' ')).join('\n');
}

/** Selects `phrase` inside the document's text, as a mouse drag would. */
async function selectPhrase(page: Page, phrase: string): Promise<void> {
  const found = await page.evaluate(`(() => {
    const phrase = ${JSON.stringify(phrase)};
    const walker = document.createTreeWalker(document.getElementById('document'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(phrase);
      if (at < 0) continue;
      node.parentElement.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + phrase.length);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
    return false;
  })()`);
  expect(found, `passage « ${phrase} » introuvable`).toBe(true);
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 20)))');
}

describe('review mode, end to end', () => {
  const hosted = useHost({ bypassCSP: true });
  const paths = { docx: '', project: '', report: '', pack: '' };
  const axe: string[] = [];

  async function audit(name: string): Promise<void> {
    const { serious, total } = await auditSerious(hosted.current.page);
    axe.push(`${name} ${serious.length} (${total} au total)`);
    expect(serious, `${name} : ${JSON.stringify(serious)}`).toEqual([]);
  }

  it('the author exports the demo contract as DOCX', async () => {
    const { page, dialogs, workDir } = hosted.current;
    paths.docx = join(workDir, 'Contrat Val-de-Brume.docx');
    await page.getByRole('button', { name: 'Ouvrir le contrat de démonstration' }).click();
    await page.getByRole('heading', { level: 1, name: DEMO }).waitFor();
    await page.getByRole('button', { name: 'Exporter…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Exporter le contrat' });
    dialogs.nextSaveExport(paths.docx);
    await dialog.getByRole('button', { name: 'Exporter…' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Exporté' }).waitFor();
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await page.getByRole('button', { name: 'Fermer le contrat' }).click();
    await page.getByRole('button', { name: 'Relire un contrat reçu…' }).waitFor();
    expect(existsSync(paths.docx)).toBe(true);
  });

  it('the reviewer imports it, records three verdicts with comments and comments a passage', async () => {
    const { page, dialogs, workDir } = hosted.current;
    paths.project = join(workDir, 'Relecture Val-de-Brume.pilier');
    dialogs.nextOpenContractFile(paths.docx);
    dialogs.nextSave(paths.project);
    await page.getByRole('button', { name: 'Relire un contrat reçu…' }).click();
    await page.getByRole('heading', { level: 1, name: /^Relecture — / }).waitFor({ timeout: 20_000 });
    expect(dialogs.suggestedSaves.at(-1)).toBe('Relecture — Contrat Val-de-Brume.pilier');
    const progressCalls = hosted.current.calls.filter((c) => c.channel === 'task:progress').length;
    console.info(`relecture : import en ${Math.round(hosted.current.calls.find((c) => c.channel === 'review:import')!.ms)} ms, ${progressCalls} lecture(s) de la progression`);
    await requirement(page, 'SAN-5').waitFor();
    // Read-only: the text cannot be edited, and the formatting toolbar is gone.
    expect(await page.locator('#document .section-editor').first().getAttribute('contenteditable')).toBe('false');
    expect(await page.getByRole('toolbar', { name: 'Mise en forme du texte' }).isVisible()).toBe(false);
    await hosted.current.screenshot('review-1-import');

    for (const [i, v] of VERDICTS.entries()) {
      const item = requirement(page, v.id);
      await item.scrollIntoViewIfNeeded();
      await item.getByLabel(/^Avis du relecteur/).selectOption(v.verdict);
      if (i === 0) {
        // Asked once, before the first verdict.
        const who = page.getByRole('dialog', { name: 'Qui relit ce contrat ?' });
        await who.waitFor();
        await audit('relecture, identité du relecteur');
        await who.getByLabel('Nom et prénom *').fill(REVIEWER.nom);
        await who.getByLabel('Qualité').fill(REVIEWER.qualite);
        await who.getByRole('button', { name: 'Enregistrer' }).click();
        await who.waitFor({ state: 'hidden' });
      }
      await item.getByLabel(/^Commentaire/).fill(v.comment);
      await item.locator('.verdict-who').filter({ hasText: WHO }).waitFor();
    }
    await expect.poll(() => hosted.current.calls.filter((c) => c.channel === 'review:setVerdict').length, { timeout: 5_000 }).toBeGreaterThanOrEqual(6);
    // The automatic status stays beside the verdict.
    expect(await requirement(page, 'SAN-5').locator('.status-word').innerText()).toBe('manquant');
    await requirement(page, 'SAN-5').scrollIntoViewIfNeeded();
    await hosted.current.screenshot('review-2-verdicts');

    await selectPhrase(page, PASSAGE);
    await page.keyboard.press('Control+Alt+M');
    const comment = page.getByRole('dialog', { name: 'Commenter le passage' });
    await comment.waitFor();
    expect(await comment.locator('.comment-quote').innerText()).toBe(`« ${PASSAGE} »`);
    await comment.getByLabel('Commentaire *').fill(PASSAGE_COMMENT);
    await comment.getByLabel('Exigence concernée').selectOption('SAN-5');
    await comment.getByRole('button', { name: 'Ajouter le commentaire' }).click();
    await comment.waitFor({ state: 'hidden' });

    // The tabs by keyboard: arrows move and activate.
    await page.getByRole('tab', { name: 'Grille' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Commentaires (1)' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate('document.activeElement.id')).toBe('tab-commentaires');

    // A general comment, then deleted; the dialog closes on Escape.
    await page.getByRole('button', { name: 'ajoutez un commentaire général' }).click();
    const general = page.getByRole('dialog', { name: 'Ajouter un commentaire' });
    await general.getByLabel('Commentaire *').fill('Commentaire provisoire.');
    await general.getByRole('button', { name: 'Ajouter le commentaire' }).click();
    await page.getByRole('tab', { name: 'Commentaires (2)' }).waitFor();
    await page.getByRole('button', { name: 'Supprimer le commentaire « Commentaire provisoire. »' }).click();
    await page.getByRole('tab', { name: 'Commentaires (1)' }).waitFor();
    await page.getByRole('button', { name: 'ajoutez un commentaire général' }).click();
    await general.waitFor();
    await page.keyboard.press('Escape');
    await general.waitFor({ state: 'hidden' });

    // Without a mouse: a passage the checker found is commented from the requirement's details, then deleted.
    await page.getByRole('tab', { name: 'Grille' }).click();
    await requirement(page, 'EMP-5b').locator('.requirement-button').click();
    await requirement(page, 'EMP-5b').getByRole('button', { name: 'Commenter ce passage' }).first().focus();
    await page.keyboard.press('Enter');
    const onEvidence = page.getByRole('dialog', { name: 'Commenter le passage' });
    await onEvidence.waitFor();
    expect(await onEvidence.getByLabel('Exigence concernée').inputValue()).toBe('EMP-5b');
    await page.keyboard.type('Passage commenté au clavier.');
    await onEvidence.getByRole('button', { name: 'Ajouter le commentaire' }).press('Enter');
    await page.getByRole('tab', { name: 'Commentaires (2)' }).click();
    const byKeyboard = page.locator('.comment').filter({ hasText: 'Passage commenté au clavier.' });
    expect(await byKeyboard.locator('.comment-quote').count()).toBe(1);
    await byKeyboard.getByRole('button', { name: /^Supprimer/ }).press('Enter');
    await page.getByRole('tab', { name: 'Commentaires (1)' }).waitFor();

    const listed = page.locator('.comment').filter({ hasText: PASSAGE_COMMENT });
    await listed.getByRole('button', { name: /Aller au passage/ }).click();
    await expect.poll(async () => (await highlightRanges(page, 'pilier-comment')).map((r) => r.text)).toEqual([PASSAGE]);
    await audit('relecture, commentaires');
  });

  it('the summary counts the verdicts; the report is exported and holds them', async () => {
    const { page, dialogs, workDir } = hosted.current;
    await page.getByRole('tab', { name: 'Synthèse' }).click();
    const counts = page.locator('.verdict-counts');
    expect(await counts.locator('[data-verdict="conforme"]').innerText()).toBe('1 conforme');
    expect(await counts.locator('[data-verdict="a-completer"]').innerText()).toBe('1 à compléter');
    expect(await counts.locator('[data-verdict="non-conforme"]').innerText()).toBe('1 non conforme');
    const examined = Number((await page.locator('#panel-synthese .hint').first().innerText()).match(/Sur (\d+) exigences/)?.[1]);
    expect(examined).toBeGreaterThan(3);
    expect(await page.getByRole('region', { name: 'Signataires manquants' }).innerText()).toContain('Recteur signataire');
    expect(await page.getByRole('region', { name: 'Par pilier et par axe' }).innerText()).toMatch(/Cohésion sociale \(\d+ exigences\) : 1 non conforme · \d+ sans verdict/);
    await page.getByRole('textbox', { name: 'Avis général' }).fill(OPINION);
    await page.locator('#panel-synthese').evaluate((panel) => panel.scrollTo(0, 0));
    await hosted.current.screenshot('review-3-summary');
    await audit('relecture, synthèse');
    await page.getByRole('tab', { name: 'Grille' }).click();
    await audit('relecture, grille');

    paths.report = join(workDir, 'Rapport Val-de-Brume.docx');
    await page.getByRole('button', { name: 'Exporter le rapport…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Exporter le rapport d’analyse' });
    dialogs.nextSaveExport(paths.report);
    await dialog.getByRole('button', { name: 'Exporter…' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Exporté : Rapport Val-de-Brume.docx' }).waitFor({ timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    const text = await docxText(paths.report);
    writeFileSync(join(OUTPUT, 'review-report.txt'), text);
    for (const v of VERDICTS) expect(text).toContain(v.comment);
    expect(text).toMatch(/non conforme/i);
    expect(text).toMatch(/à compléter/i);
    expect(text).toContain(REVIEWER.nom);
    expect(text).toContain(OPINION);
    // The panel and the report count the same requirements.
    expect(text).toContain(`${examined} exigences examinées`);
  });

  it('nothing is lost on closing: reopened, the review is all there', async () => {
    const { page, dialogs } = hosted.current;
    // Typed, then closed at once: the comment's save is flushed before the file closes.
    await page.getByRole('tab', { name: 'Grille' }).click();
    const item = requirement(page, 'EMP-5b');
    await item.scrollIntoViewIfNeeded();
    await item.getByLabel(/^Commentaire/).fill(VERDICTS[2].comment + LAST_WORDS);
    await page.getByRole('button', { name: 'Fermer la relecture' }).click();
    await page.getByRole('button', { name: 'Relire un contrat reçu…' }).waitFor();

    dialogs.nextOpen(paths.project);
    await page.getByRole('button', { name: 'Ouvrir…' }).click();
    await page.getByRole('heading', { level: 1, name: /^Relecture — / }).waitFor();
    for (const v of VERDICTS) {
      const select = requirement(page, v.id).getByLabel(/^Avis du relecteur/);
      await expect.poll(() => select.inputValue()).toBe(v.verdict);
    }
    expect(await requirement(page, 'EMP-5b').getByLabel(/^Commentaire/).inputValue()).toBe(VERDICTS[2].comment + LAST_WORDS);
    expect(await requirement(page, 'SAN-5').getByLabel(/^Commentaire/).inputValue()).toBe(VERDICTS[0].comment);
    expect(await page.locator('.reviewer-badge').innerText()).toContain(REVIEWER.nom);
    await page.getByRole('tab', { name: 'Commentaires (1)' }).click();
    expect(await page.locator('.comment-text').innerText()).toBe(PASSAGE_COMMENT);
    await page.getByRole('tab', { name: 'Synthèse' }).click();
    expect(await page.getByRole('textbox', { name: 'Avis général' }).inputValue()).toBe(OPINION);
  });

  it('« Modifier une copie… » opens an editable copy; the review project stays as it was', async () => {
    const { page, dialogs, workDir } = hosted.current;
    // The référentiel the received contract is read against (chosen from its période) can be seen and changed.
    await page.getByRole('button', { name: 'Référentiel…' }).click();
    const packs = page.getByRole('dialog', { name: 'Référentiel du contrat' });
    await packs.waitFor();
    expect(await packs.getByRole('radio', { checked: true }).getAttribute('value')).toBe('annexe-1-2014');
    expect(await packs.getByRole('button', { name: 'Enregistrer comme exercice…' }).count()).toBe(0);
    await packs.getByRole('button', { name: 'Fermer' }).click();

    const copy = join(workDir, 'Copie modifiable.pilier');
    dialogs.nextSave(copy);
    await page.getByRole('button', { name: 'Modifier une copie…' }).click();
    await page.getByRole('button', { name: 'Exporter…' }).waitFor();
    expect(await page.locator('#document .section-editor').first().getAttribute('contenteditable')).toBe('true');
    expect(existsSync(copy)).toBe(true);
    await page.getByRole('button', { name: 'Fermer le contrat' }).click();

    dialogs.nextOpen(paths.project);
    await page.getByRole('button', { name: 'Ouvrir…' }).click();
    await page.getByRole('heading', { level: 1, name: /^Relecture — / }).waitFor();
    const select = requirement(page, VERDICTS[0].id).getByLabel(/^Avis du relecteur/);
    await expect.poll(() => select.inputValue()).toBe(VERDICTS[0].verdict);
  });

  it('exports the review package; the author, who edited the passage meanwhile, imports it: verdicts shown, conflict listed', async () => {
    const { page, dialogs, workDir } = hosted.current;
    paths.pack = join(workDir, 'Relecture Val-de-Brume.pilier-relecture');
    dialogs.nextSaveReviewPackage(paths.pack);
    await page.getByRole('button', { name: 'Exporter la relecture…' }).click();
    await page.locator('.review-notice').filter({ hasText: 'Relecture exportée' }).waitFor();
    expect(existsSync(paths.pack)).toBe(true);
    await page.getByRole('button', { name: 'Fermer la relecture' }).click();

    // The author reopens the demo and rewrites the commented passage.
    await page.getByRole('button', { name: 'Ouvrir le contrat de démonstration' }).click();
    await page.getByRole('heading', { level: 1, name: DEMO }).waitFor();
    await selectPhrase(page, PASSAGE);
    await page.keyboard.type('est intégré au contrat dès sa signature');
    await page.locator('[data-save-state="saved"]').waitFor({ timeout: 5_000 });

    dialogs.nextOpenReviewPackage(paths.pack);
    await page.getByRole('button', { name: 'Importer une relecture…' }).click();
    const merged = page.getByRole('dialog', { name: 'Relecture importée' });
    await merged.waitFor();
    expect(await merged.innerText()).toMatch(/3 avis ajoutés/);
    expect(await merged.locator('.conflict-list li').count()).toBeGreaterThanOrEqual(1);
    expect(await merged.locator('.conflict-list').innerText()).toContain(PASSAGE);
    await hosted.current.screenshot('review-4-package');
    await merged.getByRole('button', { name: 'Fermer' }).click();

    // Beside the checklist, read-only: the verdict and the comment of each requirement, and the comments.
    const received = requirement(page, 'SAN-5').locator('.verdict.received');
    expect(await received.locator('.verdict-word').innerText()).toBe('non conforme');
    expect(await received.innerText()).toContain(VERDICTS[0].comment);
    expect(await requirement(page, 'SAN-5').locator('select').count()).toBe(0);
    expect(await page.locator('.received-review').innerText()).toContain(PASSAGE_COMMENT);
    // The author's edit is still there.
    expect(await page.locator('#document').innerText()).toContain('est intégré au contrat dès sa signature');
    await audit('auteur, relecture reçue');
    console.info(`axe-core — violations graves ou critiques : ${axe.join(' · ')}`);
  });
});
