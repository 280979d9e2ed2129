import { writeSync } from 'node:fs';
import { openProject } from '../../src/project/open';
import { lexical } from '../../src/project/testProject';

/**
 * The process the crash test kills: opens a project and autosaves an ever-growing counter into one section,
 * printing « saved N » after each committed transaction. The parent kills it with SIGKILL at a random moment.
 */
/**
 * Writes a line to stdout before going on. `process.stdout.write` on a pipe may queue the line until the event
 * loop runs, which this loop never lets it do: under load, lines of committed saves were still queued when the
 * kill came, and the test saw the file « ahead » of what was reported. A blocking write cannot lose one.
 */
function report(line: string): void {
  const bytes = Buffer.from(`${line}\n`);
  let written = 0;
  while (written < bytes.length) {
    try {
      written += writeSync(1, bytes, written);
    } catch (error) {
      // A full non-blocking pipe: wait for the parent to read.
      if ((error as { code?: string }).code !== 'EAGAIN') throw error;
    }
  }
}

const path = process.argv[2]!;
const opened = openProject(path);
if (!opened.ok) {
  report(`error ${opened.error}`);
  process.exit(3);
}
const project = opened.value;
const first = project.listSections();
const start = first.ok ? Number(/compteur (\d+)/.exec(first.value.find((s) => s.id === 'diagnostic')?.content ?? '')?.[1] ?? 0) : 0;
report('ready');
for (let n = start + 1; ; n++) {
  const saved = project.saveSections([{ id: 'diagnostic', content: lexical(`compteur ${n} ${'x'.repeat(n % 500)}`) }]);
  if (!saved.ok) {
    report(`error ${saved.error}`);
    process.exit(4);
  }
  report(`saved ${n}`);
}
