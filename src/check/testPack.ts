import type { Referentiel, Requirement } from '../referential/schema';

/** A small pack for unit tests of the checker's rules (the real packs are tested on the corpus). */

type Draft = Omit<Requirement, 'origin' | 'source' | 'legalBasis' | 'levelReason' | 'evidence'> & {
  evidence: Partial<Requirement['evidence']>;
};

function requirement(d: Draft): Requirement {
  return {
    origin: 'cadre',
    source: `Texte de ${d.id}`,
    legalBasis: 'Test',
    levelReason: 'Test',
    ...d,
    evidence: { phrases: [], acronyms: [], formerNames: [], headings: [], themes: [], ambiguous: [], doesNotCount: [], ...d.evidence },
  };
}

export const TEST_PACK: Referentiel = {
  schemaVersion: 1,
  id: 'test',
  version: '1.0.0',
  title: 'Référentiel de test',
  source: 'Tests',
  date: '2024-01-01',
  conventions: [],
  axes: [{ id: 'axe', label: 'Axe', group: 'autre' }],
  requirements: [
    requirement({
      id: 'FEM-1a', title: 'Volet égalité femmes-hommes', kind: 'volet', level: 'obligatoire', axis: 'axe',
      evidence: {
        phrases: ['égalité entre les femmes et les hommes', 'égalité femmes-hommes', 'égalité F/H'],
        acronyms: ['EFH'],
        headings: ['égalité entre les femmes et les hommes', 'égalité femmes-hommes', 'égalité F/H'],
      },
    }),
    requirement({
      id: 'SAN-5', title: 'Volet santé', kind: 'volet', level: 'attendu', axis: 'axe',
      evidence: { phrases: ['contrat local de santé', 'atelier santé ville'], acronyms: ['ASV'], headings: ['santé'], ambiguous: [{ term: 'CLS', requireAny: ['santé', 'ARS', 'soins'] }] },
    }),
    requirement({
      id: 'INT-1f', title: 'Volet sécurité', kind: 'volet', level: 'obligatoire', axis: 'axe',
      evidence: { phrases: ['prévention de la délinquance'], acronyms: ['CLSPD'], headings: ['sécurité', 'tranquillité publique'], ambiguous: [{ term: 'CLS', requireAny: ['sécurité', 'délinquance', 'police'] }] },
    }),
    requirement({
      id: 'JUS-1', title: 'Procureur signataire', kind: 'signataire', level: 'obligatoire', axis: 'axe',
      evidence: { phrases: ['procureur de la République', 'ministère public'] },
    }),
    requirement({
      id: 'EMP-5b', title: 'France Travail signataire', kind: 'signataire', level: 'obligatoire', axis: 'axe',
      evidence: { formerNames: [{ term: 'Pôle emploi', current: 'France Travail', since: '2024' }] },
    }),
    requirement({
      id: 'ART-2d', title: 'CCI mobilisée', kind: 'partenaire', level: 'attendu', axis: 'axe',
      evidence: { phrases: ['chambre de commerce et d’industrie'], acronyms: ['CCI'] },
    }),
    requirement({
      id: 'FEM-1c', title: 'Marches exploratoires', kind: 'action', level: 'recommandé', axis: 'axe',
      evidence: { phrases: ['marches exploratoires'] },
    }),
    requirement({
      id: 'SPO-2b', title: 'Service civique', kind: 'cible', level: 'recommandé', axis: 'axe',
      target: { value: 25, unit: '%', measure: 'part des jeunes des quartiers', direction: 'min' },
      evidence: { phrases: ['service civique'] },
    }),
  ],
};
