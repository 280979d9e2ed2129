import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMarkdown } from '../../document/markdown';
import { parsePack } from '../../referential/load';
import { check } from '../checker';
import { scoreCorpus, type LabelledResult, type Score } from '../metrics';
import type { Status } from '../report';

/** `npm run eval`: the checker against the labelled corpus of seeds/corpus/. */

const root = fileURLToPath(new URL('../../../', import.meta.url));
const corpus = join(root, 'seeds', 'corpus');
const packFile = 'referentiel-annexe-1-2014.json';
const pack = parsePack(readFileSync(join(root, 'seeds', packFile), 'utf8'), packFile);
if (!pack.ok) {
  console.error(pack.error);
  process.exit(2);
}

const DEFERRED_NOTE = /avenant|ultérieur|plus tard|à ce stade|différ|report|à venir|négation|ne comporte pas|écart|exclu|n'a pas pu|n’a pas pu/i;

interface LabelFile {
  draft: string;
  labels: Record<string, Status>;
  notes?: Record<string, string>;
}

// `npm run eval -- --drafts 15,16` scores only the drafts whose names start with those prefixes.
const only = process.argv.includes('--drafts') ? process.argv[process.argv.indexOf('--drafts') + 1]!.split(',') : undefined;

const results: LabelledResult[] = readdirSync(corpus)
  .filter((f) => f.endsWith('.labels.json'))
  .filter((f) => !only || only.some((prefix) => f.startsWith(prefix)))
  .sort()
  .map((f) => {
    const label = JSON.parse(readFileSync(join(corpus, f), 'utf8')) as LabelFile;
    const report = check(parseMarkdown(readFileSync(join(corpus, label.draft), 'utf8')), pack.pack);
    const deferredOrNegated = Object.entries(label.notes ?? {})
      .filter(([id, note]) => label.labels[id] !== 'covered' && DEFERRED_NOTE.test(note))
      .map(([id]) => id);
    return { draft: label.draft, report, labels: label.labels, deferredOrNegated };
  });

const s = scoreCorpus(results);
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const line = (name: string, x: Score) =>
  `${name.padEnd(14)} ${pct(x.accuracy).padStart(8)} ${pct(x.precision).padStart(8)} ${pct(x.recall).padStart(8)} ${x.f1.toFixed(3).padStart(6)}   (VP ${x.tp}, FP ${x.fp}, FN ${x.fn}, VN ${x.tn})`;

console.log(`Corpus : ${results.length} projets, ${s.labels} étiquettes (exigences obligatoires et attendues).`);
console.log(`\n${'exigence'.padEnd(14)} ${'exactit.'.padStart(8)} ${'précis.'.padStart(8)} ${'rappel'.padStart(8)} ${'F1'.padStart(6)}`);
for (const [id, score] of s.perRequirement) console.log(line(id, score));
console.log(line('ENSEMBLE', s.overall));
console.log(`\nAccord exact sur 3 statuts (couvert / partiel / manquant) : ${pct(s.exactAgreement)}`);
console.log(`Volets différés ou niés (d’après les notes) : ${s.deferredCases}, dont déclarés « couverts » à tort : ${s.coveredWhenDeferred.length}`);
for (const m of s.coveredWhenDeferred) console.log(`  ${m.draft}  ${m.id} — ${m.reason}`);
if (process.argv.includes('--errors') || s.mistakes.length <= 25) {
  console.log(`\nErreurs couvert / non couvert (${s.mistakes.length}) :`);
  for (const m of s.mistakes) console.log(`  ${m.draft}  ${m.id}: attendu ${m.expected}, obtenu ${m.actual} — ${m.reason}`);
} else {
  console.log(`\n${s.mistakes.length} erreurs couvert / non couvert (détail : npm run eval -- --errors)`);
}
