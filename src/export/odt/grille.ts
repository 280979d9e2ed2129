import { paragraphNode, tableNode, textNode, TEXT_FORMAT, type SerializedInlineNode } from '../../template/lexicalNodes';
import { grilleRows } from '../grille';
import type { ExportInput } from '../input';
import type { OdtBody } from './body';
import { frenchDate } from '../dates';

/**
 * The « Grille de complétude » annex (rows from `grilleRows`, shared with the DOCX writer): a summary by pilier
 * or axe, then every obligatoire and attendu requirement with its status, where the contract covers it and its
 * source in the annex. Its headings are not numbered: it is an annex, not a part of the contract.
 */

const cell = (text: string, format = 0): SerializedInlineNode[] => (text ? [textNode(text, format)] : []);
const plural = (n: number, one: string, many: string): string => `${n} ${n > 1 ? many : one}`;

export function grilleXml(input: ExportInput, body: OdtBody): string {
  const grille = grilleRows(input);
  const { totals } = grille;
  let xml = body.heading(1, [textNode('Annexe — Grille de complétude')], false);
  xml += body.text(
    `Grille établie le ${frenchDate(input.date)} au regard du référentiel « ${input.pack.title} » (version ${input.meta.referentiel.version}) : ` +
      `${plural(totals.total, 'exigence obligatoire ou attendue', 'exigences obligatoires ou attendues')}, dont ${plural(totals.covered, 'couverte', 'couvertes')}, ` +
      `${plural(totals.partial, 'partielle', 'partielles')} et ${plural(totals.missing, 'manquante', 'manquantes')}.`,
    'P_Note',
  );
  xml += body.heading(2, [textNode('Synthèse par pilier et axe')], false);
  const summary = grille.summary.map((s) => [
    cell(s.label),
    cell(String(s.total)),
    cell(String(s.covered)),
    cell(String(s.partial)),
    cell(String(s.missing), s.missing > 0 ? TEXT_FORMAT.bold : 0),
  ]);
  const total = [cell('Ensemble', TEXT_FORMAT.bold), ...[totals.total, totals.covered, totals.partial, totals.missing].map((n) => cell(String(n), TEXT_FORMAT.bold))];
  const summaryHeader = ['Pilier ou axe', 'Exigences', 'Couvertes', 'Partielles', 'Manquantes'].map((h) => cell(h));
  xml += body.table(tableNode([summaryHeader, ...summary, total], true), { widths: [44, 14, 14, 14, 14], small: true }, 'Synthèse de la grille');
  xml += body.heading(2, [textNode('Exigences obligatoires et attendues')], false);
  const detail = grille.rows.map((r) => [
    [textNode(`${r.id} `, TEXT_FORMAT.bold), textNode(r.title)],
    cell(r.levelLabel),
    cell(r.statusLabel, r.status === 'covered' ? 0 : TEXT_FORMAT.bold),
    cell(r.where.length > 0 ? '' : '—'),
    cell(r.source),
  ]);
  const header = ['Exigence', 'Niveau', 'Statut', 'Où dans le contrat', 'Source'].map((h) => cell(h));
  const table = tableNode([header, ...detail], true);
  // One paragraph per place, so that places that wrap stay apart.
  grille.rows.forEach((r, i) => {
    if (r.where.length > 0) table.children[i + 1]!.children[3]!.children = r.where.map((place) => paragraphNode([textNode(place)]));
  });
  xml += body.table(table, { widths: [32, 12, 14, 22, 20], small: true }, 'Grille de complétude');
  return xml;
}
