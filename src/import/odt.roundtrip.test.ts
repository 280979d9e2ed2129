import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, type CheckReport } from '../check';
import type { ContractDocument } from '../document/model';
import { withHeadingPaths } from '../document/model';
import { COVER_SECTION_NAME, buildContractOdt } from '../export/odt';
import { exportInput } from '../export/odt/testInput';
import type { ExportInput } from '../export/input';
import { sectionsFromMarkdown } from '../template/fromMarkdown';
import { buildSkeleton } from '../template/skeleton';
import { loadTemplateAndPack, META } from '../template/testFiles';
import { readOdt, type OdtReadResult } from './odt';

/**
 * Export → ODT → readOdt → check: the skeleton, the demo and every corpus draft come back with the same
 * verdicts, the evidence at the same place, and the requirement ids of each section.
 */

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const { template, pack } = loadTemplateAndPack(read);

const drafts = ['seeds/demo/contrat-demo.md', ...readdirSync(new URL('../../seeds/corpus/', import.meta.url)).filter((f) => f.endsWith('.md')).sort().map((f) => `seeds/corpus/${f}`)];
const cases: [string, () => ExportInput][] = [
  ['le squelette', () => exportInput(buildSkeleton(template, pack, META), pack, META, template)],
  ...drafts.map((f): [string, () => ExportInput] => [f, () => exportInput(sectionsFromMarkdown(read(f)), pack, META, template)]),
];

type Ok = Extract<OdtReadResult, { ok: true }>;

async function roundTrip(input: ExportInput): Promise<Ok> {
  const result = await readOdt(buildContractOdt(input), 'contrat.odt');
  if (!result.ok) throw new Error(result.error);
  return result;
}

/** The document without the cover page (as an importer that rebuilds sections leaves it out). */
function withoutCover(result: Ok): ContractDocument {
  const cover = new Set(result.sections.find((s) => s.name === COVER_SECTION_NAME)?.blockIds ?? []);
  return { blocks: withHeadingPaths(result.document.blocks.filter((b) => !cover.has(b.id)).map(({ headingPath: _p, ...b }) => b)) };
}

/** Placeholders are exported « [À compléter — …] » where the editor writes « [À compléter : …] ». */
const sameText = (t: string): string => t.replace(/\[À compléter\s*[:—]\s*/g, '[À compléter ').replace(/\. Ce qui est attendu : [^\]]*/g, '');

function where(report: CheckReport): Map<string, string> {
  return new Map(report.requirements.filter((r) => r.status !== 'missing').map((r) => [r.id, `${r.evidence[0]?.headingPath.join(' › ')} « ${sameText(r.evidence[0]?.text ?? '')} »`]));
}

describe.each(cases)('round trip of %s', (_name, make) => {
  const input = make();

  it('gives the same verdict for every requirement (the cover page may only add the période)', async () => {
    const after = check((await roundTrip(input)).document, pack);
    const changed = input.report.requirements
      .map((r, i) => [r.id, r.status, after.requirements[i]!.status] as const)
      .filter(([, before, now]) => before !== now);
    const rank = { missing: 0, partial: 1, covered: 2 };
    expect(changed.filter(([id, before, now]) => id !== 'CAD-GOV-DUR' || rank[now] < rank[before])).toEqual([]);
    const volets = input.report.requirements.filter((r) => r.level === 'obligatoire' && r.kind === 'volet');
    expect(volets.map((r) => [r.id, after.requirements.find((a) => a.id === r.id)!.status])).toEqual(volets.map((r) => [r.id, r.status]));
  });

  it('finds the evidence at the same place, under the same headings', async () => {
    const after = check(withoutCover(await roundTrip(input)), pack);
    expect(Object.fromEntries(where(after))).toEqual(Object.fromEntries(where(input.report)));
  });

  it('recovers the requirement ids of each section from the text:section names', async () => {
    const result = await roundTrip(input);
    const served = result.sections.filter((s) => s.name.startsWith('pilier:'));
    const expected = input.sections.filter((s) => s.requirements.length > 0);
    expect(served.map((s) => s.requirements)).toEqual(expected.map((s) => s.requirements));
    const byId = new Map(result.document.blocks.map((b) => [b.id, b]));
    served.forEach((s, i) => {
      const first = byId.get(s.blockIds[0]!)!;
      expect([first.type, first.level, first.text]).toEqual(['heading', 1, expected[i]!.title]);
      for (const id of s.blockIds.slice(1)) expect(byId.get(id)!.headingPath[0]).toBe(expected[i]!.title);
    });
  });
});

describe('what comes back from an exported skeleton', () => {
  it('flags placeholders, keeps the QPV list nested under its heading, and reads the signature table cell by cell', async () => {
    const input = cases[0]![1]();
    const { document, warnings } = await roundTrip(input);
    expect(document.title).toBe('Contrat de ville — Val-de-Brume');
    expect(warnings).toEqual(['La « Grille de complétude » annexée à contrat.odt n’a pas été relue : elle est recalculée à partir du texte.']);
    const placeholders = document.blocks.filter((b) => b.placeholder);
    expect(placeholders.length).toBeGreaterThan(40);
    expect(placeholders.every((b) => b.type !== 'heading' && b.text.startsWith('[À compléter'))).toBe(true);
    const qpv = document.blocks.filter((b) => b.type === 'listItem' && b.text.includes('QN0990'));
    expect(qpv.map((b) => [b.text, b.listDepth, b.headingPath])).toEqual(
      META.qpv.map((q) => [`${q.nom} (code ${q.code})`, 0, ['Le territoire et la géographie prioritaire', 'Les quartiers prioritaires']]),
    );
    const signature = document.blocks.filter((b) => b.type === 'tableCell' && b.headingPath[0] === 'Signataires');
    expect(signature.slice(0, 3).map((b) => [b.id.replace(/^t\d+/, 't'), b.text])).toEqual([['tr0c0', 'Institution'], ['tr0c1', 'Représentée par'], ['tr0c2', 'Signature']]);
    expect(signature.filter((b) => b.table!.col === 2 && b.table!.row > 0).every((b) => b.text === '')).toBe(true);
    expect(document.blocks.some((b) => b.text.includes('Grille de complétude'))).toBe(false);
  });
});
