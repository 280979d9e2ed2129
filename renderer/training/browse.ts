import { searchRequirements, type Kind, type Referentiel, type Requirement, type SearchFilters } from '../../src/referential';
import type { BrowserFilters } from '../store/trainingSlice';

/** Small pure helpers of the référentiel browser: the filtered list, the words of its count, the labels. */

/** The requirements that pass the filters and match the search, best first (pack order when there is no query). */
export function browseRequirements(pack: Referentiel, filters: BrowserFilters): { requirement: Requirement; matched: string[] }[] {
  const narrow: SearchFilters = {};
  if (filters.convention) narrow.convention = filters.convention;
  if (filters.axis) narrow.axis = filters.axis;
  if (filters.kind) narrow.kind = filters.kind;
  if (filters.level) narrow.level = filters.level;
  return searchRequirements(pack, filters.query, narrow).map((hit) => ({ requirement: hit.requirement, matched: hit.matched }));
}

/** « Aucune exigence », « 1 exigence », « 12 exigences » — and what they match. */
export function resultSentence(count: number, total: number, filtered: boolean): string {
  if (count === 0) return filtered ? 'Aucune exigence ne correspond à la recherche.' : 'Aucune exigence dans ce référentiel.';
  const noun = `${count} ${count > 1 ? 'exigences' : 'exigence'}`;
  return filtered ? `${noun} sur ${total} ${count > 1 ? 'correspondent' : 'correspond'} à la recherche.` : `${noun} dans ce référentiel.`;
}

export function isFiltered(filters: BrowserFilters): boolean {
  return Object.values(filters).some((v) => v !== '');
}

/** « Ministère de la justice (8 juillet 2013) », or « Cadre légal » for a structural requirement. */
export function conventionLabel(pack: Referentiel, id: string | undefined): string {
  const convention = id ? pack.conventions.find((c) => c.id === id) : undefined;
  if (!convention) return 'Cadre légal et circulaires';
  const ministry = convention.ministry.charAt(0).toUpperCase() + convention.ministry.slice(1);
  return `${ministry} (${convention.date})`;
}

export function axisLabel(pack: Referentiel, id: string): string {
  return pack.axes.find((a) => a.id === id)?.label ?? id;
}

/** A national target in words: « 25 % — part des jeunes des QPV parmi les bénéficiaires (2015) ». */
export function targetLabel(target: NonNullable<Requirement['target']>): string {
  const unit = target.unit === '%' ? '\u00a0%' : ` ${target.unit}`;
  const bound = target.direction === 'max' ? 'au plus ' : '';
  const deadline = target.deadline ? ` (échéance : ${target.deadline})` : '';
  return `${bound}${target.value.toLocaleString('fr-FR')}${unit} — ${target.measure}${deadline}`;
}

/** A kind in the singular, for one requirement (the checklist's KIND_LABEL is plural, for groups). */
export const KIND_NAME: Record<Kind, string> = {
  volet: 'Volet',
  signataire: 'Signataire',
  partenaire: 'Partenaire',
  action: 'Action',
  cible: 'Objectif chiffré',
};
