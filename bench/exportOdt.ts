import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { check } from '../src/check/checker';
import { documentFromSections } from '../src/document/lexical';
import { sectionsFromDocument } from '../src/export/fromDocument';
import { buildExportInput } from '../src/export/fromProject';
import type { ExportInput } from '../src/export/input';
import { buildContractOdt } from '../src/export/odt';
import { parsePack } from '../src/referential/load';
import type { Referentiel } from '../src/referential/schema';
import { META } from '../src/template/testFiles';
import { parseTemplate } from '../src/template/load';
import { generateContract } from './generate';
import { median, ms, timeRuns } from './stats';

/**
 * ODT export of the generated 300-page contract: the generated document becomes project sections (one per
 * level-1 heading, as an imported file would), is checked once, then written 5 times with the grille annex;
 * the median is reported. Target (issue 4): ≤ 1 s.
 */

export interface OdtBench {
  sections: number;
  bytes: number;
  runs: number[];
  median: number;
}

/** The export input of the generated contract (built once, outside the timing). */
export function generatedExportInput(root: string, pack: Referentiel): ExportInput {
  const templateFile = 'contrat-de-ville-2015.json';
  const template = parseTemplate(readFileSync(`${root}templates/${templateFile}`, 'utf8'), templateFile);
  if (!template.ok) throw new Error(template.error);
  const sections = sectionsFromDocument(generateContract(root));
  const report = check(documentFromSections(sections), pack);
  return buildExportInput({
    // The demo's territory (its metadata is checked against seeds/demo/contrat-demo.meta.json by demo.test.ts).
    meta: META,
    sections,
    template: template.template,
    pack,
    report,
    date: '2025-03-01',
    options: { grille: true },
  });
}

export function benchExportOdt(root: string, pack: Referentiel, runs = 5): OdtBench {
  const input = generatedExportInput(root, pack);
  let bytes = 0;
  buildContractOdt(input); // warm-up: the first run also compiles the code paths
  const times = timeRuns(runs, () => {
    bytes = buildContractOdt(input).length;
  });
  return { sections: input.sections.length, bytes, runs: times, median: median(times) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const packFile = 'referentiel-annexe-1-2014.json';
  const loaded = parsePack(readFileSync(`${root}seeds/${packFile}`, 'utf8'), packFile);
  if (!loaded.ok) throw new Error(loaded.error);
  const result = benchExportOdt(root, loaded.pack);
  console.log(
    `Export ODT du contrat de 300 pages (${result.sections} sections, ${(result.bytes / 1e6).toFixed(2)} Mo) : médiane ${ms(result.median)} sur ${result.runs.length} (${result.runs.map(ms).join(', ')}) — cible ≤ 1 000 ms`,
  );
}
