import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run';

/** `pilier check` without --referentiel on contracts of both generations (the repository's seeds and templates). */
const root = fileURLToPath(new URL('../../', import.meta.url));
const DRAFT_2030 = join(root, 'seeds', 'corpus', '15-lisonne-quartiers-2030-priorites.md');
const DRAFT_2015 = join(root, 'seeds', 'corpus', '01-grand-brevannais-2015.md');
let work: string;

async function run(...argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: () => undefined }, stderr: { write: (s: string) => (stderr += s) }, cwd: work, root });
  return { code, stderr };
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'pilier-generation-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('the référentiel of a contract’s generation', () => {
  it('warns that a 2024-2030 contract checked with the default Annexe 1 belongs to Quartiers 2030', async () => {
    const { code, stderr } = await run('check', DRAFT_2030);
    expect(code).toBe(0);
    expect(stderr).toContain('couvre la période 2024-2030, qui relève du référentiel « quartiers-2030 »');
    expect(stderr).toContain('--referentiel quartiers-2030');
  });

  it('says nothing when the référentiel was chosen, or for a 2015-2020 contract', async () => {
    expect((await run('check', DRAFT_2030, '--referentiel', 'quartiers-2030')).stderr).not.toContain('relève du référentiel');
    expect((await run('check', DRAFT_2030, '--referentiel', 'annexe-1-2014')).stderr).not.toContain('relève du référentiel');
    expect((await run('check', DRAFT_2015)).stderr).not.toContain('relève du référentiel');
  });

  it('warns in the batch summary too', async () => {
    const { stderr } = await run('check', DRAFT_2030, DRAFT_2015, '--summary');
    expect(stderr.match(/relève du référentiel/g)).toHaveLength(1);
  });
});
