import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewProjectMeta, NewSection } from './meta';

/** Test fixtures for the project file: temp folders, a small contract, a controllable clock. */

export function temporaryFolder(): { dir: string; file(name: string): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'pilier-project-'));
  return { dir, file: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** A serialised Lexical editor state with one paragraph. */
export function lexical(text: string): string {
  return JSON.stringify({
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] }],
    },
  });
}

export function sampleMeta(overrides: Partial<NewProjectMeta> = {}): NewProjectMeta {
  return {
    territoire: 'Communauté d’agglomération de Val-Fictif',
    epci: 'CA Val-Fictif',
    communes: ['Saint-Exemple', 'Villefictive'],
    qpv: [
      { nom: 'Les Tilleuls', code: 'QN09901M' },
      { nom: 'Centre ancien', code: 'QN09902M' },
    ],
    periode: { debut: '2024', fin: '2030' },
    referentiel: { id: 'annexe-1-2014', version: '1.0.0' },
    signataires: [{ nom: 'État', qualite: 'Préfet de département' }, { nom: 'France Travail' }],
    mode: 'redaction',
    ...overrides,
  };
}

export function sampleSections(): NewSection[] {
  return [
    { id: 'preambule', position: 0, title: 'Préambule', content: lexical('Le présent contrat de ville…') },
    { id: 'diagnostic', position: 1, title: 'Diagnostic', content: lexical('Les quartiers prioritaires comptent…') },
    { id: 'egalite-femmes-hommes', position: 2, title: 'Égalité femmes-hommes', content: lexical('[À compléter]') },
  ];
}

/** A clock the test moves by hand. */
export function manualClock(start = '2025-03-01T09:00:00.000Z'): { now: () => Date; advance(ms: number): void; set(iso: string): void } {
  let time = Date.parse(start);
  return {
    now: () => new Date(time),
    advance: (ms) => {
      time += ms;
    },
    set: (iso) => {
      time = Date.parse(iso);
    },
  };
}

export const MINUTE = 60_000;
