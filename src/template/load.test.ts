import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEST_PACK } from '../check/testPack';
import { parseTemplate, sectionForRequirement, templateProblems, walkSections } from './load';
import { loadTemplateAndPack, TEMPLATE_FILE } from './testFiles';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const { template, pack } = loadTemplateAndPack(read);
const raw = (): Record<string, unknown> => JSON.parse(read(`templates/${TEMPLATE_FILE}`)) as Record<string, unknown>;

describe('the contrat de ville 2015 template', () => {
  it('lists the sections of a 2015 contract in order, each becoming one project section', () => {
    expect(template.sections.map((s) => s.title)).toEqual([
      'Préambule',
      'Le territoire et la géographie prioritaire',
      'Diagnostic territorial participatif',
      'Pilier 1 — Cohésion sociale',
      'Pilier 2 — Cadre de vie et renouvellement urbain',
      'Pilier 3 — Développement de l’activité économique et de l’emploi',
      'Axes transversaux',
      'Conseils citoyens et participation des habitants',
      'Gouvernance et pilotage',
      'Droit commun et moyens',
      'Évaluation et indicateurs',
      'Durée et révision du contrat',
      'Engagements des signataires',
      'Signataires',
      'Annexes',
    ]);
  });

  it('gives every volet the annex requires its own sub-section', () => {
    const titles = walkSections(template.sections).map(({ section }) => section.title);
    for (const t of [
      'Éducation et réussite éducative',
      'Santé et accès aux soins',
      'Culture et expression artistique',
      'Sport',
      'Accès aux droits et aux services',
      'Sécurité et tranquillité publiques, prévention de la délinquance',
      'Desserte et mobilité',
      'Jeunesse',
      'Égalité entre les femmes et les hommes',
      'Prévention et lutte contre les discriminations',
      'Valeurs de la République et citoyenneté',
      'Lieu et moyens de fonctionnement',
      'Formation des conseillers',
      'Convention intercommunale d’attribution',
      'Pacte financier et fiscal de solidarité',
      'Convention d’utilisation de l’abattement de TFPB',
    ]) {
      expect(titles).toContain(t);
    }
  });

  it('cites only requirement ids the référentiel knows, and every obligatoire or attendu one is served', () => {
    expect(templateProblems(template, pack)).toEqual([]);
    const served = new Set(walkSections(template.sections).flatMap(({ section }) => section.requirements));
    const required = pack.requirements.filter((r) => r.level !== 'recommandé');
    expect(required).toHaveLength(39);
    expect(required.filter((r) => !served.has(r.id)).map((r) => r.id)).toEqual([]);
    // Beyond the brief: every requirement of the pack, recommandé included, has a section to write it in.
    expect(pack.requirements.filter((r) => !served.has(r.id)).map((r) => r.id)).toEqual([]);
  });

  it('names a row of the signature table for every required signatory', () => {
    const named = new Set(template.signatories.map((s) => s.requirement));
    const required = pack.requirements.filter((r) => r.kind === 'signataire' && r.level !== 'recommandé').map((r) => r.id);
    expect(required.filter((id) => !named.has(id))).toEqual([]);
  });

  it('writes guidance and placeholders in French, and placeholders without brackets', () => {
    for (const { section } of walkSections(template.sections)) {
      expect(section.guidance.length, section.id).toBeGreaterThan(60);
      expect(section.placeholder, section.id).not.toMatch(/[[\]]|À compléter/);
      expect(`${section.title} ${section.guidance} ${section.placeholder}`, section.id).not.toMatch(/'/);
    }
  });

  it('finds the most specific section serving a requirement', () => {
    expect(sectionForRequirement(template, 'FEM-1a')?.path).toEqual(['axes-transversaux', 'axe-egalite']);
    expect(sectionForRequirement(template, 'CAD-PIL-CS')?.path).toEqual(['pilier-cohesion-sociale']);
    expect(sectionForRequirement(template, 'INT-1f')?.section.title).toBe('Sécurité et tranquillité publiques, prévention de la délinquance');
    expect(sectionForRequirement(template, 'XYZ-1')).toBeUndefined();
  });
});

describe('parseTemplate', () => {
  it('explains in French, naming the file and the field, what is wrong', () => {
    expect(parseTemplate('{', 'modele.json')).toMatchObject({ ok: false, error: expect.stringMatching(/^Le modèle modele\.json n'est pas du JSON valide/) });

    const noTitle = raw();
    delete noTitle.title;
    expect(parseTemplate(JSON.stringify(noTitle), 'modele.json')).toEqual({ ok: false, error: expect.stringMatching(/^Le modèle modele\.json est invalide : champ title : /) });

    const badId = raw() as { sections: { id: string; children?: { id: string }[] }[] };
    badId.sections[3]!.children![1]!.id = 'Santé';
    const result = parseTemplate(JSON.stringify(badId), 'modele.json');
    expect(result).toEqual({ ok: false, error: expect.stringContaining('champ sections[3 « pilier-cohesion-sociale »].children[1 « Santé »].id : identifiant attendu en minuscules') });
  });

  it('refuses duplicate ids, placeholders with brackets, a fourth level, and newer schema versions', () => {
    const dup = raw() as { sections: { id: string }[] };
    dup.sections[1]!.id = 'preambule';
    expect(parseTemplate(JSON.stringify(dup), 'm.json')).toEqual({ ok: false, error: 'Le modèle m.json est invalide : l\'identifiant de section « preambule » est utilisé deux fois.' });

    const brackets = raw() as { sections: { placeholder: string }[] };
    brackets.sections[0]!.placeholder = '[À compléter : préambule]';
    expect(parseTemplate(JSON.stringify(brackets), 'm.json')).toMatchObject({ ok: false, error: expect.stringContaining('champ sections[0 « preambule »].placeholder : sans crochets') });

    const deep = raw() as { sections: { children?: { children?: unknown[] }[] }[] };
    const leaf = { id: 'x', title: 'X', requirements: [], guidance: 'g', placeholder: 'p' };
    deep.sections[3]!.children![0]!.children = [{ ...leaf, children: [{ ...leaf, id: 'y' }] }];
    expect(parseTemplate(JSON.stringify(deep), 'm.json')).toMatchObject({ ok: false, error: expect.stringContaining('section « y » : trop profonde') });

    expect(parseTemplate(JSON.stringify({ ...raw(), schemaVersion: 2 }), 'm.json')).toEqual({
      ok: false,
      error: 'Le modèle m.json a été écrit par une version plus récente de Pilier (schemaVersion 2) : mettez Pilier à jour.',
    });
  });

  it('reports requirement ids a pack does not know and required ones left unserved', () => {
    const problems = templateProblems(template, TEST_PACK);
    expect(problems[0]).toBe('le modèle « contrat-de-ville-2015 » est prévu pour le référentiel « annexe-1-2014 », pas « test »');
    expect(problems).toContain('section « cs-education » : exigence « EDU-1 » inconnue du référentiel');
    const lean = { ...pack, requirements: [...pack.requirements, { ...pack.requirements[0]!, id: 'CAD-NEW-1', level: 'obligatoire' as const }] };
    expect(templateProblems(template, lean)).toEqual(['exigence obligatoire « CAD-NEW-1 » servie par aucune section']);
  });
});
