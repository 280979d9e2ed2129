export { buildReferentielDocx, type HandoutInput, type HandoutResult } from './docx';
export { selectRequirements, KIND_LABELS, LEVEL_LABELS, type HandoutGroup } from './select';
