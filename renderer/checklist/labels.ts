import type { Status } from '../../src/check';
import type { Kind, Level } from '../../src/referential';

/** French words for the checker's values, shared by the checklist, the outline and the passage panel. */
export const STATUS_LABEL: Record<Status, string> = { covered: 'couvert', partial: 'partiel', missing: 'manquant' };

export const KIND_LABEL: Record<Kind, string> = {
  volet: 'Volets',
  signataire: 'Signataires',
  partenaire: 'Partenaires',
  action: 'Actions',
  cible: 'Objectifs chiffrés',
};

export const LEVEL_LABEL: Record<Level, string> = { obligatoire: 'obligatoire', attendu: 'attendu', recommandé: 'recommandé' };

export const GROUP_LABEL: Record<string, string> = {
  pilier: 'Pilier',
  stratégie: 'Stratégie',
  'axe transversal': 'Axe transversal',
  gouvernance: 'Gouvernance',
  signataires: 'Signataires',
  annexes: 'Annexes',
  autre: 'Autre',
};
