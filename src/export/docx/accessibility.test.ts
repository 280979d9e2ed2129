import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportFixtures } from '../testInputs';
import { buildContractDocx } from './index';

/**
 * The exported demo contract, read as assistive technology reads it (RGAA, issue 7): language, title, heading
 * outline, table headers, text alternatives. docx.test.ts already checks fr-FR on every style and run of the
 * skeleton and the header row of its tables; this file holds the accessibility rules together, on the demo with
 * its grille (more headings and tables than the skeleton).
 */

const read = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const all = (xml: string, pattern: RegExp): string[] => [...xml.matchAll(pattern)].map((m) => m[1]!);

/** Heading levels in document order (Heading1…6), and where a level is skipped on the way down. */
function headingOutline(xml: string): { levels: number[]; jumps: string[] } {
  const levels = all(xml, /<w:pStyle w:val="Heading([1-6])"\/>/g).map(Number);
  const jumps = levels.flatMap((level, i) => (level > (i === 0 ? 1 : levels[i - 1]! + 1) ? [`titre ${i + 1} : niveau ${i === 0 ? 0 : levels[i - 1]} → ${level}`] : []));
  return { levels, jumps };
}

let doc: string;
let styles: string;
let core: string;

beforeAll(async () => {
  const parts = unzipSync(await buildContractDocx(exportFixtures(read).demo({ grille: true })));
  doc = strFromU8(parts['word/document.xml']!);
  styles = strFromU8(parts['word/styles.xml']!);
  core = strFromU8(parts['docProps/core.xml']!);
});

describe('exported DOCX (demo contract) — accessibility', () => {
  it('is in French: document defaults, properties, and no other language anywhere', () => {
    expect(styles).toMatch(/<w:rPrDefault><w:rPr>.*?<w:lang w:val="fr-FR"\/>/s);
    expect(core).toContain('<dc:language>fr-FR</dc:language>');
    expect(new Set(all(doc + styles, /<w:lang w:val="([^"]+)"/g))).toEqual(new Set(['fr-FR']));
  });

  it('has a title: the document property, and a Title paragraph', () => {
    expect(all(core, /<dc:title>([^<]+)<\/dc:title>/g)).toEqual(['Contrat de ville 2015-2020 — Val-de-Brume']);
    expect(doc).toContain('<w:pStyle w:val="Title"/>');
  });

  it('has headings in order: starts at level 1, never skips a level going down', () => {
    const { levels, jumps } = headingOutline(doc);
    expect(levels.length).toBeGreaterThan(20);
    expect(new Set(levels)).toEqual(new Set([1, 2]));
    expect(jumps).toEqual([]);
    // The check itself sees a skipped level.
    expect(headingOutline('<w:pStyle w:val="Heading1"/><w:pStyle w:val="Heading3"/>').jumps).toEqual(['titre 2 : niveau 1 → 3']);
  });

  it('marks the first row of every table as its header row, with text in each header cell', () => {
    const tables = all(doc, /<w:tbl>(.*?)<\/w:tbl>/gs);
    expect(tables.length).toBeGreaterThanOrEqual(5);
    for (const table of tables) {
      const first = /<w:tr>(.*?)<\/w:tr>/s.exec(table)![1]!;
      expect(first).toMatch(/<w:trPr>.*?<w:tblHeader\/>/s);
      for (const cell of all(first, /<w:tc>(.*?)<\/w:tc>/gs)) expect(all(cell, /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g).join('').trim()).not.toBe('');
      // Only the first row repeats: a body row marked as header would be read as one.
      expect(all(table, /<w:tr>(.*?)<\/w:tr>/gs).slice(1).filter((row) => row.includes('<w:tblHeader/>'))).toEqual([]);
    }
  });

  it('gives every image a text alternative (the demo has none: any image added later must have one)', () => {
    const drawings = all(doc, /<w:drawing>(.*?)<\/w:drawing>/gs);
    for (const drawing of drawings) expect(drawing).toMatch(/<wp:docPr [^>]*descr="[^"]+"/);
    expect(drawings).toHaveLength(0);
  });
});
