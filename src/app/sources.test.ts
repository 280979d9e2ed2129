import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { check } from '../check';
import { documentFromSections } from '../document/lexical';
import { buildContractDocx } from '../export/docx/index';
import { buildExportInput, GUIDANCE_LEAD } from '../export/fromProject';
import { readDocx } from '../import/docx';
import { sampleMeta } from '../project/testProject';
import { placeholderNode, textNode } from '../template/lexicalNodes';
import { contractSources, TEMPLATE_FILE_NAME } from './sources';
import { SEEDS_DIR, TEMPLATES_DIR } from './testServices';

const Q2030 = { id: 'quartiers-2030', version: '1.0.0' };
const meta2030 = () => sampleMeta({ referentiel: Q2030, periode: { debut: '2024', fin: '2030' } });

function value<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A templates folder holding the default template and the files given. */
function templatesWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pilier-modeles-'));
  dirs.push(dir);
  copyFileSync(join(TEMPLATES_DIR, TEMPLATE_FILE_NAME), join(dir, TEMPLATE_FILE_NAME));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('contractSources: one template per référentiel', () => {
  it('loads every shipped template and finds the one each pack names', () => {
    const sources = contractSources(SEEDS_DIR, TEMPLATES_DIR);
    expect(value(sources.templates()).map((t) => [t.id, t.referentiel])).toEqual([
      ['contrat-de-ville-2015', 'annexe-1-2014'],
      ['contrat-de-ville-2024', 'quartiers-2030'],
    ]);
    expect(value(sources.template('quartiers-2030')).id).toBe('contrat-de-ville-2024');
    expect(value(sources.template('annexe-1-2014')).id).toBe('contrat-de-ville-2015');
    // Without a pack: the default template, as before.
    expect(value(sources.template()).id).toBe('contrat-de-ville-2015');
    // Every shipped pack has its template.
    for (const pack of value(sources.packs())) expect(value(sources.template(pack.id)).referentiel).toBe(pack.id);
  });

  it('builds the skeleton of the template made for the chosen pack', () => {
    const sources = contractSources(SEEDS_DIR, TEMPLATES_DIR);
    const q2030 = value(sources.skeleton(meta2030()));
    expect(q2030.map((s) => s.id)).toEqual(value(sources.template('quartiers-2030')).sections.map((s) => s.id));
    expect(q2030.map((s) => s.title)).toContain('Participation citoyenne');
    expect(q2030.map((s) => s.title)).not.toContain('Pilier 1 — Cohésion sociale');
    const y2015 = value(sources.skeleton(sampleMeta()));
    expect(y2015.map((s) => s.title)).toContain('Pilier 1 — Cohésion sociale');
    // The signature table follows the pack: France Travail is a Quartiers 2030 signataire row.
    expect(q2030.find((s) => s.id === 'signataires')!.content).toContain('Le directeur territorial de France Travail');
  });

  it('says in French when no template is made for a pack, or when a template file is broken', () => {
    const shipped = contractSources(SEEDS_DIR, TEMPLATES_DIR);
    expect(shipped.template('annexe-9')).toEqual({
      ok: false,
      error: 'Aucun modèle de contrat n’est prévu pour le référentiel « annexe-9 » dans cette installation de Pilier : choisissez un autre référentiel ou mettez Pilier à jour.',
    });

    const only2015 = contractSources(SEEDS_DIR, templatesWith({}));
    expect(only2015.skeleton(meta2030())).toMatchObject({ ok: false, error: expect.stringMatching(/^Aucun modèle de contrat n’est prévu pour le référentiel « quartiers-2030 »/) });
    expect(value(only2015.skeleton(sampleMeta())).length).toBeGreaterThan(10);

    const broken = contractSources(SEEDS_DIR, templatesWith({ 'contrat-de-ville-2024.json': '{ "schemaVersion": 1,' }));
    expect(broken.template('quartiers-2030')).toMatchObject({ ok: false, error: expect.stringMatching(/^Le modèle contrat-de-ville-2024\.json n'est pas du JSON valide/) });
    // The broken file does not stop the other generation.
    expect(value(broken.template('annexe-1-2014')).id).toBe('contrat-de-ville-2015');
  });
});

describe('exporting a Quartiers 2030 contract', () => {
  it('writes the 2024 sections with their requirements and guidance, and the checker reads the same statuses back', async () => {
    const sources = contractSources(SEEDS_DIR, TEMPLATES_DIR);
    const template = value(sources.template(Q2030.id));
    const pack = value(sources.pack(Q2030.id, Q2030.version));
    const typed =
      'Pendant les six ans du contrat, la participation des habitants ne se limite pas aux conseils citoyens. Une table de quartier se réunit chaque trimestre ' +
      'dans chaque quartier, un budget participatif de 30 000 € par an est décidé par les habitants, et le comité de pilotage répond chaque année par écrit à leurs propositions.';
    const placeholder = JSON.stringify(placeholderNode(template.sections.find((s) => s.id === 'participation-citoyenne')!.children![0]!.placeholder));
    const sections = value(sources.skeleton(meta2030())).map((s) => ({ ...s, content: s.content.replace(placeholder, JSON.stringify(textNode(typed))) }));
    const report = check(documentFromSections(sections), pack);
    expect(report.requirements.find((r) => r.id === 'EQ-PART')?.status).toBe('covered');

    const input = buildExportInput({ meta: meta2030(), sections, template, pack, report, date: '2026-11-25' });
    expect(input.sections.find((s) => s.id === 'gouvernance')!.requirements).toEqual(['CAD-GOV-PIL', 'EQ-ARTIC', 'EQ-DATA']);
    expect(input.sections.find((s) => s.id === 'participation-citoyenne')!.requirements).toEqual(['EQ-PART', 'CAD-CC-1', 'CAD-CC-LIEU', 'CAD-CC-FORM', 'CAD-CC-INST']);

    const bytes = await buildContractDocx(input);
    const read = await readDocx(bytes, 'contrat-2030.docx');
    if (!read.ok) throw new Error(read.error);
    const text = read.document.blocks.map((b) => b.text).join('\n');
    for (const s of template.sections) expect(read.document.blocks.some((b) => b.type === 'heading' && b.text.includes(s.title)), s.title).toBe(true);
    expect(text).toContain(typed);
    // Placeholders still to write carry the 2024 template's guidance, not the 2015 one.
    // (The writer may put non-breaking spaces before « : ».)
    const squash = (s: string) => s.replace(/\s+/g, ' ');
    expect(squash(text)).toContain(`${GUIDANCE_LEAD}${template.sections.find((s) => s.id === 'priorites')!.guidance.slice(0, 60)}`);
    expect(text).not.toContain('Pilier 1');
    const back = check(read.document, pack);
    const statuses = (r: typeof report) => Object.fromEntries(r.requirements.map((x) => [x.id, x.status]));
    expect(statuses(back)).toEqual(statuses(report));
  });
});
