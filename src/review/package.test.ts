import { gzipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ReviewState } from '../api/contract';
import { MAX_PACKAGE_JSON_BYTES, packageOf, readPackage, writePackage } from './package';

const claire = { nom: 'Claire Martin', qualite: 'Déléguée du préfet' };
const state: ReviewState = {
  reviewer: claire,
  verdicts: [{ requirementId: 'FEM-1a', verdict: 'non-conforme', comment: 'Volet absent.', automaticStatus: 'missing', reviewer: claire, at: '2025-03-02T10:00:00.000Z' }],
  comments: [
    {
      id: 'c1',
      requirementId: 'FEM-1a',
      anchor: { sectionId: 'diagnostic', blockId: 'diagnostic/0', start: 3, end: 11, quote: 'quartier' },
      text: 'Données sexuées ?',
      reviewer: claire,
      at: '2025-03-02T10:01:00.000Z',
    },
  ],
  opinion: 'Contrat à compléter.',
  original: { name: 'contrat.docx', sha256: 'a'.repeat(64), sizeBytes: 12_000, importedAt: '2025-03-01T09:00:00.000Z' },
};
const pack = packageOf(state, { createdAt: '2025-03-02T12:00:00.000Z', referentiel: { id: 'annexe-1-2014', version: '1.0.0' }, territoire: 'Val-Fictif' });

describe('the review package', () => {
  it('round-trips through its gzipped bytes', () => {
    const bytes = writePackage(pack);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    expect(readPackage(bytes, 'relecture.pilier-relecture')).toEqual({ ok: true, value: pack });
    // The same package always gives the same bytes (no clock in the gzip header).
    expect(writePackage(pack)).toEqual(bytes);
  });

  it('reads plain JSON too', () => {
    expect(readPackage(strToU8(JSON.stringify(pack)), 'r.json')).toEqual({ ok: true, value: pack });
  });

  it('refuses, in French, what is not a sound package', () => {
    const refused = (bytes: Uint8Array) => {
      const read = readPackage(bytes, 'r.pilier-relecture');
      return read.ok ? 'accepté' : read.error;
    };
    expect(refused(new Uint8Array())).toBe('Le fichier r.pilier-relecture est vide (0 octet) : rien n’a été importé.');
    expect(refused(strToU8('PK\u0003\u0004 pas du JSON'))).toMatch(/n’est pas une relecture Pilier \(\.pilier-relecture\) : son contenu est illisible/);
    expect(refused(strToU8(JSON.stringify({ format: 'autre' })))).toMatch(/n’est pas une relecture Pilier/);
    expect(refused(strToU8(JSON.stringify({ ...pack, schemaVersion: 2 })))).toMatch(/version plus récente de Pilier/);
    const badAnchor = { ...pack, comments: [{ ...pack.comments[0], anchor: { sectionId: '' } }] };
    expect(refused(strToU8(JSON.stringify(badAnchor)))).toMatch(/endommagée ou incomplète \(champ comments\.0\.anchor/);
    expect(refused(writePackage(pack).slice(0, 40))).toMatch(/endommagé \(compression illisible\)/);
  });

  it('stops inflating a gzip bomb at its ceiling', () => {
    const bomb = gzipSync(new Uint8Array(MAX_PACKAGE_JSON_BYTES + 1024).fill(0x20), { level: 1 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(readPackage(bomb, 'bombe.pilier-relecture')).toEqual({ ok: false, error: expect.stringContaining('se décompresse en plus de 100') });
  });
});
