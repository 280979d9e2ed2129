import { check } from '../check/index';
import type { Referentiel } from '../referential/schema';
import { DEFAULT_REFERENTIEL, type CheckCommand } from './args';
import { installedSources } from './export';
import { expandInputs, readInput } from './files';
import { formatReport, formatSummaryTable, toJson, type FileRow } from './format';
import { generationHint } from './generation';
import { loadReferentiel } from './packs';
import { EXIT_FAILED, EXIT_OK, type CliIo } from './io';

/**
 * `pilier check`: loads the référentiel, reads every file (an unreadable one is reported and the others
 * still run), checks each, and prints one report, or one summary row per file, or JSON; with `--summary`, the
 * batch summary (`summaryCommand`).
 */
export async function runCheck(command: CheckCommand, root: string | undefined, io: CliIo): Promise<number> {
  const loaded = await loadReferentiel(command.referentiel ?? DEFAULT_REFERENTIEL, root, io.cwd);
  if (!loaded.ok) {
    io.stderr.write(`${loaded.error}\n`);
    return EXIT_FAILED;
  }
  const pack: Referentiel = loaded.pack;
  // Without --referentiel, a contract of another generation is checked with the default pack, and told so.
  const installed = command.referentiel === undefined ? installedSources(root)?.templates() : undefined;
  const templates = installed?.ok ? installed.value : [];
  const { inputs, errors } = await expandInputs(command.inputs, io.cwd);
  for (const error of errors) io.stderr.write(`${error}\n`);
  if (inputs.length === 0) {
    if (errors.length === 0) io.stderr.write('Aucun fichier à vérifier.\n');
    return EXIT_FAILED;
  }
  if (command.summary) {
    const { runSummary } = await import('./summaryCommand');
    return runSummary(command, pack, inputs, errors.length > 0, io, templates);
  }

  const rows: FileRow[] = [];
  let failed = errors.length > 0;
  for (const input of inputs) {
    const read = await readInput(input);
    if (!read.ok) {
      io.stderr.write(`${read.error}\n`);
      rows.push({ file: input.display, error: read.error });
      failed = true;
      continue;
    }
    for (const warning of read.warnings) io.stderr.write(`Attention : ${warning}\n`);
    const hint = generationHint(input.display, read.document, pack, templates);
    if (hint) io.stderr.write(`${hint}\n`);
    rows.push({ file: input.display, report: check(read.document, pack) });
  }

  // One object when the command line names exactly one file; an array for a folder or several files.
  const single = command.inputs.length === 1 && inputs.length === 1 && inputs[0]!.display === command.inputs[0];
  const checked = rows.filter((r): r is FileRow & { report: NonNullable<FileRow['report']> } => r.report !== undefined);
  if (command.json) {
    const json = checked.map((r) => toJson(r.file, r.report));
    if (single) {
      if (json[0]) io.stdout.write(`${JSON.stringify(json[0], null, 2)}\n`);
    } else {
      io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    }
  } else if (inputs.length === 1) {
    if (checked[0]) io.stdout.write(formatReport(checked[0].file, checked[0].report, pack, { color: io.color }));
  } else {
    io.stdout.write(formatSummaryTable(rows));
  }
  return failed ? EXIT_FAILED : EXIT_OK;
}
