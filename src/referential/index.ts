export { parsePack, validatePack, type PackResult } from './load';
export { parseAnnexBullets, type AnnexBullet } from './annex';
export * from './schema';
export { searchRequirements, type SearchHit, type SearchFilters } from './search';
export { comparePacks, normalizeTitle, COMPARED_FIELDS, type PackChange, type PackComparison } from './compare';
export { parseGlossary, searchGlossary, acronymKey, type GlossaryEntry } from './glossary';
