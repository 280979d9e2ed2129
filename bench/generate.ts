import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMarkdown } from '../src/document/markdown';
import { withHeadingPaths, type Block, type ContractDocument } from '../src/document/model';

/**
 * Generates a large contract (default ≈150 000 words, ≈300 pages) with a realistic structure: the
 * chapters of a contrat de ville, each filled with paragraphs, list items and table rows drawn
 * (deterministically) from the labelled corpus drafts, so the vocabulary is that of real contracts.
 */

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHAPTERS: Array<[string, string[]]> = [
  ['Préambule', ['Le cadre légal', 'Les principes du contrat']],
  ['Diagnostic territorial participatif', ['Le territoire et ses quartiers prioritaires', 'Démographie', 'Emploi et revenus', 'Habitat']],
  ['Pilier 1 — Cohésion sociale', ['Réussite éducative', 'Santé', 'Culture', 'Sport', 'Accès aux droits', 'Prévention de la délinquance et tranquillité publique']],
  ['Pilier 2 — Cadre de vie et renouvellement urbain', ['Renouvellement urbain', 'Habitat et peuplement', 'Gestion urbaine de proximité', 'Mobilité et desserte']],
  ['Pilier 3 — Développement de l’activité économique et de l’emploi', ['Accès à l’emploi', 'Insertion par l’activité économique', 'Création d’entreprise', 'Commerce de proximité']],
  ['Axes transversaux', ['Jeunesse', 'Égalité entre les femmes et les hommes', 'Lutte contre les discriminations']],
  ['Gouvernance et conseils citoyens', ['Le comité de pilotage', 'Les conseils citoyens']],
  ['Pilotage, évaluation et indicateurs', ['Indicateurs', 'Évaluation à mi-parcours']],
  ['Engagements des signataires', ['L’État', 'Les collectivités', 'Les partenaires']],
];

function corpusBlocks(root: string): Block[] {
  const dir = join(root, 'seeds', 'corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .flatMap((f) => parseMarkdown(readFileSync(join(dir, f), 'utf8')).blocks)
    .filter((b) => b.type !== 'heading' && b.text.split(/\s+/).length >= 6);
}

export function generateContract(root: string, targetWords = 150_000, seed = 42): ContractDocument {
  const random = prng(seed);
  const pool = corpusBlocks(root);
  if (pool.length === 0) throw new Error('corpus vide : impossible de générer le contrat de banc d’essai');
  const out: Omit<Block, 'headingPath'>[] = [];
  let words = 0;
  let id = 0;
  let round = 0;
  const push = (b: Omit<Block, 'headingPath' | 'id'>) => {
    out.push({ ...b, id: `g${id++}` });
    words += b.text.split(/\s+/).length;
  };
  push({ type: 'heading', level: 1, text: 'Contrat de ville de l’agglomération de Val-de-Brume 2015-2020' });
  while (words < targetWords) {
    round++;
    for (const [chapter, sections] of CHAPTERS) {
      push({ type: 'heading', level: 1, text: round === 1 ? chapter : `${chapter} (programmation ${2014 + round})` });
      for (const section of sections) {
        push({ type: 'heading', level: 2, text: section });
        for (let sub = 0; sub < 3; sub++) {
          push({ type: 'heading', level: 3, text: `${section} — objectif opérationnel ${sub + 1}` });
          const n = 4 + Math.floor(random() * 6);
          for (let k = 0; k < n; k++) {
            const from = pool[Math.floor(random() * pool.length)]!;
            push(from.type === 'listItem' ? { type: 'listItem', text: from.text, listDepth: 0 } : { type: 'paragraph', text: from.text });
          }
        }
      }
    }
  }
  const signatories = ['Le préfet de la Brume', 'Le président de la communauté d’agglomération', 'Le maire de Val-de-Brume', 'La présidente du conseil départemental', 'Le président du conseil régional', 'Le procureur de la République', 'Le recteur de l’académie', 'Le directeur territorial de France Travail', 'La directrice générale de l’ARS', 'Le directeur de la CAF'];
  push({ type: 'heading', level: 1, text: 'Signataires' });
  signatories.forEach((s, row) => {
    out.push({ id: `sig-r${row}c0`, type: 'tableCell', text: s, table: { id: 'sig', row, col: 0 } });
    out.push({ id: `sig-r${row}c1`, type: 'tableCell', text: 'Signature', table: { id: 'sig', row, col: 1 } });
  });
  return { title: 'Contrat de ville de Val-de-Brume', blocks: withHeadingPaths(out) };
}

export function wordCount(doc: ContractDocument): number {
  return doc.blocks.reduce((n, b) => n + b.text.split(/\s+/).filter(Boolean).length, 0);
}
