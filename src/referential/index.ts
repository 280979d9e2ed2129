export { parsePack, validatePack, type PackResult } from './load';
export { parseAnnexBullets, type AnnexBullet } from './annex';
export * from './schema';
