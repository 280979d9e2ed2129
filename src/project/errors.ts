/**
 * Results and the French messages of the project file. Every expected failure comes back as a value that
 * names the file and says what the person can do; throws are kept for bugs (design.md §4, §5.10).
 */

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: string): Result<T> {
  return { ok: false, error };
}

/** A refusal detected inside a transaction: thrown to roll it back, then turned into a `Result`. */
export class ProjectRefusal extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage);
    this.name = 'ProjectRefusal';
  }
}

/** What was being done when SQLite failed, to phrase the message. */
export type Action = 'open' | 'create' | 'save' | 'read' | 'copy' | 'close';

const UNCHANGED = 'le fichier n’a pas été modifié';

/** The message for a file that is already held by another Pilier window or program. */
export function lockedMessage(fileName: string): string {
  return `Le fichier ${fileName} est déjà ouvert dans une autre fenêtre de Pilier (ou par un autre programme) : fermez-le là-bas puis réessayez ; ${UNCHANGED}.`;
}

export function damagedMessage(fileName: string, detail: string): string {
  return `Le fichier ${fileName} est endommagé (${detail}) : Pilier ne peut pas l’ouvrir ; ${UNCHANGED}. Restaurez une copie de sauvegarde si vous en avez une.`;
}

export function notPilierMessage(fileName: string, detail: string): string {
  return `Le fichier ${fileName} n’est pas un projet Pilier (${detail}) ; ${UNCHANGED}.`;
}

export function newerSchemaMessage(fileName: string, version: number): string {
  return `Le fichier ${fileName} a été créé par une version plus récente de Pilier (schéma ${version}) : mettez Pilier à jour ; ${UNCHANGED}.`;
}

function errorCode(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/** True for errors raised by SQLite or the file system, which are expected; anything else is a bug. */
export function isExpectedError(error: unknown): boolean {
  if (error instanceof ProjectRefusal) return true;
  const code = errorCode(error);
  return code !== undefined && (code.startsWith('SQLITE_') || /^E[A-Z]+$/.test(code));
}

/**
 * Turns a SQLite or file-system error into a sentence for the user. Rethrows anything else: a TypeError
 * is a bug and must surface as one, not as « erreur inconnue ».
 */
export function describeError(fileName: string, action: Action, error: unknown): string {
  if (error instanceof ProjectRefusal) return error.userMessage;
  if (!isExpectedError(error)) throw error;
  const code = errorCode(error) ?? '';
  const writing = action === 'save' || action === 'create' || action === 'copy' || action === 'close';
  const kept =
    action === 'save'
      ? 'les dernières modifications n’ont pas été enregistrées ; le fichier garde l’état du dernier enregistrement réussi'
      : action === 'copy' || action === 'create'
        ? 'aucun fichier incomplet n’a été laissé'
        : UNCHANGED;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return `Le disque est plein : Pilier n’a pas pu écrire ${fileName} ; ${kept}. Libérez de la place puis réessayez.`;
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return lockedMessage(fileName);
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return writing
      ? `Pilier n’a pas le droit d’écrire ${fileName} (fichier ou dossier en lecture seule) ; ${kept}. Enregistrez sous un autre nom ou dans un autre dossier.`
      : `Pilier n’a pas le droit d’ouvrir ${fileName} (fichier ou dossier protégé) ; ${UNCHANGED}.`;
  }
  if (code.startsWith('SQLITE_CORRUPT')) return damagedMessage(fileName, 'base SQLite incohérente');
  if (code === 'SQLITE_NOTADB') return notPilierMessage(fileName, 'son contenu n’est pas une base SQLite');
  if (code === 'SQLITE_TOOBIG') return `Un contenu est trop volumineux pour ${fileName} ; ${kept}.`;
  if (code === 'ENOENT' || code === 'SQLITE_CANTOPEN') {
    return `Le fichier ${fileName} ou son dossier est introuvable ou inaccessible ; ${kept}.`;
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    return `Erreur du disque en accédant à ${fileName} (${code}) ; ${kept}. Vérifiez le support (clé USB retirée, partage réseau coupé ?) puis réessayez.`;
  }
  const verb = { open: 'ouvrir', create: 'créer', save: 'enregistrer', read: 'lire', copy: 'copier', close: 'fermer' }[action];
  return `Pilier n’a pas pu ${verb} ${fileName} (${code}) ; ${kept}.`;
}
