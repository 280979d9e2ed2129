/** The « Rapport d’analyse » of a review (DOCX and ODT), from the reviewer's records: data in, bytes out. */
export { buildReviewReportDocx } from './docx';
export { buildReviewReportOdt } from './odt';
export { buildReviewReportInput, reportTitle, signatureLine, type PassageComment, type ReviewReportInput } from './input';
export { GRILLE_HEADER, reportSections, type ReportBlock } from './outline';
