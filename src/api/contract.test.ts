import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, CHANNELS, isChannel, parseArgs } from './contract';

const VALID: { [C in keyof typeof CHANNELS]: unknown } = {
  'project:create': {
    path: '/tmp/a.pilier',
    meta: {
      territoire: 'Val-de-Brume',
      epci: 'CA du Val-de-Brume',
      communes: ['Brume'],
      qpv: [{ nom: 'Les Tilleuls', code: 'QP001001' }],
      periode: { debut: '2015', fin: '2020' },
      referentiel: { id: 'annexe-1-2014', version: '1.0.0' },
      signataires: [],
    },
  },
  'project:open': { path: '/tmp/a.pilier' },
  'project:openDemo': undefined,
  'project:saveSections': { changes: [{ id: 's1', content: '{}' }] },
  'project:updateMeta': { territoire: 'Autre' },
  'project:saveReport': { report: { referentiel: { id: 'annexe-1-2014', version: '1.0.0' }, summary: { covered: 1, partial: 0, missing: 0 }, requirements: [] } },
  'project:snapshot': { label: 'avant relecture' },
  'project:listSnapshots': undefined,
  'project:restoreSnapshot': { id: 3 },
  'project:saveAs': { path: '/tmp/b.pilier' },
  'project:close': undefined,
  'recent:list': undefined,
  'dialog:saveProject': { suggestedName: 'contrat.pilier' },
  'dialog:openProject': undefined,
  'dialog:saveExport': { suggestedName: 'Contrat de ville — Val-de-Brume', format: 'docx' },
  'export:run': { path: '/tmp/contrat.odt', format: 'odt', grille: true },
  'dialog:openContractFile': undefined,
  'review:import': { sourcePath: '/tmp/recu.pdf', projectPath: '/tmp/recu.pilier' },
  'task:progress': undefined,
  'task:cancel': undefined,
  'review:load': undefined,
  'review:setReviewer': { nom: 'Claire Martin', qualite: 'déléguée du préfet' },
  'review:setVerdict': { requirementId: 'FEM-1a', verdict: 'a-completer', comment: 'Volet annoncé sans actions.', automaticStatus: 'partial' },
  'review:addComment': { requirementId: null, anchor: { sectionId: 's1', blockId: 'b4', start: 0, end: 12, quote: 'Le volet égal' }, text: 'À préciser.' },
  'review:deleteComment': { id: 'c1' },
  'review:setOpinion': { opinion: 'Avis favorable sous réserve.' },
  'review:exportReport': { path: '/tmp/rapport.docx', format: 'docx' },
  'dialog:saveReviewPackage': { suggestedName: 'Relecture' },
  'review:exportPackage': { path: '/tmp/relecture.pilier-relecture' },
  'dialog:openReviewPackage': undefined,
  'review:importPackage': { path: '/tmp/relecture.pilier-relecture' },
  'export:referentiel': { path: '/tmp/referentiel.docx', packId: 'annexe-1-2014', requirementIds: ['FEM-1a'] },
};

/** Keys a channel may omit (the generated test does not expect their absence to be refused). */
const OPTIONAL: Partial<Record<keyof typeof CHANNELS, string[]>> = {
  'review:setReviewer': ['qualite'],
  'export:referentiel': ['requirementIds', 'title'],
};

describe('the IPC contract', () => {
  it('knows its channels and nothing else', () => {
    expect(CHANNEL_NAMES.length).toBe(Object.keys(VALID).length);
    expect(isChannel('project:open')).toBe(true);
    for (const bad of ['toString', '__proto__', 'constructor', 'project:delete', '', 42, null]) expect(isChannel(bad)).toBe(false);
  });

  it.each(CHANNEL_NAMES)('%s accepts its valid argument and refuses wrong, missing, extra and oversized ones', (channel) => {
    const valid = VALID[channel];
    expect(parseArgs(channel, valid).ok).toBe(true);
    const refused = (arg: unknown) => {
      const r = parseArgs(channel, arg);
      expect(r.ok, JSON.stringify(arg)?.slice(0, 80)).toBe(false);
      if (!r.ok) expect(r.error).toMatch(new RegExp(`^Demande refusée : argument invalide pour « ${channel} »`));
    };
    if (valid === undefined) {
      refused({});
      refused('x');
      return;
    }
    refused(undefined);
    refused(42);
    refused('texte');
    refused([valid]);
    refused({ ...(valid as object), intrus: true });
    for (const key of Object.keys(valid as object)) {
      const copy = { ...(valid as Record<string, unknown>) };
      const original = copy[key];
      copy[key] = typeof original === 'number' ? 'un' : 12345;
      refused(copy);
      if (channel !== 'project:updateMeta' && channel !== 'project:snapshot' && !OPTIONAL[channel]?.includes(key)) {
        delete copy[key];
        refused(copy);
      }
      if (typeof original === 'string') refused({ ...(valid as object), [key]: 'x'.repeat(25_000_000) });
    }
  });
});
