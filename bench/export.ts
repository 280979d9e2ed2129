import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check } from '../src/check/checker';
import { documentFromSections } from '../src/document/lexical';
import type { ContractDocument } from '../src/document/model';
import { buildContractDocx } from '../src/export/docx/index';
import { sectionsFromDocument } from '../src/export/fromDocument';
import { buildExportInput } from '../src/export/fromProject';
import type { ExportInput } from '../src/export/input';
import { loadTemplateAndPack, META } from '../src/template/testFiles';
import { generateContract, wordCount } from './generate';
import { median, ms, timeRunsAsync } from './stats';

/**
 * The export of the generated 300-page contract (≈150 000 words) to DOCX (and to ODT when that writer is in the
 * build), median of 5, against pandoc converting the same content from Markdown to DOCX in the same run.
 * Target (issue 4): ≤ 1 s for 300 pages, and faster than pandoc.
 */

const RUNS = 5;

/** The contract as Markdown, for pandoc: the same headings, paragraphs, list items and table. */
export function contractMarkdown(doc: ContractDocument): string {
  const lines: string[] = [];
  let table: string | undefined;
  let row = -1;
  for (const b of doc.blocks) {
    if (b.type === 'tableCell') {
      if (table !== b.table!.id) {
        table = b.table!.id;
        row = -1;
        lines.push('');
      }
      if (b.table!.row !== row) {
        if (row === 0) lines.push('|---|---|');
        row = b.table!.row;
        lines.push('|');
      }
      lines[lines.length - 1] += ` ${b.text.replace(/\|/g, '\\|')} |`;
      continue;
    }
    table = undefined;
    if (b.type === 'heading') lines.push('', `${'#'.repeat(b.level ?? 1)} ${b.text}`, '');
    else if (b.type === 'listItem') lines.push(`${'  '.repeat(b.listDepth ?? 0)}- ${b.text}`);
    else lines.push('', b.text, '');
  }
  return `${lines.join('\n')}\n`;
}

function pandocRuns(markdown: string, runs: number): number[] | string {
  const version = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  if (version.status !== 0) return 'pandoc absent (apt install pandoc) : comparaison ignorée';
  const dir = mkdtempSync(join(tmpdir(), 'pilier-bench-'));
  try {
    const input = join(dir, 'contrat.md');
    writeFileSync(input, markdown);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const result = spawnSync('pandoc', [input, '-f', 'markdown', '-o', join(dir, 'contrat.docx')], { encoding: 'utf8', timeout: 120_000 });
      if (result.status !== 0) return `pandoc a échoué : ${result.stderr.trim().slice(0, 200)}`;
      times.push(performance.now() - t);
    }
    return times;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function odtWriter(): Promise<((input: ExportInput) => Uint8Array) | undefined> {
  try {
    const odt = (await import('../src/export/odt/index')) as { buildContractOdt?: (input: ExportInput) => Uint8Array };
    return typeof odt.buildContractOdt === 'function' ? odt.buildContractOdt : undefined;
  } catch {
    return undefined;
  }
}

export async function runExportBench(root: string): Promise<void> {
  const { template, pack } = loadTemplateAndPack((path) => readFileSync(join(root, path), 'utf8'));
  const doc = generateContract(root);
  const sections = sectionsFromDocument(doc);
  const report = check(documentFromSections(sections), pack);
  const input = buildExportInput({ meta: META, sections, template, pack, report, date: '2025-03-12' });
  console.log(`Export : contrat généré de ${doc.blocks.length} blocs, ${wordCount(doc)} mots, ${sections.length} sections (≈ 300 pages).`);

  await buildContractDocx(input); // warm-up: the library's modules and caches
  let size = 0;
  const docx = await timeRunsAsync(RUNS, async () => {
    size = (await buildContractDocx(input)).length;
  });
  const docxMedian = median(docx);
  console.log(`Export DOCX (${(size / 1e6).toFixed(1)} Mo) : médiane ${ms(docxMedian)} sur ${RUNS} — cible ≤ 1 000 ms`);

  const odt = await odtWriter();
  if (odt) {
    odt(input);
    const times = await timeRunsAsync(RUNS, async () => {
      odt(input);
    });
    console.log(`Export ODT : médiane ${ms(median(times))} sur ${RUNS} — cible ≤ 1 000 ms`);
  }

  const pandoc = pandocRuns(contractMarkdown(doc), RUNS);
  if (typeof pandoc === 'string') {
    console.log(pandoc);
    return;
  }
  const pandocMedian = median(pandoc);
  console.log(
    `pandoc (Markdown → DOCX, même contenu) : médiane ${ms(pandocMedian)} sur ${RUNS} ; Pilier est ${(pandocMedian / docxMedian).toFixed(1)}× plus rapide que pandoc (rapport des médianes ; pandoc compte aussi son démarrage)`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await runExportBench(fileURLToPath(new URL('../', import.meta.url)));
}
