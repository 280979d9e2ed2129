import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectSaved, expectStatus, paragraphAfterHeading, requirement, TERRITOIRE } from './flows';
import { REPO } from './host';
import { useHost } from './lifecycle';

const PARTICIPATION = 'participation-citoyenne';
const VOLET = 'Volet participation citoyenne';

/** A volet participation citoyenne as a project team would write it: the forms of participation for six years. */
const VOLET_PARTICIPATION =
  'Pendant les six ans du contrat, la participation des habitants ne se limite pas aux conseils citoyens. ' +
  'Une table de quartier se réunit chaque trimestre aux Tilleuls et au Clos-Fleuri, avec un animateur du centre social. ' +
  'Un budget participatif de 30 000 € par an est décidé par les habitants, et le fonds de participation des habitants finance leurs projets. ' +
  'Chaque année, le comité de pilotage répond par écrit aux propositions des tables de quartier.';

/** The top-level sections of templates/contrat-de-ville-2024.json, as the outline lists them. */
const SECTIONS_2024 = (JSON.parse(readFileSync(join(REPO, 'templates', 'contrat-de-ville-2024.json'), 'utf8')) as { sections: { title: string }[] }).sections.map(
  (section) => section.title,
);

/**
 * A contract of the 2024-2030 generation: « Engagements Quartiers 2030 » chosen in « Nouveau contrat » builds the
 * 2024 skeleton (no national piliers), the outline shows its sections with their states, and writing the volet
 * participation citoyenne turns its requirement « couvert ».
 */
describe('a contract of the Quartiers 2030 generation', () => {
  const hosted = useHost();

  it('creates the contract from the form: the période follows the référentiel, the outline shows the 2024 skeleton', async () => {
    const host = hosted.current;
    const { page } = host;
    await page.getByRole('button', { name: 'Nouveau contrat' }).click();
    const debut = page.getByLabel('Début *');
    const fin = page.getByLabel('Fin *');
    const referentiel = page.getByLabel('Référentiel des engagements *');
    expect([await debut.inputValue(), await fin.inputValue()]).toEqual(['2015', '2020']);
    await referentiel.selectOption({ label: 'Engagements Quartiers 2030, version 1.0.0' });
    expect([await debut.inputValue(), await fin.inputValue()]).toEqual(['2024', '2030']);
    expect(await page.locator('#field-referentiel-hint').innerText()).toContain('Contrat de ville 2024-2030');
    await referentiel.scrollIntoViewIfNeeded();
    await host.screenshot('generation-2030-formulaire');
    // A période the user typed stays when the référentiel changes; the one left as proposed follows it.
    await fin.fill('2029');
    await referentiel.selectOption({ label: 'Annexe 1 (2014), version 1.0.0' });
    expect([await debut.inputValue(), await fin.inputValue()]).toEqual(['2015', '2029']);
    await referentiel.selectOption({ label: 'Engagements Quartiers 2030, version 1.0.0' });
    await fin.fill('2030');

    await page.getByLabel('Nom du territoire *').fill(TERRITOIRE);
    await page.getByLabel('EPCI porteur du contrat').fill(TERRITOIRE);
    await page.getByLabel('Communes concernées *').fill('Vionne-la-Haute\nSaint-Aurel-sur-Vionne');
    await page.getByLabel('Nom du quartier 1').fill('Les Tilleuls');
    await page.getByLabel('Code du quartier 1').fill('QN09901M');
    await page.getByRole('button', { name: 'Ajouter un quartier' }).click();
    await page.getByLabel('Nom du quartier 2').fill('Le Clos-Fleuri');
    await page.getByLabel('Code du quartier 2').fill('QN09902M');
    host.dialogs.nextSave(join(host.workDir, 'Coteaux-de-Vionne-2030.pilier'));
    await page.getByRole('button', { name: 'Créer le contrat…' }).click();
    await page.getByRole('heading', { level: 1, name: `Contrat de ville — ${TERRITOIRE}` }).waitFor();

    // The checklist is the Quartiers 2030 one, and the skeleton is the 2024 template's.
    await expectStatus(page, 'EQ-PART', 'missing');
    expect(await requirement(page, 'EMP-5b').count()).toBe(0);
    const outline = page.getByRole('navigation', { name: 'Plan du contrat' });
    const entries = outline.locator('#outline-list > li > .outline-link .outline-text');
    await expect.poll(() => entries.allInnerTexts()).toEqual(SECTIONS_2024);
    // Every section that serves a requirement shows its state: only the préambule has none.
    const top = outline.locator('#outline-list > li > .outline-link');
    await expect.poll(() => top.locator('.status-icon').count()).toBe(SECTIONS_2024.length - 1);
    expect(await top.filter({ hasText: 'Préambule' }).locator('.status-icon').count()).toBe(0);
    expect(await top.filter({ hasText: 'Participation citoyenne' }).locator('.status-icon').getAttribute('class')).toBe('status-icon missing');
    // The sub-sections of the participation citoyenne are in the plan, each with its state.
    const sub = outline.locator('.outline-sub .outline-link', { hasText: VOLET });
    expect(await sub.locator('.status-icon.missing').count()).toBe(1);
    // The déclinaison par quartier names the QPV of the form.
    expect(await page.locator('[data-section-id="declinaison-quartiers"]').innerText()).toContain('Les Tilleuls (QN09901M)');
  });

  it('writing the volet participation citoyenne turns its requirement « couvert », with the 2024 guidance beside it', async () => {
    const host = hosted.current;
    const { page } = host;
    const placeholder = paragraphAfterHeading(page, PARTICIPATION, VOLET).locator('.pilier-placeholder');
    await placeholder.click();
    // The guidance panel follows the caret into the 2024 template's sub-section.
    const guidance = page.locator('.guidance');
    await expect.poll(() => guidance.locator('.guidance-section').innerText()).toBe(VOLET);
    expect(await guidance.locator('.guidance-text').innerText()).toContain('tables de quartier');
    expect(await guidance.locator('.guidance-requirements').innerText()).toContain('Volet « participation citoyenne »');

    await page.keyboard.type(VOLET_PARTICIPATION);
    await expectStatus(page, 'EQ-PART', 'covered');
    expect(await paragraphAfterHeading(page, PARTICIPATION, VOLET).innerText()).toBe(VOLET_PARTICIPATION);
    const outline = page.getByRole('navigation', { name: 'Plan du contrat' });
    await outline.locator('.outline-sub .outline-link', { hasText: VOLET }).locator('.status-icon.covered').waitFor();
    // The section itself is « partiel »: its conseils citoyens, their moyens and formation are still to write.
    await outline.locator('#outline-list > li > .outline-link', { hasText: 'Participation citoyenne' }).locator('.status-icon.partial').waitFor();
    await expectSaved(page);
    await host.screenshot('generation-2030');
  });
});
