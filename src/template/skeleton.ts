import type { Referentiel } from '../referential/schema';
import {
  editorStateJson,
  headingNode,
  inlineNodes,
  listNode,
  paragraphNode,
  placeholderNode,
  placeholderText,
  tableNode,
  type SerializedBlockNode,
  type SerializedInlineNode,
} from './lexicalNodes';
import type { Prefill, Template, TemplateSection } from './schema';

/** What the « Nouveau contrat » form tells the skeleton (a subset of the project's metadata). */
export interface SkeletonMeta {
  territoire: string;
  epci: string;
  communes: string[];
  qpv: { nom: string; code: string }[];
  periode: { debut: string; fin: string };
}

/** A project section as the IPC contract stores it: `content` is a serialised Lexical editor state. */
export interface NewSection {
  id: string;
  position: number;
  title: string;
  content: string;
}

const SIGNATURE_HEADER = ['Institution', 'Représentée par', 'Signature'];

const NUMBERS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

const spelled = (n: number): string => NUMBERS[n] ?? String(n);

/** « de » before a name, with elision and contraction: d’Arles, du Havre, des Mureaux, de Brévanne. */
export function deName(name: string): string {
  const n = name.trim();
  if (/^le\s/i.test(n)) return `du ${n.slice(3)}`;
  if (/^les\s/i.test(n)) return `des ${n.slice(4)}`;
  if (/^[aeiouyhàâäéèêëîïôöùûüœ]/i.test(n)) return `d’${n}`;
  return `de ${n}`;
}

/** « A », « A et B », « A, B et C ». */
function enumerate(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} et ${names.at(-1)!}`;
}

function parseDate(d: string): { year: number; month?: number; day?: number } {
  const [y, m, day] = d.split('-').map(Number);
  return { year: y!, ...(m ? { month: m } : {}), ...(day ? { day } : {}) };
}

function formatDate(d: string): string {
  const { year, month, day } = parseDate(d);
  if (!month) return String(year);
  const m = MONTHS[month - 1] ?? String(month);
  if (!day) return `${m} ${year}`;
  return `${day === 1 ? '1er' : day} ${m} ${year}`;
}

/** « 2015-2020 » when both ends are years; else « du 1er janvier 2015 au 31 décembre 2020 », « d’avril 2024 à 2030 ». */
export function periodLabel(periode: SkeletonMeta['periode']): string {
  if (/^\d{4}$/.test(periode.debut) && /^\d{4}$/.test(periode.fin)) return `${periode.debut}-${periode.fin}`;
  const from = parseDate(periode.debut).day ? `du ${formatDate(periode.debut)}` : deName(formatDate(periode.debut));
  const to = parseDate(periode.fin).day ? `au ${formatDate(periode.fin)}` : `à ${formatDate(periode.fin)}`;
  return `${from} ${to}`;
}

/** « six ans », « 18 mois » (whole months, from the first month of the start to the last of the end). */
export function durationLabel(periode: SkeletonMeta['periode']): string {
  const a = parseDate(periode.debut);
  const b = parseDate(periode.fin);
  const months = (b.year - a.year) * 12 + ((b.month ?? 12) - (a.month ?? 1)) + 1;
  if (!Number.isFinite(months) || months <= 0) return placeholderText('durée du contrat');
  if (months % 12 === 0) return `${spelled(months / 12)} ${months === 12 ? 'an' : 'ans'}`;
  return `${months} mois`;
}

/** Values of the `{variables}` of prefilled text. */
function variablesOf(meta: SkeletonMeta): Record<string, string> {
  const communes = meta.communes.map((c) => c.trim()).filter(Boolean);
  const qpv = meta.qpv.length;
  return {
    territoire: meta.territoire.trim() || placeholderText('territoire'),
    epci: meta.epci.trim() || placeholderText('nom de l’EPCI'),
    communes:
      communes.length === 0
        ? `les communes ${placeholderText('communes concernées')}`
        : communes.length === 1
          ? `la commune ${deName(communes[0]!)}`
          : `les communes ${deName(enumerate(communes))}`,
    quartiers: qpv === 0 ? 'les quartiers prioritaires' : `${spelled(qpv)} ${qpv === 1 ? 'quartier prioritaire' : 'quartiers prioritaires'}`,
    periode: periodLabel(meta.periode),
    duree: durationLabel(meta.periode),
  };
}

function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

function prefillNodes(prefill: Prefill, meta: SkeletonMeta, vars: Record<string, string>): SerializedBlockNode[] {
  if (prefill.type === 'paragraph') return [paragraphNode(inlineNodes(fill(prefill.text, vars)))];
  const items =
    meta.qpv.length === 0
      ? [{ content: [placeholderNode('nom et code de chaque quartier prioritaire')] as SerializedInlineNode[] }]
      : meta.qpv.map((q) => {
          const own = { ...vars, nom: q.nom.trim(), code: q.code.trim() };
          return { content: inlineNodes(fill(q.code.trim() ? prefill.item : prefill.itemWithoutCode, own)) };
        });
  return [listNode('bullet', items)];
}

/**
 * Rows of the signature table: one per `signataire` requirement of level obligatoire or attendu, in the
 * template's order (the maires: one row per commune), then any such requirement the template does not name.
 */
export function signatureRows(template: Template, pack: Referentiel, meta: SkeletonMeta): [string, string][] {
  const required = pack.requirements.filter((r) => r.kind === 'signataire' && r.level !== 'recommandé');
  const requiredIds = new Set(required.map((r) => r.id));
  const vars = variablesOf(meta);
  const rows: [string, string][] = [];
  const named = new Set<string>();
  for (const s of template.signatories) {
    if (!requiredIds.has(s.requirement)) continue;
    named.add(s.requirement);
    if (s.perCommune) {
      const communes = meta.communes.map((c) => c.trim()).filter(Boolean);
      const list = communes.length > 0 ? communes : [placeholderText('commune')];
      for (const commune of list) {
        const own = { ...vars, commune, deCommune: deName(commune) };
        rows.push([fill(s.institution, own), fill(s.representedBy, own)]);
      }
    } else rows.push([fill(s.institution, vars), fill(s.representedBy, vars)]);
  }
  for (const r of required) if (!named.has(r.id)) rows.push([r.title, placeholderText('qualité du signataire')]);
  return rows;
}

/**
 * The nodes of one template section: its heading (`h2` at depth 2, `h3` at depth 3; none at depth 1, where the
 * title is the project section's own), the text prefilled from the metadata, its placeholder, the signature
 * table, then its sub-sections. Used by the skeleton and by « Insérer la section ».
 */
export function templateSectionNodes(section: TemplateSection, template: Template, pack: Referentiel, meta: SkeletonMeta, depth = 1): SerializedBlockNode[] {
  const vars = variablesOf(meta);
  const nodes: SerializedBlockNode[] = [];
  if (depth > 1) nodes.push(headingNode(depth === 2 ? 'h2' : 'h3', inlineNodes(section.title)));
  for (const p of section.prefill ?? []) nodes.push(...prefillNodes(p, meta, vars));
  if (section.signatureTable) {
    const rows = signatureRows(template, pack, meta).map(([institution, by]) => [inlineNodes(institution), inlineNodes(by), []]);
    nodes.push(tableNode([SIGNATURE_HEADER.map((h) => inlineNodes(h)), ...rows], true));
  }
  nodes.push(paragraphNode([placeholderNode(section.placeholder)]));
  for (const child of section.children ?? []) nodes.push(...templateSectionNodes(child, template, pack, meta, depth + 1));
  return nodes;
}

/**
 * The sections of a new contract, one per top-level section of the template, in its order. Each `content` is
 * the Lexical editor state of the section's body: sub-section headings, text prefilled from the metadata
 * (territoire, communes, QPV with their codes, période, signature table) and a placeholder in every body still
 * to write. The guidance stays in the template: it is never written into the content.
 */
export function buildSkeleton(template: Template, pack: Referentiel, meta: SkeletonMeta): NewSection[] {
  return template.sections.map((section, position) => ({
    id: section.id,
    position,
    title: section.title,
    content: editorStateJson(templateSectionNodes(section, template, pack, meta)),
  }));
}
