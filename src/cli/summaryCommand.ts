import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { check } from '../check/index';
import { batchSummary, checkedRow, isChecked, summarySentence, type BatchSummary, type SummaryRow } from '../export/summary/rows';
import type { Referentiel } from '../referential/schema';
import type { Template } from '../template/load';
import type { CheckCommand } from './args';
import { describeFsError, readInput, type Input } from './files';
import { generationHint } from './generation';
import { EXIT_FAILED, EXIT_OK, type CliIo } from './io';
import { progressOn } from './progress';

/**
 * `pilier check <dossier> --summary`: every contract read (whatever its format) and checked, one row each, with
 * progress on stderr; the rows as a table, as JSON (`--json`), and as a DOCX (`--out`). An unreadable contract
 * gets a row saying why, and the exit code says a file failed, as for `pilier check`.
 */
export async function runSummary(command: CheckCommand, pack: Referentiel, inputs: Input[], failedBefore: boolean, io: CliIo, templates: readonly Template[] = []): Promise<number> {
  const target = command.out !== undefined ? outputOf(command.out, command.force === true, io.cwd) : undefined;
  if (target && !target.ok) {
    io.stderr.write(`${target.error}\n`);
    return EXIT_FAILED;
  }
  const progress = progressOn(io, inputs.length);
  const rows: SummaryRow[] = [];
  let failed = failedBefore;
  for (const [index, input] of inputs.entries()) {
    progress.file(index, input.display);
    const read = await readInput(input, { onProgress: (done, total) => progress.pages(done, total) });
    if (!read.ok) {
      progress.log(read.error);
      rows.push({ file: input.display, error: read.error });
      failed = true;
      continue;
    }
    for (const warning of read.warnings) progress.log(`Attention : ${warning}`);
    const hint = generationHint(input.display, read.document, pack, templates);
    if (hint) progress.log(hint);
    rows.push(checkedRow(input.display, read.format, read.document, check(read.document, pack)));
  }
  progress.end();
  const summary = batchSummary(rows, { id: pack.id, version: pack.version, title: pack.title }, io.today ?? todayIso());
  if (command.json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else io.stdout.write(formatBatch(summary));
  if (target?.ok) {
    const { buildSummaryDocx } = await import('../export/summary/docx');
    try {
      await writeFile(target.path, await buildSummaryDocx(summary));
    } catch (e) {
      io.stderr.write(`La synthèse n’a pas pu être écrite : ${describeFsError(e, command.out!)}\n`);
      return EXIT_FAILED;
    }
    (command.json ? io.stderr : io.stdout).write(`Synthèse écrite : ${command.out} (${summary.totals.contracts} contrat${summary.totals.contracts > 1 ? 's' : ''}).\n`);
  }
  return failed ? EXIT_FAILED : EXIT_OK;
}

function outputOf(out: string, force: boolean, cwd: string): { ok: true; path: string } | { ok: false; error: string } {
  const path = resolve(cwd, out);
  if (!existsSync(dirname(path))) return { ok: false, error: `Le dossier de ${out} n’existe pas : créez-le d’abord, rien n’a été vérifié.` };
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) return { ok: false, error: `${out} est un dossier : indiquez un nom de fichier.` };
    if (!force) return { ok: false, error: `Le fichier ${out} existe déjà : Pilier ne l’écrase pas. Choisissez un autre nom, ou ajoutez --force pour le remplacer.` };
  }
  return { ok: true, path };
}

function todayIso(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const width = (text: string): number => [...text].length;
const pad = (text: string, size: number): string => text + ' '.repeat(Math.max(0, size - width(text)));
const padStart = (text: string, size: number): string => ' '.repeat(Math.max(0, size - width(text))) + text;

/** The summary on a terminal: one line per contract, then the totals sentence. */
export function formatBatch(summary: BatchSummary): string {
  const header = ['Contrat', 'Territoire', 'Couvertes', 'Partielles', 'Manquantes', 'Obligatoires manquantes'];
  const cells = summary.rows.map((row) => {
    if (!isChecked(row)) return [row.file, '—', '—', '—', '—', 'illisible (voir le message ci-dessus)'];
    const ids = row.missingObligatoire.map((m) => m.id);
    return [row.file, row.territoire ?? '—', String(row.covered), String(row.partial), String(row.missing), ids.length === 0 ? 'aucune' : `${ids.length} : ${ids.join(', ')}`];
  });
  const widths = header.map((h, i) => Math.max(width(h), ...cells.map((c) => width(c[i]!))));
  const line = (c: string[]): string =>
    c
      .map((text, i) => (i >= 2 && i <= 4 ? padStart(text, widths[i]!) : i === 5 ? text : pad(text, widths[i]!)))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...cells.map(line), '', summarySentence(summary)].join('\n')}\n`;
}
