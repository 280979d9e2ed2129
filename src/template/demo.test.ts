import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NewProjectMetaSchema } from '../api/contract';
import { check } from '../check';
import type { Status } from '../check';
import { documentFromSections } from '../document/lexical';
import { parseMarkdown } from '../document/markdown';
import { sectionsFromMarkdown } from './fromMarkdown';
import { loadTemplateAndPack, META } from './testFiles';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const { pack } = loadTemplateAndPack(read);
const demo = read('seeds/demo/contrat-demo.md');

interface GapsFile {
  draft: string;
  description: string;
  gaps: Record<string, { status: Status; kind: string; where: string; explanation: string }>;
  labels: Record<string, Status>;
}
const gaps = JSON.parse(read('seeds/demo/contrat-demo.gaps.json')) as GapsFile;

describe('the demo contract', () => {
  const sections = sectionsFromMarkdown(demo);
  const report = check(documentFromSections(sections), pack);
  const status = (id: string) => report.requirements.find((r) => r.id === id)?.status;

  it('is a realistic draft of 2 500 to 4 000 words, one project section per ## heading', () => {
    const words = demo.replace(/\|[-|\s]*\|/g, ' ').match(/[\p{L}\p{N}’'-]+/gu)!.length;
    expect(words).toBeGreaterThanOrEqual(2500);
    expect(words).toBeLessThanOrEqual(4000);
    expect(sections.map((s) => s.title)).toEqual(demo.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3)));
    expect(sections).toHaveLength(15);
  });

  it('lists one deliberate gap of each kind, each explained in French', () => {
    expect(Object.values(gaps.gaps).map((g) => g.kind).sort()).toEqual(
      ['partenaire seulement consulté', 'signataire manquant', 'titre sans contenu', 'volet absent', 'volet différé'].sort(),
    );
    for (const [id, g] of Object.entries(gaps.gaps)) {
      expect(pack.requirements.some((r) => r.id === id), id).toBe(true);
      expect(gaps.labels[id], id).toBe(g.status);
      expect(g.status, id).not.toBe('covered');
      expect(g.explanation.length, id).toBeGreaterThan(80);
    }
  });

  it('makes the checker agree with the gaps file for every listed requirement', () => {
    const found = Object.fromEntries(Object.keys(gaps.gaps).map((id) => [id, status(id)]));
    expect(found).toEqual(Object.fromEntries(Object.entries(gaps.gaps).map(([id, g]) => [id, g.status])));
  });

  it('labels every obligatoire and attendu requirement, and the checker agrees on each', () => {
    const required = pack.requirements.filter((r) => r.level !== 'recommandé').map((r) => r.id);
    expect(Object.keys(gaps.labels).sort()).toEqual([...required].sort());
    const found = Object.fromEntries(required.map((id) => [id, status(id)]));
    expect(found).toEqual(gaps.labels);
  });

  it('reads the same through Lexical sections as straight from Markdown', () => {
    const direct = check(parseMarkdown(demo), pack);
    const differ = direct.requirements.filter((r) => r.status !== status(r.id)).map((r) => r.id);
    expect(differ).toEqual([]);
  });

  it('ships metadata matching its text, valid for « Nouveau contrat »', () => {
    const meta = NewProjectMetaSchema.parse(JSON.parse(read('seeds/demo/contrat-demo.meta.json')));
    expect({ territoire: meta.territoire, epci: meta.epci, communes: meta.communes, qpv: meta.qpv, periode: meta.periode }).toEqual(META);
    expect(meta.referentiel).toEqual({ id: pack.id, version: pack.version });
    for (const q of meta.qpv) expect(demo).toContain(`| ${q.nom} | ${q.code} |`);
    for (const c of meta.communes) expect(demo).toContain(c);
  });
});
