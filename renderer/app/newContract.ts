import type { NewProjectMeta } from '../../src/api/contract';

/** What the « Nouveau contrat » form holds while the user types. */
export interface NewContractDraft {
  territoire: string;
  epci: string;
  /** One commune per line. */
  communes: string;
  qpv: { nom: string; code: string }[];
  debut: string;
  fin: string;
  /** `id@version` of the chosen référentiel. */
  referentiel: string;
}

export type DraftField = 'territoire' | 'epci' | 'communes' | 'debut' | 'fin' | 'referentiel' | `qpv-${number}-nom` | `qpv-${number}-code` | 'qpv';

export type Validation = { ok: true; meta: NewProjectMeta; suggestedName: string } | { ok: false; errors: Partial<Record<DraftField, string>> };

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
/** QP + six digits (2015 geography), or QN + six or seven characters (2024 geography). */
const QPV_CODE = /^Q[PN][0-9A-Z]{6,7}$/;

function dateProblem(value: string, label: string): string | undefined {
  if (!value) return `Indiquez l’année de ${label} du contrat (par exemple 2024).`;
  if (!DATE.test(value)) return `L’année de ${label} doit s’écrire avec quatre chiffres (2024) ou comme une date (2024-01-01).`;
  const [, month, day] = value.split('-').map(Number);
  if (month !== undefined && (month < 1 || month > 12)) return `Le mois de la date de ${label} doit être compris entre 01 et 12.`;
  if (day !== undefined && (day < 1 || day > 31)) return `Le jour de la date de ${label} doit être compris entre 01 et 31.`;
  return undefined;
}

/**
 * Checks the form and builds the metadata `project:create` expects. Every message says what to write, in
 * French; the host validates again (design.md §5.3).
 */
export function validateDraft(draft: NewContractDraft): Validation {
  const errors: Partial<Record<DraftField, string>> = {};
  const territoire = draft.territoire.trim();
  if (!territoire) errors.territoire = 'Indiquez le nom du territoire du contrat (par exemple « Agglomération du Grand Brévannais »).';
  const communes = draft.communes
    .split('\n')
    .map((c) => c.trim())
    .filter(Boolean);
  if (communes.length === 0) errors.communes = 'Indiquez au moins une commune, une par ligne.';
  const qpv: { nom: string; code: string }[] = [];
  draft.qpv.forEach((row, i) => {
    const nom = row.nom.trim();
    const code = row.code.trim().toUpperCase();
    if (!nom && !code) return;
    if (!nom) errors[`qpv-${i}-nom`] = `Donnez le nom du quartier n° ${i + 1}.`;
    if (code && !QPV_CODE.test(code)) {
      errors[`qpv-${i}-code`] = `Le code du quartier n° ${i + 1} doit ressembler à QP075001 (QP suivi de six chiffres) ou, pour la géographie 2024, à QN07501M.`;
    }
    qpv.push({ nom, code });
  });
  if (qpv.length === 0) errors.qpv = 'Indiquez au moins un quartier prioritaire (QPV).';
  const debut = draft.debut.trim();
  const fin = draft.fin.trim();
  const debutProblem = dateProblem(debut, 'début');
  const finProblem = dateProblem(fin, 'fin');
  if (debutProblem) errors.debut = debutProblem;
  if (finProblem) errors.fin = finProblem;
  if (!debutProblem && !finProblem && fin.slice(0, 4) < debut.slice(0, 4)) errors.fin = 'La fin du contrat doit venir après son début.';
  const [id, version] = draft.referentiel.split('@');
  if (!id || !version) errors.referentiel = 'Choisissez le référentiel des engagements.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    meta: {
      territoire,
      epci: draft.epci.trim(),
      communes,
      qpv,
      periode: { debut, fin },
      referentiel: { id: id!, version: version! },
      signataires: [],
      mode: 'redaction',
    },
    suggestedName: `Contrat de ville – ${territoire}`,
  };
}

/** A contract's période as the form holds it. */
export type DraftPeriode = { debut: string; fin: string };
export { templatePeriode } from '../../src/template/load';

/**
 * The draft with another référentiel chosen (`id@version`). The période follows the choice (2015–2020 for the
 * Annexe 1, 2024–2030 for Quartiers 2030) unless the user typed one: a field still empty or still holding the
 * previous référentiel's default takes the new default; a field the user changed is kept.
 */
export function chooseReferentiel(draft: NewContractDraft, referentiel: string, periodeOf: (referentiel: string) => DraftPeriode | undefined): NewContractDraft {
  const before = periodeOf(draft.referentiel);
  const after = periodeOf(referentiel);
  const follows = (value: string, previous: string | undefined): boolean => value.trim() === '' || value === previous;
  return {
    ...draft,
    referentiel,
    debut: follows(draft.debut, before?.debut) ? (after?.debut ?? '') : draft.debut,
    fin: follows(draft.fin, before?.fin) ? (after?.fin ?? '') : draft.fin,
  };
}
