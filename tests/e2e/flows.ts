import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Host } from './host';

/** Steps the specs share, written as a user would do them (labels and roles, not internals). */

export const TERRITOIRE = 'Communauté d’agglomération des Coteaux-de-Vionne';

/** A volet égalité femmes-hommes as a project team would write it: a few real sentences. */
export const VOLET_EGALITE =
  'L’égalité entre les femmes et les hommes est une priorité transversale du contrat, déclinée dans chacun des trois piliers. ' +
  'Des marches exploratoires de femmes seront organisées chaque année dans les deux quartiers, avec les conseils citoyens. ' +
  'Toutes les actions financées produiront des données sexuées, afin de suivre l’accès des femmes aux dispositifs. ' +
  'Un bilan annuel présentera ces résultats au comité de pilotage.';

export function requirement(page: Page, id: string): Locator {
  return page.locator(`[data-requirement-id="${id}"]`);
}

/** Waits until the checklist shows `status` for the requirement (and says it in words); returns the wait in ms. */
export async function expectStatus(page: Page, id: string, status: 'covered' | 'partial' | 'missing', timeout = 5_000): Promise<number> {
  const started = Date.now();
  const item = requirement(page, id);
  await item.and(page.locator(`[data-status="${status}"]`)).waitFor({ timeout });
  const word = { covered: 'couvert', partial: 'partiel', missing: 'manquant' }[status];
  expect(await item.locator('.status-word').innerText()).toBe(word);
  return Date.now() - started;
}

export function sectionEditor(page: Page, sectionId: string): Locator {
  return page.locator(`[data-section-id="${sectionId}"] .section-editor`);
}

/** The paragraph after a sub-section's heading in a section's text. */
export function paragraphAfterHeading(page: Page, sectionId: string, heading: string): Locator {
  return sectionEditor(page, sectionId)
    .locator('h2, h3', { hasText: heading })
    .locator('xpath=following-sibling::*[1]');
}

/** Waits for the autosave to report « Enregistré à hh:mm » after the last change. */
export async function expectSaved(page: Page, timeout = 5_000): Promise<void> {
  await page.locator('[data-save-state="saved"]').waitFor({ timeout });
  expect(await page.locator('.save-status').innerText()).toMatch(/^Enregistré à \d{2}:\d{2}$/);
}

/** Fills the « Nouveau contrat » form and creates the file at `path` (the scripted save dialog answers it). */
export async function createContract(host: Host, path: string): Promise<void> {
  const { page } = host;
  await page.getByRole('button', { name: 'Nouveau contrat' }).click();
  await page.getByLabel('Nom du territoire *').fill(TERRITOIRE);
  await page.getByLabel('EPCI porteur du contrat').fill(TERRITOIRE);
  await page.getByLabel('Communes concernées *').fill('Vionne-la-Haute\nSaint-Aurel-sur-Vionne');
  await page.getByLabel('Nom du quartier 1').fill('Les Tilleuls');
  await page.getByLabel('Code du quartier 1').fill('QP099101');
  await page.getByRole('button', { name: 'Ajouter un quartier' }).click();
  await page.getByLabel('Nom du quartier 2').fill('Le Clos-Fleuri');
  await page.getByLabel('Code du quartier 2').fill('QP099102');
  await page.getByLabel('Début *').fill('2024');
  await page.getByLabel('Fin *').fill('2030');
  host.dialogs.nextSave(path);
  await page.getByRole('button', { name: 'Créer le contrat…' }).click();
  await page.getByRole('heading', { level: 1, name: `Contrat de ville — ${TERRITOIRE}` }).waitFor();
}

/** The CSS highlight named `name`: each range's text, the section it lies in, and whether it is in view. */
export async function highlightRanges(page: Page, name: string): Promise<{ text: string; section: string | null; inView: boolean }[]> {
  return page.evaluate(`(() => {
    const h = CSS.highlights.get(${JSON.stringify(name)});
    if (!h) return [];
    const pane = document.querySelector('.document-scroll').getBoundingClientRect();
    return [...h].map((r) => {
      const box = r.getBoundingClientRect();
      return {
        text: r.toString(),
        section: (r.startContainer.parentElement || r.startContainer).closest('[data-section-id]')?.getAttribute('data-section-id') ?? null,
        inView: box.top >= pane.top && box.bottom <= pane.bottom,
      };
    });
  })()`);
}

/**
 * Keystroke-to-checklist latency: types `text` one key at a time and measures, in the page, the time from
 * each keydown to the next change of the checklist (its `data-checked-at`). Milliseconds, sorted.
 */
export async function checklistLatencies(page: Page, text: string): Promise<number[]> {
  await page.evaluate(`(() => {
    const probe = (window.__latency = { down: 0, samples: [] });
    window.addEventListener('keydown', () => { probe.down = performance.now(); }, true);
    new MutationObserver(() => {
      if (probe.down > 0) { probe.samples.push(performance.now() - probe.down); probe.down = 0; }
    }).observe(document.getElementById('checklist'), { attributes: true, attributeFilter: ['data-checked-at'] });
  })()`);
  for (const key of text) {
    const before: number = await page.evaluate('window.__latency.samples.length');
    await page.keyboard.type(key);
    // Waits in the page (a string evaluated by the debugger protocol: the page's CSP forbids eval).
    await page.evaluate(`new Promise((resolve, reject) => {
      const until = performance.now() + 2000;
      const check = () => window.__latency.samples.length > ${before} ? resolve(true) : performance.now() > until ? reject(new Error('liste non mise à jour')) : setTimeout(check, 2);
      check();
    })`);
  }
  const samples: number[] = await page.evaluate('window.__latency.samples');
  return samples.sort((a, b) => a - b);
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Selects an element's text the way a user's drag would, and lets the editor take the selection in. */
export async function selectAll(page: Page, target: Locator): Promise<void> {
  await target.selectText();
  // The editor reads the DOM selection on `selectionchange`, which the browser fires in a later task.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 20)))');
}
