import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { parsePack, type PackResult } from '../referential/load';
import { availableReferentiels } from './root';

/**
 * Loads and validates a référentiel: by id from `seeds/referentiel-<id>.json`, or from a path to a `.json`
 * file (relative to `cwd`) for people writing a new pack.
 */
export async function loadReferentiel(idOrPath: string, root: string | undefined, cwd: string): Promise<PackResult> {
  const isPath = /\.json$/i.test(idOrPath) || idOrPath.includes('/') || idOrPath.includes('\\');
  if (isPath) {
    const file = isAbsolute(idOrPath) ? idOrPath : resolve(cwd, idOrPath);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return { ok: false, error: `Le référentiel ${idOrPath} est introuvable ou illisible.` };
    }
    return parsePack(text, idOrPath);
  }
  const ids = await availableReferentiels(root);
  if (!root || !ids.includes(idOrPath)) {
    const known = ids.length > 0 ? `Référentiels disponibles : ${ids.join(', ')}.` : 'Aucun référentiel trouvé dans le dossier seeds/ de Pilier.';
    return { ok: false, error: `Référentiel inconnu : « ${idOrPath} ». ${known}` };
  }
  const fileName = `referentiel-${idOrPath}.json`;
  let text: string;
  try {
    text = await readFile(join(root, 'seeds', fileName), 'utf8');
  } catch {
    return { ok: false, error: `Le référentiel ${fileName} est illisible.` };
  }
  const parsed = parsePack(text, fileName);
  if (parsed.ok && parsed.pack.id !== idOrPath) {
    return { ok: false, error: `Le référentiel ${fileName} porte l'identifiant « ${parsed.pack.id} » au lieu de « ${idOrPath} ».` };
  }
  return parsed;
}
