import type { CommentRecord, Reviewer, VerdictRecord } from '../../api/contract';
import type { CheckReport } from '../../check/report';
import type { ContractDocument } from '../../document/model';
import type { Referentiel } from '../../referential/schema';
import { sectionOf } from '../../review/anchor';
import { reviewerLabel, reviewRows, reviewSummary, type ReviewRow, type ReviewSummary } from '../../review/summary';
import { frenchDate } from '../dates';

/**
 * What the « Rapport d’analyse » writers (DOCX, ODT) take: the reviewer's grille and summary, the comments on
 * passages, the overall opinion, who signs and when. Pure data: the date comes from the caller's clock.
 */

export interface PassageComment {
  /** The passage as the reviewer read it (may be empty for a comment on a requirement). */
  quote: string;
  text: string;
  /** Where: « Diagnostic › Emploi », or the requirement it is about. */
  where: string;
  requirementId: string | null;
  reviewer: string;
  /** « 2 mars 2025 ». */
  date: string;
}

export interface ReviewReportInput {
  territoire: string;
  /** ISO day (YYYY-MM-DD) printed as the report's date and beside the signature. */
  date: string;
  reviewer: Reviewer | null;
  opinion: string;
  pack: Referentiel;
  rows: ReviewRow[];
  summary: ReviewSummary;
  /** Comments on a passage, and general comments (on no requirement), oldest first. */
  comments: PassageComment[];
  /** The file the review was made on, when the project keeps it. */
  original: { name: string; sha256: string } | null;
}

/** « Rapport d’analyse du contrat de ville de Val-Fictif ». */
export function reportTitle(territoire: string): string {
  const name = territoire.trim();
  if (!name) return 'Rapport d’analyse du contrat de ville';
  const de = /^(?:l[ae]\s|l’|les\s)/i.test(name) ? 'de ' : /^[aeiouyéèêâîôûh]/i.test(name) ? 'd’' : 'de ';
  return `Rapport d’analyse du contrat de ville ${de}${name}`;
}

export const VERDICT_COUNT_NOTE =
  'Verdicts du relecteur ; l’état automatique est celui de la vérification de Pilier au moment de l’export, à titre indicatif.';

/** The heading path of a block, or its section's title, for a comment anchored in it. */
function placeOf(comment: CommentRecord, document: ContractDocument, titles: Map<string, string>): string {
  if (!comment.anchor) return comment.requirementId ? `Exigence ${comment.requirementId}` : 'Contrat dans son ensemble';
  const block = document.blocks.find((b) => b.id === comment.anchor!.blockId);
  if (block) {
    const path = block.type === 'heading' ? [...block.headingPath, block.text] : block.headingPath;
    if (path.length > 0) return path.slice(0, 3).join(' › ');
  }
  const section = titles.get(comment.anchor.sectionId) ?? (block ? titles.get(sectionOf(block) ?? '') : undefined);
  return section ?? `Section « ${comment.anchor.sectionId} » (supprimée depuis)`;
}

export function buildReviewReportInput(args: {
  territoire: string;
  date: string;
  reviewer: Reviewer | null;
  opinion: string;
  pack: Referentiel;
  report: CheckReport;
  verdicts: readonly VerdictRecord[];
  comments: readonly CommentRecord[];
  document: ContractDocument;
  sectionTitles: Map<string, string>;
  original: { name: string; sha256: string } | null;
}): ReviewReportInput {
  // Comments on a requirement and no passage sit in its row; the others are listed with their place.
  const onRequirement = args.comments.filter((c) => c.requirementId && !c.anchor);
  const rows = reviewRows(args.pack, args.report, args.verdicts, onRequirement);
  const listed = new Set(rows.map((r) => r.id));
  const others = args.comments.filter((c) => c.anchor || !c.requirementId || !listed.has(c.requirementId));
  return {
    territoire: args.territoire,
    date: args.date,
    reviewer: args.reviewer,
    opinion: args.opinion,
    pack: args.pack,
    rows,
    summary: reviewSummary(rows, args.pack),
    comments: others.map((c) => ({
      quote: c.anchor?.quote ?? '',
      text: c.text,
      where: placeOf(c, args.document, args.sectionTitles),
      requirementId: c.requirementId,
      reviewer: reviewerLabel(c.reviewer),
      date: frenchDate(c.at),
    })),
    original: args.original,
  };
}

/** « Fait à …, le 2 mars 2025 »: the place is left for the signer to write. */
export function signatureLine(date: string): string {
  return `Fait à …………………………, le ${frenchDate(date)}`;
}
