import type { Reviewer, Verdict } from '../../src/api/contract';
import { VERDICTS } from '../../src/api/contract';
import { formatDateTime } from '../ui/format';

/** The reviewer's verdicts in French, in the order the controls offer them. */
export const VERDICT_LABEL: Record<Verdict, string> = {
  conforme: 'conforme',
  'a-completer': 'à compléter',
  'non-conforme': 'non conforme',
  'sans-objet': 'sans objet',
};

export const VERDICT_OPTIONS: readonly { value: Verdict; label: string }[] = VERDICTS.map((value) => ({ value, label: VERDICT_LABEL[value] }));

export function isVerdict(value: string): value is Verdict {
  return (VERDICTS as readonly string[]).includes(value);
}

/** « Claire Martin, 25 novembre 2026 à 23:40 »: who recorded it and when (`at` empty: not saved yet). */
export function formatWho(reviewer: Reviewer, at: string): string {
  return at ? `${reviewer.nom}, ${formatDateTime(at)}` : reviewer.nom;
}

/** The last part of a path, whatever the separator. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The name the save dialog suggests for a review project: « Relecture — contrat-vionne » (no extension). */
export function reviewProjectName(sourcePath: string): string {
  const name = fileNameOf(sourcePath);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return `Relecture — ${stem}`;
}
