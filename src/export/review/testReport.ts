import type { CommentRecord, VerdictRecord } from '../../api/contract';
import { check } from '../../check/checker';
import { documentFromSections } from '../../document/lexical';
import { sectionsFromMarkdown } from '../../template/fromMarkdown';
import { loadTemplateAndPack, type ReadRepoFile } from '../../template/testFiles';
import { buildReviewReportInput, type ReviewReportInput } from './input';

/** For the report's tests: the demo contract reviewed, with three verdicts, comments and an opinion. */

export const REVIEWER = { nom: 'Claire Martin', qualite: 'Déléguée du préfet' };
export const VERDICT_COMMENTS = ['Aucun volet égalité femmes-hommes dédié.', 'Signature du procureur absente du tableau.', 'Diagnostic complet et chiffré.'];

export function reviewedDemo(read: ReadRepoFile, withOriginal = true): ReviewReportInput {
  const { pack } = loadTemplateAndPack(read);
  const sections = sectionsFromMarkdown(read('seeds/demo/contrat-demo.md'));
  const document = documentFromSections(sections);
  const report = check(document, pack);
  const status = (id: string) => report.requirements.find((r) => r.id === id)?.status ?? null;
  const at = '2025-03-02T10:00:00.000Z';
  const verdicts: VerdictRecord[] = [
    { requirementId: 'FEM-1a', verdict: 'non-conforme', comment: VERDICT_COMMENTS[0]!, automaticStatus: status('FEM-1a'), reviewer: REVIEWER, at },
    { requirementId: 'JUS-1', verdict: 'a-completer', comment: VERDICT_COMMENTS[1]!, automaticStatus: status('JUS-1'), reviewer: REVIEWER, at },
    { requirementId: 'CAD-GOV-DIAG', verdict: 'conforme', comment: VERDICT_COMMENTS[2]!, automaticStatus: status('CAD-GOV-DIAG'), reviewer: REVIEWER, at },
  ];
  const block = document.blocks.find((b) => b.type === 'paragraph' && b.text.length > 60)!;
  const quote = block.text.slice(0, 40);
  const comments: CommentRecord[] = [
    { id: 'c1', requirementId: null, anchor: { sectionId: block.source!.section, blockId: block.id, start: 0, end: quote.length, quote }, text: 'Chiffre à sourcer (Insee ?).', reviewer: REVIEWER, at },
  ];
  return buildReviewReportInput({
    territoire: 'Communauté d’agglomération du Val-de-Brume',
    date: '2025-03-12',
    reviewer: REVIEWER,
    opinion: 'Contrat à compléter avant signature : volet égalité et signatures à reprendre.',
    pack,
    report,
    verdicts,
    comments,
    document,
    sectionTitles: new Map(sections.map((s) => [s.id, s.title])),
    original: withOriginal ? { name: 'contrat-val-de-brume.docx', sha256: 'ab'.repeat(32) } : null,
  });
}
