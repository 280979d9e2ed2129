import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../check';
import { documentFromSections } from '../document/lexical';
import { parsePack } from '../referential/load';
import { placeholderNode, textNode } from './lexicalNodes';
import { parseTemplate, sectionForRequirement, templateProblems, walkSections } from './load';
import { buildSkeleton, signatureRows } from './skeleton';
import { META } from './testFiles';

/** The « Engagements Quartiers 2030 » skeleton (templates/contrat-de-ville-2024.json) against its pack. */

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const parsedTemplate = parseTemplate(read('templates/contrat-de-ville-2024.json'), 'contrat-de-ville-2024.json');
const parsedPack = parsePack(read('seeds/referentiel-quartiers-2030.json'), 'referentiel-quartiers-2030.json');
if (!parsedTemplate.ok) throw new Error(parsedTemplate.error);
if (!parsedPack.ok) throw new Error(parsedPack.error);
const template = parsedTemplate.template;
const pack = parsedPack.pack;
const meta = { ...META, periode: { debut: '2024', fin: '2030' } };
const skeleton = buildSkeleton(template, pack, meta);

/** The skeleton with one placeholder replaced by written text, as the project team would type it. */
function written(placeholder: string, text: string) {
  const from = JSON.stringify(placeholderNode(placeholder));
  const to = JSON.stringify(textNode(text));
  const sections = skeleton.map((s) => ({ ...s, content: s.content.replace(from, to) }));
  expect(sections.map((s) => s.content)).not.toEqual(skeleton.map((s) => s.content));
  return sections;
}

describe('the contrat de ville 2024 template (Engagements Quartiers 2030)', () => {
  it('is made for the Quartiers 2030 pack and lists the sections of a 2024-2030 contract in order', () => {
    expect(template.referentiel).toBe(pack.id);
    expect(template.sections.map((s) => s.title)).toEqual([
      'Préambule',
      'Le territoire et ses quartiers prioritaires',
      'Diagnostic partagé',
      'Priorités locales du contrat',
      'Déclinaison par quartier',
      'Participation citoyenne',
      'Axes transversaux',
      'Mobilisation du droit commun et moyens',
      'Volet investissement',
      'Gouvernance et pilotage',
      'Suivi et évaluation',
      'Durée du contrat',
      'Signataires',
      'Annexes',
    ]);
    // No national piliers any more: the 2015 structure must not creep back.
    expect(walkSections(template.sections).map(({ section }) => section.title).join(' ')).not.toMatch(/Pilier \d/);
  });

  it('cites only requirement ids the pack knows, and every obligatoire or attendu one is served', () => {
    expect(templateProblems(template, pack)).toEqual([]);
    const served = new Set(walkSections(template.sections).flatMap(({ section }) => section.requirements));
    const required = pack.requirements.filter((r) => r.level !== 'recommandé');
    expect(required).toHaveLength(33);
    expect(required.filter((r) => !served.has(r.id)).map((r) => r.id)).toEqual([]);
    // Beyond the brief: every requirement, recommandé included, has a section to be written in.
    expect(pack.requirements.filter((r) => !served.has(r.id)).map((r) => r.id)).toEqual([]);
  });

  it('names a row of the signature table for every required signatory of the pack, France Travail included', () => {
    const named = new Set(template.signatories.map((s) => s.requirement));
    const required = pack.requirements.filter((r) => r.kind === 'signataire' && r.level !== 'recommandé').map((r) => r.id);
    expect(required.filter((id) => !named.has(id))).toEqual([]);
    const rows = signatureRows(template, pack, meta).map(([institution]) => institution);
    expect(rows).toContain('France Travail');
    expect(rows.filter((r) => r.startsWith('Commune '))).toEqual(['Commune de Brumeval', 'Commune de Saint-Aubin-sur-Brume', 'Commune d’Orvilliers-la-Forêt']);
  });

  it('writes guidance and placeholders in French, with the 2023-2024 texts, and placeholders without brackets', () => {
    for (const { section } of walkSections(template.sections)) {
      expect(section.guidance.length, section.id).toBeGreaterThan(60);
      expect(section.placeholder, section.id).not.toMatch(/[[\]]|À compléter/);
      expect(`${section.title} ${section.guidance} ${section.placeholder}`, section.id).not.toMatch(/'/);
    }
    const preambule = template.sections[0]!.guidance;
    for (const text of ['loi n° 2014-173', 'circulaire du 31 août 2023', 'instruction du 4 janvier 2024', 'circulaire du 7 novembre 2024']) expect(preambule).toContain(text);
    const guidance = walkSections(template.sections).map(({ section }) => section.guidance).join(' ');
    expect(guidance).toContain('décret n° 2023-1312 du 28 décembre 2023');
    expect(guidance).toContain('50 %');
    expect(guidance).toMatch(/mi-parcours en 2027/);
  });

  it('finds the section of the participation citoyenne, the déclinaison par quartier and the CPO target', () => {
    expect(sectionForRequirement(template, 'EQ-PART')?.path).toEqual(['participation-citoyenne', 'participation-volet']);
    expect(sectionForRequirement(template, 'CAD-CC-LIEU')?.path).toEqual(['participation-citoyenne', 'participation-moyens']);
    expect(sectionForRequirement(template, 'EQ-QUART')?.path).toEqual(['declinaison-quartiers']);
    expect(sectionForRequirement(template, 'EQ-CPO')?.path).toEqual(['moyens', 'moyens-credits-specifiques']);
    expect(sectionForRequirement(template, 'EQ-MIP')?.section.title).toBe('Évaluation à mi-parcours');
  });
});

describe('the 2024 skeleton', () => {
  it('declines the contract per quartier: one item per QPV of the project, with a placeholder to write', () => {
    const content = skeleton.find((s) => s.id === 'declinaison-quartiers')!.content;
    for (const q of meta.qpv) expect(content).toContain(`${q.nom} (${q.code}) : `);
    expect(content.match(/priorités retenues pour ce quartier, actions et projet phare/g)).toHaveLength(meta.qpv.length);
    expect(skeleton.find((s) => s.id === 'territoire')!.content).toContain('décret n° 2023-1312 du 28 décembre 2023');
    expect(skeleton.find((s) => s.id === 'duree')!.content).toContain('Le présent contrat de ville est conclu pour la période 2024-2030.');
  });

  it('claims nothing the team has not written: only the prefilled facts are covered in an empty skeleton', () => {
    const report = check(documentFromSections(skeleton), pack);
    const covered = report.requirements.filter((r) => r.status === 'covered').map((r) => r.id);
    const signatories = pack.requirements.filter((r) => r.kind === 'signataire' && r.level !== 'recommandé').map((r) => r.id);
    expect(covered.sort()).toEqual(['CAD-GOV-DUR', 'CAD-GOV-QPV', ...signatories].sort());
    expect(report.requirements.find((r) => r.id === 'EQ-PART')?.status).toBe('missing');
  });

  it('turns the volet participation citoyenne « couvert » once a paragraph is written in its section', () => {
    const sections = written(
      'formes de participation des habitants pour les six ans : dispositifs, animation, moyens, effet sur les décisions',
      'Pendant les six ans du contrat, la participation des habitants ne se limite pas aux conseils citoyens. ' +
        'Une table de quartier se réunit chaque trimestre dans chacun des trois quartiers, avec un animateur du centre social. ' +
        'Un budget participatif de 30 000 € par an est décidé par les habitants, et le fonds de participation des habitants finance leurs projets. ' +
        'Chaque année, le comité de pilotage répond par écrit aux propositions des tables de quartier.',
    );
    const report = check(documentFromSections(sections), pack);
    const part = report.requirements.find((r) => r.id === 'EQ-PART')!;
    expect(part.status).toBe('covered');
    expect(part.evidence.some((e) => e.headingPath.includes('Volet participation citoyenne'))).toBe(true);
  });
});
