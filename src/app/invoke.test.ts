import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, type Channel } from '../api/contract';
import { lexical, sampleMeta } from '../project/testProject';
import { invoke, type Handlers } from './invoke';
import { testHost } from './testServices';

/** Handlers that record their calls and never touch a file. */
function spies() {
  const calls: [Channel, unknown][] = [];
  const handlers = Object.fromEntries(
    CHANNEL_NAMES.map((channel) => [
      channel,
      vi.fn(async (arg: unknown) => {
        calls.push([channel, arg]);
        return { ok: true, value: null };
      }),
    ]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

/** For each channel: arguments its schema must refuse (wrong type, missing, extra or oversized). */
const BAD_ARGS: Record<Channel, unknown[]> = {
  'project:create': [undefined, {}, { path: '/a.pilier' }, { path: 1, meta: sampleMeta() }, { path: '/a.pilier', meta: { ...sampleMeta(), territoire: '' } }, { path: '/a.pilier', meta: sampleMeta(), extra: 1 }],
  'project:open': [undefined, null, '/a.pilier', { path: '' }, { path: 'x'.repeat(5_000) }, { path: '/a', other: 1 }],
  'project:openDemo': [{}, 'demo', 0],
  'project:saveSections': [{ changes: [] }, { changes: [{ id: '', content: 'x' }] }, { changes: [{ id: 'a', content: 3 }] }, { changes: 'tout' }],
  'project:updateMeta': [{ territoire: 3 }, { mode: 'autre' }, { inconnu: true }, { communes: 'Saint-Exemple' }],
  'project:saveReport': [undefined, { report: {} }, { report: { nope: true } }, { report: { referentiel: { id: 'a', version: '1' }, summary: { covered: -1, partial: 0, missing: 0 }, requirements: [] } }],
  'project:snapshot': [undefined, { label: 3 }, { label: 'x'.repeat(10_001) }],
  'project:listSnapshots': [{}],
  'project:restoreSnapshot': [{ id: 0 }, { id: 1.5 }, { id: '1' }, {}],
  'project:saveAs': [{ path: '' }, { path: '/a', overwrite: 'oui' }],
  'project:close': [{}],
  'recent:list': [[]],
  'dialog:saveProject': [undefined, { suggestedName: 1 }],
  'dialog:openProject': [{ title: 'x' }],
  'dialog:saveExport': [undefined, { suggestedName: 'a' }, { suggestedName: 'a', format: 'pdf' }],
  'export:run': [{ path: '/a.docx', format: 'docx' }, { path: '/a.docx', format: 'docx', grille: 'oui' }, { path: '/a.docx', format: 'docx', grille: true, overwrite: true }],
  'dialog:openContractFile': [{}, 'x'],
  'review:import': [undefined, { sourcePath: '/a.pdf' }, { sourcePath: '', projectPath: '/a.pilier' }, { sourcePath: '/a.pdf', projectPath: '/a.pilier', mode: 'x' }],
  'task:progress': [{}],
  'task:cancel': [{ id: 1 }],
  'review:load': [{}],
  'review:setReviewer': [undefined, { nom: '' }, { nom: 'A', role: 'x' }, { nom: 'x'.repeat(300) }],
  'review:setVerdict': [
    { requirementId: 'FEM-1a', verdict: 'ok', comment: '', automaticStatus: null },
    { requirementId: 'FEM-1a', verdict: null, comment: 'x'.repeat(10_001), automaticStatus: null },
    { requirementId: 'FEM-1a', verdict: null, comment: '' },
  ],
  'review:addComment': [{ requirementId: null, anchor: null, text: '' }, { requirementId: null, anchor: { sectionId: 's', blockId: 'b', start: -1, end: 0, quote: '' }, text: 'x' }],
  'review:deleteComment': [{}, { id: 3 }],
  'review:setOpinion': [{ opinion: 1 }, {}],
  'review:exportReport': [{ path: '/a.docx' }, { path: '/a.pdf', format: 'pdf' }],
  'dialog:saveReviewPackage': [undefined, { suggestedName: 2 }],
  'review:exportPackage': [{}, { path: '' }],
  'dialog:openReviewPackage': [{ filter: 'x' }],
  'review:importPackage': [{ path: 1 }, { path: '/a', force: true }],
  'export:referentiel': [{ path: '/a.docx' }, { path: '/a.docx', packId: 'x', requirementIds: 'FEM-1a' }, { path: '/a.docx', packId: 'x', extra: 1 }],
};

describe('invoke', () => {
  it('refuses every ill-formed argument of every channel without calling the service', async () => {
    const { handlers, calls } = spies();
    let refused = 0;
    for (const channel of CHANNEL_NAMES) {
      for (const arg of BAD_ARGS[channel]) {
        const result = await invoke(handlers, channel, arg);
        expect(result, `${channel} ${JSON.stringify(arg)?.slice(0, 80)}`).toMatchObject({
          ok: false,
          error: expect.stringMatching(new RegExp(`^Demande refusée : argument invalide pour « ${channel} »`)),
        });
        refused++;
      }
    }
    expect(calls).toEqual([]);
    expect(refused).toBeGreaterThan(40);
  });

  it('refuses unknown channels', async () => {
    const { handlers, calls } = spies();
    for (const channel of ['shell:exec', '__proto__', 'constructor', 'hasOwnProperty', 42, undefined]) {
      expect(await invoke(handlers, channel, undefined)).toMatchObject({ ok: false, error: expect.stringMatching(/^Demande refusée : le canal/) });
    }
    expect(calls).toEqual([]);
  });

  it('passes the parsed argument, defaults applied', async () => {
    const { handlers, calls } = spies();
    const meta = sampleMeta();
    delete (meta as { mode?: string }).mode;
    await invoke(handlers, 'project:create', { path: '/a.pilier', meta });
    expect(calls).toEqual([['project:create', { path: '/a.pilier', meta: { ...meta, mode: 'redaction', signataires: [{ nom: 'État', qualite: 'Préfet de département' }, { nom: 'France Travail', qualite: '' }] } }]]);
  });

  it('reaches the real services end to end', async () => {
    const h = testHost();
    try {
      const path = h.folder.file('a.pilier');
      expect(await invoke(h.services.handlers, 'project:create', { path, meta: sampleMeta() })).toMatchObject({ ok: true, value: { path } });
      expect(await invoke(h.services.handlers, 'project:saveSections', { changes: [{ id: 'preambule', content: lexical('ok') }] })).toMatchObject({ ok: true });
      expect(await invoke(h.services.handlers, 'project:saveSections', { changes: [{ id: 'preambule', content: 'pas du JSON' }] })).toMatchObject({
        ok: false,
        error: expect.stringMatching(/n’est pas un état d’éditeur valide/),
      });
    } finally {
      h.dispose();
    }
  });
});
