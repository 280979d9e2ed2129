import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDemoGaps } from './gaps';

const FILE = fileURLToPath(new URL('../../seeds/demo/contrat-demo.gaps.json', import.meta.url));

describe('the demo contract’s deliberate gaps', () => {
  it('reads the five gaps of the seed, each with its explanation', () => {
    const parsed = parseDemoGaps(readFileSync(FILE, 'utf8'), 'contrat-demo.gaps.json');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(Object.keys(parsed.value.gaps).sort()).toEqual(['CAD-SIG-REG', 'CAD-VOL-CUL', 'EDU-4', 'FEM-1a', 'SAN-5']);
    for (const gap of Object.values(parsed.value.gaps)) expect(gap.explanation.length).toBeGreaterThan(40);
  });

  it('names the file and the field of a problem, in French', () => {
    expect(parseDemoGaps('{', 'g.json')).toMatchObject({ ok: false, error: expect.stringMatching(/^Le fichier g\.json n’est pas du JSON valide/) });
    const bad = JSON.stringify({ draft: 'd', description: 'x', gaps: { 'FEM-1a': { status: 'covered', kind: 'k', where: 'w', explanation: 'e' } }, labels: {} });
    expect(parseDemoGaps(bad, 'g.json')).toMatchObject({ ok: false, error: expect.stringMatching(/champ gaps\.FEM-1a\.status/) });
  });
});
