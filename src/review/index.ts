/**
 * Review mode's core (pure: runs in the renderer, the main process and the CLI): the reviewer's grille and summary,
 * re-anchoring comments on passages, the review package and its merge into the author's project.
 */
export { evidencePlace, NO_VERDICT_LABEL, reviewerLabel, reviewRows, reviewSummary, VERDICT_LABELS, type AxisCount, type MissingItem, type ReviewRow, type ReviewSummary } from './summary';
export { PASSAGE_CHANGED, relocate, sectionAnchor, sectionOf, type AnchorMatch, type Relocated } from './anchor';
export { MAX_PACKAGE_BYTES, PACKAGE_EXTENSION, PACKAGE_SCHEMA_VERSION, packageOf, readPackage, ReviewPackageSchema, writePackage, type ReviewPackage } from './package';
export { mergePackage, type MergeInput, type MergePlan } from './merge';
