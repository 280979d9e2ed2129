import type { Kind, Level, Referentiel, Requirement } from '../../referential/schema';

/**
 * What a référentiel handout holds: the pack's requirements (or the filtered list the browser shows), grouped by
 * convention for a pack of conventions, by axe otherwise, in pack order. Pure, shared by the writer and its tests.
 */

export const KIND_LABELS: Record<Kind, string> = {
  volet: 'Volet',
  signataire: 'Signataire',
  partenaire: 'Partenaire à associer',
  action: 'Action à décliner',
  cible: 'Objectif chiffré',
};

export const LEVEL_LABELS: Record<Level, string> = { obligatoire: 'Obligatoire', attendu: 'Attendu', recommandé: 'Recommandé' };

export const SOURCE_FORM_LABELS: Record<NonNullable<Requirement['sourceForm']>, string> = {
  verbatim: 'texte cité mot pour mot',
  extraits: 'extraits cités entre guillemets, le reste résumé',
  paraphrase: 'résumé du texte cité (paraphrase)',
};

export interface HandoutGroup {
  /** « Convention avec le ministère … (date) » or the axe's label. */
  title: string;
  requirements: Requirement[];
}

export type Selection =
  | { ok: true; groups: HandoutGroup[]; count: number }
  | { ok: false; error: string };

/** The requirements to print, grouped; unknown ids are refused by name (a stale filter would silently print less). */
export function selectRequirements(pack: Referentiel, requirementIds?: readonly string[]): Selection {
  let chosen = pack.requirements;
  if (requirementIds) {
    const known = new Set(pack.requirements.map((r) => r.id));
    const unknown = requirementIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      const shown = unknown.slice(0, 3).map((id) => `« ${id} »`).join(', ');
      return { ok: false, error: `Le référentiel « ${pack.title} » ne contient pas ${unknown.length > 1 ? 'les exigences' : 'l’exigence'} ${shown}${unknown.length > 3 ? '…' : ''} : mettez la liste à jour et réessayez.` };
    }
    const wanted = new Set(requirementIds);
    chosen = pack.requirements.filter((r) => wanted.has(r.id));
  }
  if (chosen.length === 0) return { ok: false, error: 'Aucune exigence à imprimer : élargissez la recherche ou les filtres, puis réessayez.' };
  const groups: HandoutGroup[] = [];
  const byKey = new Map<string, HandoutGroup>();
  const add = (key: string, title: string, r: Requirement) => {
    let g = byKey.get(key);
    if (!g) byKey.set(key, (g = { title, requirements: [] }));
    g.requirements.push(r);
  };
  const conventions = new Map(pack.conventions.map((c) => [c.id, c]));
  const axes = new Map(pack.axes.map((a) => [a.id, a.label]));
  for (const r of chosen) {
    const c = r.convention ? conventions.get(r.convention) : undefined;
    if (c) add(`c:${c.id}`, `Convention avec le ${c.ministry} (${c.date})`, r);
    else add(`a:${r.axis}`, axes.get(r.axis) ?? r.axis, r);
  }
  // Conventions first, in the pack's order, then the axes in the pack's order.
  for (const c of pack.conventions) if (byKey.has(`c:${c.id}`)) groups.push(byKey.get(`c:${c.id}`)!);
  for (const a of pack.axes) if (byKey.has(`a:${a.id}`)) groups.push(byKey.get(`a:${a.id}`)!);
  return { ok: true, groups, count: chosen.length };
}

/** « 25 % — part des jeunes … (échéance 2020 ; référence …) », or undefined. */
export function targetText(r: Requirement): string | undefined {
  const t = r.target;
  if (!t) return undefined;
  const figure = `${t.direction === 'max' ? 'au plus ' : 'au moins '}${t.value.toLocaleString('fr-FR')}${t.unit === '%' ? '\u00a0%' : ` ${t.unit}`}`;
  const extra = [t.deadline ? `échéance ${t.deadline}` : '', t.baseline ? `référence : ${t.baseline}` : ''].filter(Boolean).join(' ; ');
  return `${figure} — ${t.measure}${extra ? ` (${extra})` : ''}`;
}

/** The evidence vocabulary as labelled lines, only the non-empty ones. */
export function vocabularyLines(r: Requirement): Array<{ label: string; text: string }> {
  const e = r.evidence;
  const quoteAll = (items: string[]) => items.map((x) => `« ${x} »`).join(', ');
  const lines = [
    { label: 'Expressions', text: quoteAll(e.phrases) },
    { label: 'Sigles', text: e.acronyms.join(', ') },
    { label: 'Anciens noms', text: e.formerNames.map((f) => `« ${f.term} » → « ${f.current} »${f.since ? ` (${f.since})` : ''}`).join(' ; ') },
    { label: 'Titres de section', text: quoteAll(e.headings) },
    { label: 'Sous-thèmes', text: quoteAll(e.themes) },
    { label: 'Selon le contexte', text: e.ambiguous.map((a) => `« ${a.term} » (avec ${a.requireAny.map((w) => `« ${w} »`).join(' ou ')})`).join(' ; ') },
  ];
  return lines.filter((l) => l.text.length > 0);
}
