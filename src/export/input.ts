import type { CheckReport } from '../check/report';
import type { Referentiel } from '../referential/schema';
import type { SerializedBlockNode } from '../template/lexicalNodes';

/**
 * What the DOCX and ODT writers take: the contract's metadata, its sections as the editor stores them (Lexical
 * block nodes, so bold, lists, tables and links survive), the requirement ids each section serves (written into
 * content-control tags), and the check report for the « Grille de complétude ». Pure data: no clock inside.
 */
export interface ExportMeta {
  territoire: string;
  epci: string;
  communes: string[];
  qpv: { nom: string; code: string }[];
  periode: { debut: string; fin: string };
  referentiel: { id: string; version: string };
}

export interface ExportSection {
  id: string;
  title: string;
  /** Requirement ids this section serves (from the template), in the pack's order. */
  requirements: string[];
  /** The section's body: top-level Lexical block nodes (headings h2–h6, paragraphs, lists, tables). */
  blocks: SerializedBlockNode[];
}

export interface ExportOptions {
  /** Add the « Grille de complétude » annex (default true). */
  grille: boolean;
  /** Document properties. */
  author?: string;
  organisation?: string;
}

export interface ExportInput {
  meta: ExportMeta;
  /** Date printed on the title page, ISO (YYYY-MM-DD); the caller passes the clock's value. */
  date: string;
  sections: ExportSection[];
  pack: Referentiel;
  report: CheckReport;
  options: ExportOptions;
}
