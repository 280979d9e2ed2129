import { Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, TableRow, TextRun, type FileChild, type ParagraphChild } from 'docx';
import type { Referentiel, Requirement } from '../../referential/schema';
import { frenchDate } from '../dates';
import { columnWidths, styledTable, textCell } from '../docx/blocks';
import { cleanText, NOT_XML } from '../docx/inline';
import { BULLETS, EXTERNAL_STYLES, LANGUAGE, numberingOptions, PAGE, STYLE, stylesOptions } from '../docx/styles';
import { KIND_LABELS, LEVEL_LABELS, selectRequirements, SOURCE_FORM_LABELS, targetText, vocabularyLines, type HandoutGroup } from './select';

/**
 * The référentiel as a training handout (.docx): title, the pack's source and date, then per convention (or per
 * axe) each requirement with its id, title, kind, level and why, its source text, national target, evidence
 * vocabulary, and one wording that counts and one that does not. Word's own styles (Titre, Titre 1–3, Normal,
 * list paragraphs, the table style with its header row repeated), language fr-FR, title in the properties.
 * Pure: bytes out, the date comes in.
 */

export interface HandoutInput {
  pack: Referentiel;
  /** Only these requirements (the browser's filtered list), in pack order; all when absent. */
  requirementIds?: readonly string[];
  /** The handout's title; the pack's title when absent. */
  title?: string;
  /** ISO date printed on the first page. */
  date: string;
}

export type HandoutResult = { ok: true; bytes: Uint8Array; requirements: number } | { ok: false; error: string };

const language = { value: LANGUAGE };
const run = (text: string, options: { bold?: boolean; italics?: boolean } = {}): TextRun => new TextRun({ text: cleanText(text), language, ...options });
const para = (children: ParagraphChild[], style?: string): Paragraph => new Paragraph({ children, ...(style ? { style } : {}) });
const labelled = (label: string, text: string): Paragraph => para([run(`${label} : `, { bold: true }), run(text)]);
const bullet = (children: ParagraphChild[]): Paragraph => new Paragraph({ children, numbering: { reference: BULLETS, level: 0 } });
const heading = (text: string, level: 1 | 2 | 3): Paragraph =>
  new Paragraph({ heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][level - 1], children: [run(text)] });

function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function coreXml(title: string, pack: Referentiel, date: string): string {
  const when = `${/^\d{4}-\d{2}-\d{2}/.exec(date)?.[0] ?? '2020-01-01'}T00:00:00Z`;
  const el = (name: string, value: string): string => `<${name}>${escapeXml(value)}</${name}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    el('dc:title', title) +
    el('dc:subject', 'Référentiel des contrats de ville (support de formation)') +
    el('dc:creator', 'Pilier') +
    el('cp:keywords', ['contrat de ville', 'politique de la ville', 'référentiel', pack.id].join('; ')) +
    el('dc:description', `Référentiel ${pack.id} (version ${pack.version}) : ${pack.source}`) +
    el('dc:language', LANGUAGE) +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** The summary table: one row per requirement; its header row repeats on every page. */
function summaryTable(groups: HandoutGroup[]): FileChild {
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: ['Identifiant', 'Exigence', 'Type', 'Niveau'].map((t) => textCell([[run(t, { bold: true })]], { header: true })) });
  const rows = [header];
  for (const g of groups) {
    rows.push(new TableRow({ cantSplit: true, children: [textCell([[run(g.title, { bold: true })]], { columnSpan: 4, fill: 'F2F2F2', keepNext: true })] }));
    for (const r of g.requirements) {
      rows.push(new TableRow({ cantSplit: true, children: [r.id, r.title, KIND_LABELS[r.kind], LEVEL_LABELS[r.level]].map((t) => textCell([[run(t)]])) }));
    }
  }
  return styledTable(rows, columnWidths(4, [0.2, 0.46, 0.17, 0.17]));
}

/** The facts of one requirement as a two-column table (label, value), header row repeated. */
function factsTable(r: Requirement, pack: Referentiel): FileChild {
  const convention = r.convention ? pack.conventions.find((c) => c.id === r.convention) : undefined;
  const facts: [string, string][] = [
    ['Type', KIND_LABELS[r.kind]],
    ['Niveau', `${LEVEL_LABELS[r.level]} — ${r.levelReason}`],
    ...(convention ? ([['Convention', `${convention.ministry} (${convention.date})`]] as [string, string][]) : []),
    ['Référence', r.legalBasis],
    ...(r.sourceForm ? ([['Forme de la source', SOURCE_FORM_LABELS[r.sourceForm]]] as [string, string][]) : []),
    ['Objectif national', targetText(r) ?? 'aucun'],
  ];
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: ['Élément', 'Contenu'].map((t) => textCell([[run(t, { bold: true })]], { header: true })) });
  const rows = facts.map(([label, value]) => new TableRow({ cantSplit: true, children: [textCell([[run(label, { bold: true })]]), textCell([[run(value)]])] }));
  return styledTable([header, ...rows], columnWidths(2, [0.24, 0.76]));
}

function requirementBlocks(r: Requirement, pack: Referentiel): FileChild[] {
  // Only a verbatim source is printed as a quotation; extracts and paraphrases carry their own quotation marks.
  const verbatim = (r.sourceForm ?? 'verbatim') === 'verbatim';
  const source = verbatim ? `« ${r.source.replace(/^«\s*|\s*»$/g, '')} »` : r.source;
  const out: FileChild[] = [heading(`${r.id} — ${r.title}`, 2), factsTable(r, pack), heading('Texte source', 3), para([run(source, { italics: verbatim })])];
  out.push(heading('Ce qui compte comme preuve', 3));
  for (const line of vocabularyLines(r)) out.push(bullet([run(`${line.label} : `, { bold: true }), run(line.text)]));
  if (r.evidence.doesNotCount.length > 0) {
    out.push(para([run('Ne compte pas :', { bold: true })]));
    for (const cue of r.evidence.doesNotCount) out.push(bullet([run(cue)]));
  }
  if (r.examples) {
    out.push(heading('Exemples', 3));
    out.push(labelled('Formulation conforme', `« ${r.examples.compliant} »`));
    out.push(labelled('Formulation qui ne compte pas', `« ${r.examples.notCounting} »`));
  }
  return out;
}

/** Builds the handout, or says in French why it cannot (unknown ids, nothing selected). */
export async function buildReferentielDocx(input: HandoutInput): Promise<HandoutResult> {
  const { pack } = input;
  const selection = selectRequirements(pack, input.requirementIds);
  if (!selection.ok) return selection;
  const title = input.title?.trim() || pack.title;
  const filtered = input.requirementIds !== undefined && selection.count < pack.requirements.length;
  const children: FileChild[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [run(title)] }),
    labelled('Référentiel', `${pack.title} (version ${pack.version})`),
    labelled('Source', pack.source),
    labelled('Date du référentiel', /^\d{4}-\d{2}-\d{2}$/.test(pack.date) ? frenchDate(pack.date) : pack.date),
    para([run(`${selection.count} exigence${selection.count > 1 ? 's' : ''}${filtered ? ` sur ${pack.requirements.length} (sélection)` : ''}. Support imprimé le ${frenchDate(input.date)} avec Pilier.`)], STYLE.note),
    ...(pack.note ? [para([run(pack.note)], STYLE.note)] : []),
    heading('Sommaire des exigences', 1),
    summaryTable(selection.groups),
  ];
  for (const g of selection.groups) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [run(g.title)] }));
    for (const r of g.requirements) children.push(...requirementBlocks(r, pack));
  }
  const margin = { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: PAGE.header, footer: PAGE.footer };
  const document = new Document({
    title,
    creator: 'Pilier',
    externalStyles: EXTERNAL_STYLES,
    styles: stylesOptions(false),
    numbering: numberingOptions(),
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin } },
        headers: { default: new Header({ children: [para([run(title)], STYLE.header)] }) },
        footers: { default: new Footer({ children: [new Paragraph({ style: STYLE.footer, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' sur ', PageNumber.TOTAL_PAGES], language })] })] }) },
        children,
      },
    ],
  });
  const bytes = await Packer.pack(document, 'uint8array', false, [{ path: 'docProps/core.xml', data: coreXml(title, pack, input.date) }]);
  return { ok: true, bytes, requirements: selection.count };
}
