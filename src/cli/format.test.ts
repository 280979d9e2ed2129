import { describe, expect, it } from 'vitest';
import type { CheckReport, RequirementResult } from '../check/report';
import type { Referentiel } from '../referential/schema';
import { formatReport, formatSummaryTable, shortPath, summaryLine, toJson, truncateQuote } from './format';

const PACK = {
  title: 'Annexe 1 (test)',
  axes: [
    { id: 'cohesion', label: 'Pilier « Cohésion sociale »', group: 'pilier' },
    { id: 'signataires', label: 'Signataires', group: 'signataires' },
  ],
} as unknown as Referentiel;

function requirement(over: Partial<RequirementResult>): RequirementResult {
  return {
    id: 'X-1',
    title: 'Titre',
    kind: 'volet',
    level: 'attendu',
    axis: 'cohesion',
    source: 'Texte de l’annexe',
    status: 'missing',
    confidence: 0.9,
    reason: 'Aucune mention',
    evidence: [],
    ...over,
  };
}

const REPORT: CheckReport = {
  referentiel: { id: 'annexe-1-2014', version: '1.2.0' },
  summary: { covered: 1, partial: 1, missing: 2 },
  requirements: [
    requirement({ id: 'JUS-1', title: 'Procureur signataire', kind: 'signataire', level: 'obligatoire', axis: 'signataires' }),
    requirement({
      id: 'FEM-1a',
      title: 'Volet égalité femmes-hommes',
      level: 'obligatoire',
      status: 'covered',
      reason: 'Volet présent : section « Égalité femmes-hommes », 3 actions',
      evidence: [
        {
          text: 'Le contrat consacre un volet entier à l’égalité entre les femmes et les hommes, avec trois actions et un budget dédié pour chaque quartier prioritaire.',
          blockId: 'b12',
          start: 0,
          end: 150,
          headingPath: ['Contrat de ville', 'Pilier « Cohésion sociale »', 'Égalité femmes-hommes'],
        },
      ],
    }),
    requirement({ id: 'SAN-5', title: 'Volet santé', status: 'partial', reason: 'Mentionné une fois, dans une liste' }),
    requirement({
      id: 'SPO-2b',
      title: 'Service civique',
      kind: 'cible',
      level: 'recommandé',
      reason: 'Pas de chiffre local',
      figure: { national: 25, unit: '%' },
    }),
  ],
};

describe('toJson', () => {
  it('has exactly the documented fields, in order', () => {
    const json = toJson('contrat.md', REPORT);
    expect(Object.keys(json)).toEqual(['file', 'referentiel', 'summary', 'requirements']);
    expect(json.referentiel).toEqual({ id: 'annexe-1-2014', version: '1.2.0' });
    expect(json.summary).toEqual({ covered: 1, partial: 1, missing: 2 });
    expect(Object.keys(json.requirements[0]!)).toEqual([
      'id', 'title', 'kind', 'level', 'source', 'status', 'confidence', 'reason', 'evidence',
    ]);
    expect(Object.keys(json.requirements[1]!.evidence[0]!)).toEqual(['text', 'blockId', 'start', 'end', 'headingPath']);
    expect(JSON.stringify(json)).not.toContain('axis');
    expect(JSON.stringify(json)).not.toContain('figure');
  });
});

describe('text output', () => {
  it('summarises with French agreement and lists the missing mandatory requirements', () => {
    expect(summaryLine(REPORT)).toBe('1 couverte · 1 partielle · 2 manquantes — obligatoires manquantes : JUS-1');
    const none: CheckReport = { ...REPORT, summary: { covered: 4, partial: 0, missing: 0 }, requirements: [] };
    expect(summaryLine(none)).toBe('4 couvertes · 0 partielle · 0 manquante — aucune obligatoire manquante');
  });

  it('groups by axis in the référentiel’s order, then by kind, with symbol, id, level, title, reason and quote', () => {
    const text = formatReport('contrat.md', REPORT, PACK);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Fichier : contrat.md');
    expect(lines[1]).toBe('Référentiel : Annexe 1 (test) (annexe-1-2014, version 1.2.0)');
    const cohesion = lines.indexOf('■ Pilier « Cohésion sociale » — 1/3 couvertes');
    const signataires = lines.indexOf('■ Signataires — 0/1 couvertes');
    expect(cohesion).toBeGreaterThan(0);
    expect(signataires).toBeGreaterThan(cohesion);
    expect(lines[cohesion + 1]).toBe(' Volets');
    expect(lines[cohesion + 2]).toBe('  ✔ FEM-1a  obligatoire  Volet égalité femmes-hommes');
    expect(lines[cohesion + 3]!.trim()).toBe('Volet présent : section « Égalité femmes-hommes », 3 actions');
    expect(lines[cohesion + 4]!.trim()).toMatch(/^« Le contrat consacre .*… » — … › Pilier « Cohésion sociale » › Égalité femmes-hommes$/);
    expect(text).toContain('  ◐ SAN-5   attendu      Volet santé');
    expect(text).toContain(' Cibles chiffrées\n  ✘ SPO-2b  recommandé   Service civique');
    expect(text).toContain('Pas de chiffre local (aucun chiffre local · national 25 %)');
    expect(lines.at(-2)).toBe(summaryLine(REPORT));
  });

  it('colours the symbols only when asked', () => {
    expect(formatReport('a.md', REPORT, PACK)).not.toContain('\u001b[');
    expect(formatReport('a.md', REPORT, PACK, { color: true })).toContain('\u001b[32m✔\u001b[0m');
  });

  it('cuts long quotes at a word and short paths to the last two headings', () => {
    expect(truncateQuote('un  deux\ntrois')).toBe('un deux trois');
    const cut = truncateQuote('mot '.repeat(50), 30);
    expect(cut.endsWith('mot…')).toBe(true);
    expect([...cut].length).toBeLessThanOrEqual(30);
    expect(shortPath(['A', 'B'])).toBe('A › B');
    expect(shortPath(['A', 'B', 'C'])).toBe('… › B › C');
  });

  it('gives one row per file, unreadable files included', () => {
    const table = formatSummaryTable([
      { file: 'a.md', report: REPORT },
      { file: 'long-nom.docx', error: 'illisible' },
    ]);
    expect(table.split('\n')).toEqual([
      'Fichier        Couvertes  Partielles  Manquantes  Obligatoires manquantes',
      'a.md                   1           1           2  1 : JUS-1',
      'long-nom.docx          —           —           —  illisible (voir le message ci-dessus)',
      '',
      '1 fichier vérifié, 1 illisible.',
      '',
    ]);
  });
});
