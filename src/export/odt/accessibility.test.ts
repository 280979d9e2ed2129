import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportFixtures } from '../testInputs';
import { buildContractOdt } from './index';
import { all, odtParts, textOf } from './testOdt';

/**
 * The exported demo contract as ODT, read as assistive technology reads it (RGAA, issue 7): language, title,
 * heading outline, table headers, text alternatives. odt.test.ts checks meta.xml's title and language and the
 * signature table's header rows on the skeleton; this file holds the accessibility rules together, on the demo
 * with its grille.
 */

const read = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const odt = odtParts(buildContractOdt(exportFixtures(read).demo({ grille: true })));
const body = all(odt.content, 'office:text')[0]!;

describe('exported ODT (demo contract) — accessibility', () => {
  it('is in French: default style, meta.xml, and no other language on any style', () => {
    const defaults = all(odt.styles, 'style:default-style').find((s) => s.attrs['style:family'] === 'paragraph')!;
    expect(all(defaults, 'style:text-properties')[0]!.attrs).toMatchObject({ 'fo:language': 'fr', 'fo:country': 'FR' });
    expect(all(odt.meta, 'dc:language').map(textOf)).toEqual(['fr-FR']);
    const languages = [odt.styles, odt.content].flatMap((part) => all(part, 'style:text-properties')).map((p) => p.attrs['fo:language']).filter((l) => l !== undefined && l !== 'none');
    expect(new Set(languages)).toEqual(new Set(['fr']));
  });

  it('has a title in meta.xml, and a title paragraph', () => {
    expect(all(odt.meta, 'dc:title').map(textOf)).toEqual(['Contrat de ville — Val-de-Brume']);
    // The cover's first paragraph: an automatic style (page break, margins) derived from « Title ».
    const titleStyles = new Set(['Title', ...all(odt.content, 'style:style').filter((s) => s.attrs['style:parent-style-name'] === 'Title').map((s) => s.attrs['style:name'])]);
    const first = all(body, 'text:p').find((p) => titleStyles.has(p.attrs['text:style-name']));
    expect(first && textOf(first)).toBe('Contrat de ville');
  });

  it('has headings in order: every text:h has a level, starting at 1, never skipping one going down', () => {
    const headings = all(body, 'text:h');
    const levels = headings.map((h) => Number(h.attrs['text:outline-level']));
    expect(levels.length).toBeGreaterThan(20);
    expect(levels.every((l) => Number.isInteger(l) && l >= 1 && l <= 10)).toBe(true);
    const jumps = levels.filter((level, i) => level > (i === 0 ? 1 : levels[i - 1]! + 1));
    expect(jumps).toEqual([]);
  });

  it('declares a header row in every table, with text in each header cell', () => {
    const tables = all(body, 'table:table');
    expect(tables.length).toBeGreaterThanOrEqual(5);
    for (const table of tables) {
      const rowGroups = table.children.filter((c) => typeof c !== 'string' && /^table:table-(header-)?rows?$/.test(c.name));
      const first = rowGroups[0];
      expect(typeof first !== 'string' && first?.name, table.attrs['table:name']).toBe('table:table-header-rows');
      if (!first || typeof first === 'string') continue;
      for (const cell of all(first, 'table:table-cell')) expect(all(cell, 'text:p').map(textOf).join('').trim()).not.toBe('');
    }
  });

  it('gives every image a text alternative (the demo has none: any image added later must have one)', () => {
    const frames = all(body, 'draw:frame');
    for (const frame of frames) expect(all(frame, 'svg:title').map(textOf).join('').trim()).not.toBe('');
    expect(frames).toHaveLength(0);
  });
});
