import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  convertToPdf,
  libreOfficeRequired,
  libreOfficeTools,
  pageSizes,
  pagesText,
  readBytes,
  renderPages,
  REQUIRE_ENV,
  type Converted,
  type LibreOfficeTools,
} from '../../../tests/libreoffice';
import { check } from '../../check/checker';
import { readDocx } from '../../import/docx';
import type { ExportInput } from '../input';
import { exportFixtures } from '../testInputs';
import { buildContractDocx } from './index';

/**
 * The exported DOCX as LibreOffice lays it out (headless, converted to PDF, read back with poppler). Skipped, with
 * a message, where LibreOffice is not installed, unless PILIER_REQUIRE_LIBREOFFICE=1 (CI) makes its absence a
 * failure. Pages are rendered to PNG in test-output/docx/ to be looked at.
 */

const read = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const fixtures = exportFixtures(read);
const found = libreOfficeTools();
const OUT = fileURLToPath(new URL('../../../test-output/docx/', import.meta.url));
const TIMEOUT = 180_000;

if (!found.ok && !libreOfficeRequired()) {
  console.warn(`Tests LibreOffice de l’export DOCX ignorés : ${found.missing.join(', ')} manquant. Pour les exiger : ${REQUIRE_ENV}=1.`);
}

describe('LibreOffice is there when required', () => {
  it.runIf(libreOfficeRequired())(`has soffice and poppler (${REQUIRE_ENV}=1)`, () => {
    expect(found.ok ? [] : found.missing).toEqual([]);
  });
});

interface Laid {
  converted: Converted;
  pages: string[];
  sizes: { width: number; height: number }[];
}

async function layOut(tools: LibreOfficeTools, input: ExportInput, name: string): Promise<Laid> {
  const converted = await convertToPdf(tools, await buildContractDocx(input), `${name}.docx`);
  return { converted, pages: await pagesText(tools, converted.pdf), sizes: await pageSizes(tools, converted.pdf) };
}

const flat = (text: string): string => text.replace(/\s+/g, ' ');
const pageWith = (laid: Laid, text: string, from = 0): number => laid.pages.findIndex((p, i) => i >= from && flat(p).includes(text)) + 1;
/** The first page of the body, after the table of contents (whose entries repeat the headings). */
const bodyStart = (laid: Laid): number => pageWith(laid, '1. Préambule', 2);
const grillePage = (laid: Laid): number => pageWith(laid, 'Annexe — Grille de complétude', bodyStart(laid));

describe.skipIf(!found.ok)(`DOCX laid out by LibreOffice${found.ok ? '' : ' (ignoré : LibreOffice absent)'}`, () => {
  const tools = found.ok ? found.tools : (undefined as unknown as LibreOfficeTools);
  let skeleton: Laid;
  let demo: Laid;

  beforeAll(async () => {
    await rm(OUT, { recursive: true, force: true });
    skeleton = await layOut(tools, fixtures.skeleton(), 'squelette');
    demo = await layOut(tools, fixtures.demo(), 'demo');
  }, TIMEOUT);

  afterAll(async () => {
    await skeleton?.converted.dispose();
    await demo?.converted.dispose();
  });

  it('converts without error, in a few seconds', () => {
    for (const laid of [skeleton, demo]) {
      expect(laid.pages.length).toBeGreaterThan(10);
      expect(laid.converted.ms).toBeLessThan(60_000);
    }
  });

  it('shows the cover page, without header or footer, then the table of contents', () => {
    for (const laid of [skeleton, demo]) {
      const cover = flat(laid.pages[0]!);
      for (const text of ['Contrat de ville', 'Val-de-Brume', '2015-2020', 'QN09901M', 'Document établi le 12 mars 2025']) expect(cover, text).toContain(text);
      expect(cover).not.toContain('Page 1 sur');
      expect(flat(laid.pages[1]!)).toContain('Sommaire');
      expect(flat(laid.pages[1]!)).toContain('Pilier 1 — Cohésion sociale');
      expect(flat(laid.pages[1]!)).toContain(`Page 2 sur ${laid.pages.length}`);
      expect(flat(laid.pages[1]!)).toContain('Contrat de ville 2015-2020 — Val-de-Brume');
    }
  });

  it('numbers the headings and keeps every section in order', () => {
    for (const laid of [skeleton, demo]) {
      const afterToc = bodyStart(laid) - 1;
      expect(afterToc).toBeGreaterThan(1);
      let at = afterToc;
      for (const [i, title] of fixtures.template.sections.map((s) => s.title).entries()) {
        const page = pageWith(laid, `${i + 1}. ${title.slice(0, 40)}`, at);
        if (laid === demo && page === 0) continue; // the demo contract has its own sections
        expect(page, title).toBeGreaterThan(at);
        at = page - 1;
      }
      expect(pageWith(laid, '4.1. Éducation et réussite éducative')).toBeGreaterThan(0);
    }
  });

  it('highlights what is still to complete, and prints the signature table', () => {
    expect(pageWith(skeleton, '[À compléter — ')).toBeGreaterThan(0);
    expect(pageWith(demo, '[À compléter — plan d’actions par pilier')).toBeGreaterThan(0);
    const signatures = pageWith(skeleton, 'Représentée par');
    expect(flat(skeleton.pages[signatures - 1]!)).toContain('Le maire de Brumeval');
  });

  it('puts the grille on landscape pages at the end', () => {
    for (const laid of [skeleton, demo]) {
      const grille = grillePage(laid);
      expect(grille).toBeGreaterThan(2);
      expect(flat(laid.pages[grille - 1]!)).toContain('Synthèse par pilier et par axe');
      expect(laid.sizes[0]!.height).toBeGreaterThan(laid.sizes[0]!.width);
      for (const size of laid.sizes.slice(grille - 1)) expect(size.width).toBeGreaterThan(size.height);
      expect(flat(laid.pages.at(-1)!)).toContain(`Page ${laid.pages.length} sur ${laid.pages.length}`);
    }
  });

  it('opens and saves the DOCX again with the same verdicts; LibreOffice 7.4 keeps the controls’ titles, not their tags', async () => {
    const input = fixtures.demo();
    const saved = await convertToPdf(tools, await buildContractDocx(input), 'demo.docx', TIMEOUT, { filter: 'docx:MS Word 2007 XML', ext: 'docx' });
    try {
      const result = await readDocx(await readBytes(saved.pdf), 'demo.docx');
      if (!result.ok) throw new Error(result.error);
      const statuses = (r: typeof input.report) => Object.fromEntries(r.requirements.map((q) => [q.id, q.status]));
      // The grille's own control is dropped on the way: the reader knows it by its title.
      expect(statuses(check(result.document, fixtures.pack))).toEqual(statuses(input.report));
      const titles = input.sections.filter((s) => s.requirements.length > 0).map((s) => s.title);
      expect(result.contentControls.map((c) => c.alias).filter((a) => a && titles.includes(a))).toEqual(titles);
    } finally {
      await saved.dispose();
    }
  }, TIMEOUT);

  it('renders the pages to look at: cover, contents, a volet, signatures, grille', async () => {
    const pick = (laid: Laid): number[] => [1, 2, pageWith(laid, 'Égalité entre les femmes et les hommes', bodyStart(laid)), pageWith(laid, 'Représentée par'), grillePage(laid)];
    for (const [name, laid] of [['squelette', skeleton], ['demo', demo]] as const) {
      for (const page of pick(laid)) {
        const [png] = await renderPages(tools, laid.converted.pdf, `${OUT}${name}`, { first: page, last: page }, 60, `page-${page}`);
        const bytes = await readBytes(png!);
        expect(bytes.subarray(1, 4).toString()).toBe('PNG');
        expect(bytes.length).toBeGreaterThan(5_000);
      }
    }
  }, TIMEOUT);
});
