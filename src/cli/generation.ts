import type { ContractDocument } from '../document/model';
import type { Referentiel } from '../referential/schema';
import { periodeIn, templateForYear, type Template } from '../template/load';

/**
 * When the user named no référentiel and a contract's période says it belongs to another generation than `pack`
 * (a 2024-2030 contract checked against the 2014 Annexe 1), the French warning that says which one to use.
 */
export function generationHint(file: string, document: ContractDocument, pack: Referentiel, templates: readonly Template[]): string | undefined {
  const head = [document.title ?? '', ...document.blocks.slice(0, 20).map((b) => b.text)].join(' ');
  const periode = periodeIn(head);
  const template = templateForYear(templates, periode?.debut);
  if (!periode || !template || template.referentiel === pack.id) return undefined;
  return `Attention : ${file} couvre la période ${periode.debut}-${periode.fin}, qui relève du référentiel « ${template.referentiel} » ; il est vérifié ici avec « ${pack.id} ». Relancez avec --referentiel ${template.referentiel} pour le vérifier avec le sien.`;
}
