import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../document/markdown';
import type { Block, ContractDocument } from '../document/model';
import { parsePack } from '../referential/load';
import { check, Checker } from './checker';

const seeds = fileURLToPath(new URL('../../seeds/', import.meta.url));
const loaded = parsePack(readFileSync(`${seeds}referentiel-annexe-1-2014.json`, 'utf8'), 'pack');
if (!loaded.ok) throw new Error(loaded.error);
const pack = loaded.pack;

const EDITS: Array<(b: Block, other: Block) => string> = [
  (b) => `${b.text} Le volet égalité femmes-hommes prévoit des marches exploratoires.`,
  (b) => b.text.slice(0, Math.floor(b.text.length / 2)),
  () => '',
  (_b, other) => other.text,
  (b) => `${b.text} Ce volet fera l’objet d’un avenant ultérieur.`,
  () => 'Au niveau national, la convention interministérielle prévoit :',
  () => 'Le présent contrat ne comporte pas de volet sécurité et tranquillité publiques.',
  () => 'Fait à Brévanne, le 3 juillet 2015.',
  () => 'Le procureur de la République',
  () => '[À compléter : texte du volet]',
];

function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('incremental re-check', () => {
  const drafts = readdirSync(`${seeds}corpus`).filter((f) => f.endsWith('.md')).sort().slice(0, 6);

  it.each(drafts)('gives the same report as a full check after each of 40 random edits (%s)', (draft) => {
    const next = random(draft.length);
    let doc: ContractDocument = parseMarkdown(readFileSync(`${seeds}corpus/${draft}`, 'utf8'));
    const checker = new Checker(pack);
    checker.check(doc);
    const body = doc.blocks.map((b, i) => (b.type === 'heading' ? -1 : i)).filter((i) => i >= 0);
    for (let k = 0; k < 40; k++) {
      const i = body[Math.floor(next() * body.length)]!;
      const other = doc.blocks[body[Math.floor(next() * body.length)]!]!;
      const blocks = doc.blocks.slice();
      blocks[i] = { ...blocks[i]!, text: EDITS[k % EDITS.length]!(blocks[i]!, other) };
      doc = { blocks };
      const incremental = k % 2 === 0 ? checker.check(doc) : checker.check(doc, { changed: [blocks[i]!.id] });
      expect(checker.lastAnalysed).toBeLessThanOrEqual(1);
      expect(incremental).toEqual(check(doc, pack));
    }
  });

  it('falls back to a full comparison when the hint is wrong', () => {
    const doc = parseMarkdown(readFileSync(`${seeds}corpus/${drafts[1]}`, 'utf8'));
    const checker = new Checker(pack);
    checker.check(doc);
    const h = doc.blocks.findIndex((b, i) => i > 0 && b.type === 'heading');
    const blocks = doc.blocks.slice();
    blocks[h] = { ...blocks[h]!, text: 'Égalité entre les femmes et les hommes' };
    expect(checker.check({ blocks }, { changed: [blocks[h]!.id] })).toEqual(check({ blocks }, pack));
    const fewer = blocks.slice(1);
    expect(checker.check({ blocks: fewer }, { changed: ['nope'] })).toEqual(check({ blocks: fewer }, pack));
  });

  it('re-evaluates few requirements when one paragraph changes', () => {
    const doc = parseMarkdown(readFileSync(`${seeds}corpus/${drafts[0]}`, 'utf8'));
    const checker = new Checker(pack);
    checker.check(doc);
    expect(checker.lastEvaluated).toBe(pack.requirements.length);
    const i = doc.blocks.findIndex((b) => b.type === 'paragraph' && b.text.length > 200);
    const blocks = doc.blocks.slice();
    blocks[i] = { ...blocks[i]!, text: `${blocks[i]!.text} Une phrase de plus.` };
    checker.check({ blocks });
    expect(checker.lastEvaluated).toBeLessThan(pack.requirements.length / 2);
  });
});
