import packText from '../../seeds/referentiel-annexe-1-2014.json?raw';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../../src/referential';
import { NO_FILTERS } from '../store/trainingSlice';
import { browseRequirements, conventionLabel, isFiltered, resultSentence, targetLabel } from './browse';

const parsed = parsePack(packText, 'referentiel-annexe-1-2014.json');
if (!parsed.ok) throw new Error(parsed.error);
const pack = parsed.pack;

describe('référentiel browser helpers', () => {
  it('finds the France Travail signatory from « Pôle emploi » and from « france travail », first', () => {
    for (const query of ['Pôle emploi', 'france travail', 'POLE EMPLOI']) {
      const ids = browseRequirements(pack, { ...NO_FILTERS, query, kind: 'signataire' }).map((h) => h.requirement.id);
      expect(ids[0], query).toBe('EMP-5b');
    }
  });

  it('narrows by convention, axis, kind and level together', () => {
    const all = browseRequirements(pack, NO_FILTERS);
    expect(all).toHaveLength(pack.requirements.length);
    const justice = browseRequirements(pack, { ...NO_FILTERS, convention: 'JUS' });
    expect(justice.length).toBeGreaterThan(0);
    expect(justice.every((h) => h.requirement.convention === 'JUS')).toBe(true);
    const mandatorySignatories = browseRequirements(pack, { ...NO_FILTERS, kind: 'signataire', level: 'obligatoire' });
    expect(mandatorySignatories.map((h) => h.requirement.id)).toContain('CAD-SIG-PREF');
    expect(mandatorySignatories.every((h) => h.requirement.kind === 'signataire' && h.requirement.level === 'obligatoire')).toBe(true);
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, axis: 'jeunesse' })).toBe(true);
  });

  it('says the count in French', () => {
    expect(resultSentence(0, 170, true)).toBe('Aucune exigence ne correspond à la recherche.');
    expect(resultSentence(1, 170, true)).toBe('1 exigence sur 170 correspond à la recherche.');
    expect(resultSentence(170, 170, false)).toBe('170 exigences dans ce référentiel.');
  });

  it('names conventions with their date, and targets with their unit', () => {
    expect(conventionLabel(pack, 'JUS')).toBe('Ministère de la justice (8 juillet 2013)');
    expect(conventionLabel(pack, undefined)).toBe('Cadre légal et circulaires');
    expect(targetLabel({ value: 25, unit: '%', measure: 'part des jeunes', direction: 'min' })).toBe('25\u00a0% — part des jeunes');
  });
});
