import { openProject } from '../../src/project/open';
import { lexical } from '../../src/project/testProject';

/**
 * The process the crash test kills: opens a project and autosaves an ever-growing counter into one section,
 * printing « saved N » after each committed transaction. The parent kills it with SIGKILL at a random moment.
 */
const path = process.argv[2]!;
const opened = openProject(path);
if (!opened.ok) {
  process.stdout.write(`error ${opened.error}\n`);
  process.exit(3);
}
const project = opened.value;
const first = project.listSections();
const start = first.ok ? Number(/compteur (\d+)/.exec(first.value.find((s) => s.id === 'diagnostic')?.content ?? '')?.[1] ?? 0) : 0;
process.stdout.write('ready\n');
for (let n = start + 1; ; n++) {
  const saved = project.saveSections([{ id: 'diagnostic', content: lexical(`compteur ${n} ${'x'.repeat(n % 500)}`) }]);
  if (!saved.ok) {
    process.stdout.write(`error ${saved.error}\n`);
    process.exit(4);
  }
  process.stdout.write(`saved ${n}\n`);
}
