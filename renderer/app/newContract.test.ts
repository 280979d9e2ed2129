import { describe, expect, it } from 'vitest';
import { chooseReferentiel, templatePeriode, validateDraft, type DraftPeriode, type NewContractDraft } from './newContract';

const valid: NewContractDraft = {
  territoire: '  Communauté d’agglomération des Coteaux-de-Vionne ',
  epci: 'CA des Coteaux-de-Vionne',
  communes: 'Vionne-la-Haute\n\n  Saint-Aurel  \n',
  qpv: [
    { nom: 'Les Tilleuls', code: 'qp099101' },
    { nom: '', code: '' },
  ],
  debut: '2024',
  fin: '2030-12-31',
  referentiel: 'annexe-1-2014@1.0.0',
};

describe('the « Nouveau contrat » form', () => {
  it('builds the metadata project:create expects, trimmed, with empty rows dropped', () => {
    const checked = validateDraft(valid);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.meta).toEqual({
      territoire: 'Communauté d’agglomération des Coteaux-de-Vionne',
      epci: 'CA des Coteaux-de-Vionne',
      communes: ['Vionne-la-Haute', 'Saint-Aurel'],
      qpv: [{ nom: 'Les Tilleuls', code: 'QP099101' }],
      periode: { debut: '2024', fin: '2030-12-31' },
      referentiel: { id: 'annexe-1-2014', version: '1.0.0' },
      signataires: [],
      mode: 'redaction',
    });
    expect(checked.suggestedName).toBe('Contrat de ville – Communauté d’agglomération des Coteaux-de-Vionne');
  });

  it('says in French what is missing', () => {
    const checked = validateDraft({ ...valid, territoire: ' ', communes: '', qpv: [{ nom: '', code: '' }], debut: '', fin: '' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.territoire).toMatch(/^Indiquez le nom du territoire/);
    expect(checked.errors.communes).toBe('Indiquez au moins une commune, une par ligne.');
    expect(checked.errors.qpv).toBe('Indiquez au moins un quartier prioritaire (QPV).');
    expect(checked.errors.debut).toMatch(/^Indiquez l’année de début/);
  });

  it('refuses a malformed QPV code, a nameless quartier and an end before the start', () => {
    const checked = validateDraft({ ...valid, qpv: [{ nom: '', code: '75001' }], debut: '2030', fin: '2024' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors['qpv-0-nom']).toBe('Donnez le nom du quartier n° 1.');
    expect(checked.errors['qpv-0-code']).toMatch(/QP075001/);
    expect(checked.errors.fin).toBe('La fin du contrat doit venir après son début.');
  });

  it('accepts the 2024 geography codes and refuses impossible months', () => {
    expect(validateDraft({ ...valid, qpv: [{ nom: 'La Garenne', code: 'QN09903M' }] }).ok).toBe(true);
    const checked = validateDraft({ ...valid, debut: '2024-13' });
    expect(!checked.ok && checked.errors.debut).toMatch(/mois/);
  });
});

describe('choosing the référentiel in « Nouveau contrat »', () => {
  const periodes: Record<string, DraftPeriode> = { 'annexe-1-2014@1.0.0': { debut: '2015', fin: '2020' }, 'quartiers-2030@1.0.0': { debut: '2024', fin: '2030' } };
  const periodeOf = (ref: string): DraftPeriode | undefined => periodes[ref];
  const draft = (debut: string, fin: string): NewContractDraft => ({ ...valid, debut, fin, referentiel: 'annexe-1-2014@1.0.0' });

  it('reads the période of a template from its title', () => {
    expect(templatePeriode('Contrat de ville 2015-2020')).toEqual({ debut: '2015', fin: '2020' });
    expect(templatePeriode('Contrat de ville 2024–2030 « Engagements Quartiers 2030 »')).toEqual({ debut: '2024', fin: '2030' });
    expect(templatePeriode('Contrat de ville')).toBeUndefined();
  });

  it('moves the default période with the référentiel, and back', () => {
    const q2030 = chooseReferentiel(draft('2015', '2020'), 'quartiers-2030@1.0.0', periodeOf);
    expect(q2030).toMatchObject({ referentiel: 'quartiers-2030@1.0.0', debut: '2024', fin: '2030' });
    expect(chooseReferentiel(q2030, 'annexe-1-2014@1.0.0', periodeOf)).toMatchObject({ debut: '2015', fin: '2020' });
    expect(chooseReferentiel(draft('', ' '), 'quartiers-2030@1.0.0', periodeOf)).toMatchObject({ debut: '2024', fin: '2030' });
  });

  it('keeps what the user typed, field by field', () => {
    expect(chooseReferentiel(draft('2016-04-01', '2020'), 'quartiers-2030@1.0.0', periodeOf)).toMatchObject({ debut: '2016-04-01', fin: '2030' });
    expect(chooseReferentiel(draft('2015', '2022'), 'quartiers-2030@1.0.0', periodeOf)).toMatchObject({ debut: '2024', fin: '2022' });
    // A référentiel whose template names no years leaves untouched fields empty rather than wrong.
    expect(chooseReferentiel(draft('2015', '2020'), 'autre@1.0.0', periodeOf)).toMatchObject({ debut: '', fin: '' });
  });
});
