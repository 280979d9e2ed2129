import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { convertToPdf, libreOfficeRequired, libreOfficeTools, pageSizes, pagesText, readBytes, renderPages, REQUIRE_ENV, type LibreOfficeTools } from '../../../tests/libreoffice';
import { buildReviewReportDocx, buildReviewReportOdt } from './index';
import { reviewedDemo, VERDICT_COMMENTS } from './testReport';

/**
 * The « Rapport d’analyse » as LibreOffice lays it out (headless, to PDF, read back with poppler). Skipped, with a
 * message, where LibreOffice is not installed, unless PILIER_REQUIRE_LIBREOFFICE=1. The first page and the first
 * grille page are rendered to PNG in test-output/review-report/ to be looked at.
 */

const read = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const found = libreOfficeTools();
const OUT = fileURLToPath(new URL('../../../test-output/review-report/', import.meta.url));
const TIMEOUT = 180_000;
const flat = (text: string): string => text.replace(/\s+/g, ' ');

if (!found.ok && !libreOfficeRequired()) {
  console.warn(`Tests LibreOffice du rapport d’analyse ignorés : ${found.missing.join(', ')} manquant. Pour les exiger : ${REQUIRE_ENV}=1.`);
}

describe.skipIf(!found.ok)(`the review report laid out by LibreOffice${found.ok ? '' : ' (ignoré : LibreOffice absent)'}`, () => {
  const tools = found.ok ? found.tools : (undefined as unknown as LibreOfficeTools);
  const input = reviewedDemo(read);

  it.each(['docx', 'odt'] as const)(
    'opens as %s, with the summary first, the grille after it, and every verdict comment',
    async (format) => {
      const bytes = format === 'docx' ? await buildReviewReportDocx(input) : buildReviewReportOdt(input);
      const converted = await convertToPdf(tools, bytes, `rapport.${format}`, TIMEOUT);
      try {
        const pages = (await pagesText(tools, converted.pdf)).map(flat);
        console.log(`Rapport d’analyse ${format.toUpperCase()} : ${pages.length} pages (LibreOffice, ${Math.round(converted.ms)} ms)`);
        expect(pages.length).toBeGreaterThan(2);
        expect(pages[0]).toContain('Rapport d’analyse du contrat de ville');
        expect(pages[0]).toContain('Synthèse');
        const all = pages.join(' ');
        // Table cells wrap and columns interleave in the text: each long word of each comment is there.
        for (const comment of VERDICT_COMMENTS) for (const word of comment.match(/[\p{L}-]{6,}/gu)!) expect(all, comment).toContain(word);
        const grille = pages.findIndex((p) => p.includes('Grille d’analyse'));
        expect(grille).toBeGreaterThan(0);
        // The header row of the grille repeats on the page after it.
        expect(pages[grille + 1]).toContain('Verdict');
        if (format === 'docx') {
          const sizes = await pageSizes(tools, converted.pdf);
          expect(sizes[0]!.height).toBeGreaterThan(sizes[0]!.width);
          expect(sizes[grille]!.width).toBeGreaterThan(sizes[grille]!.height);
        }
        for (const page of [1, grille + 1]) {
          const [png] = await renderPages(tools, converted.pdf, `${OUT}${format}`, { first: page, last: page }, 60, `page-${page}`);
          expect((await readBytes(png!)).subarray(1, 4).toString()).toBe('PNG');
        }
      } finally {
        await converted.dispose();
      }
    },
    TIMEOUT,
  );
});
