export { parseTemplate, validateTemplate, templateProblems, sectionForRequirement, walkSections, templatePeriode, templateForYear, periodeIn, type TemplateResult } from './load';
export { buildSkeleton, templateSectionNodes, signatureRows, periodLabel, durationLabel, type NewSection, type SkeletonMeta } from './skeleton';
export { sectionsFromMarkdown, markdownBlocks, markdownInline, slugify } from './fromMarkdown';
export * from './schema';
export * from './lexicalNodes';
