import { mkdir, mkdtemp, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleContractDocx } from '../../tests/fixtures/cli/docx';
import { oleFile } from '../../tests/fixtures/cli/zip';
import { TEST_PACK } from '../check/testPack';
import { runCli } from './run';

const MB = 1024 * 1024;
let tmp: string;
let root: string;
let work: string;

const MARKDOWN = `# Contrat de ville de Brévannes

## Égalité entre les femmes et les hommes

Le contrat consacre un volet à l’égalité femmes-hommes. Des marches exploratoires de femmes sont conduites
dans les quatre quartiers prioritaires avant la fin de 2025, avec les associations de locataires.

Les animateurs des centres sociaux et des clubs sportifs sont formés à l’égalité ; un budget dédié de
40 000 euros par an finance les actions, suivies par la déléguée départementale aux droits des femmes.

## Signatures

| Signataire | Qualité |
| --- | --- |
| Le procureur de la République | Ministère public |
`;

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: work,
    root,
  });
  expect(stderr).not.toMatch(/\n\s+at /); // never a stack trace
  return { code, stdout, stderr };
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'pilier-cli-'));
  root = join(tmp, 'pilier');
  work = join(tmp, 'travail');
  await mkdir(join(root, 'seeds'), { recursive: true });
  await writeFile(join(root, 'package.json'), JSON.stringify({ name: 'pilier', version: '9.9.9' }));
  await writeFile(join(root, 'seeds', 'referentiel-annexe-1-2014.json'), JSON.stringify({ ...TEST_PACK, id: 'annexe-1-2014' }));
  await writeFile(join(root, 'seeds', 'referentiel-test.json'), JSON.stringify(TEST_PACK));
  await mkdir(join(work, 'brouillons', 'sous-dossier'), { recursive: true });
  await mkdir(join(work, 'vide'));
  await writeFile(join(work, 'vide', 'notes.rtf'), 'x');
  await writeFile(join(work, 'contrat.md'), MARKDOWN);
  await writeFile(join(work, 'contrat.docx'), await sampleContractDocx());
  await writeFile(join(work, 'brouillons', 'a.md'), MARKDOWN);
  await writeFile(join(work, 'brouillons', 'b.txt'), 'Texte sans rien.\n');
  await writeFile(join(work, 'brouillons', 'c.docx'), await sampleContractDocx());
  await writeFile(join(work, 'brouillons', '~$c.docx'), 'verrou de Word');
  await writeFile(join(work, 'brouillons', 'image.png'), 'x');
  await writeFile(join(work, 'brouillons', 'sous-dossier', 'd.md'), MARKDOWN);
  await writeFile(join(work, 'vide.md'), '');
  await writeFile(join(work, 'binaire.md'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0xfe]));
  await writeFile(join(work, 'protege.docx'), oleFile());
  const docx = await sampleContractDocx();
  await writeFile(join(work, 'coupe.docx'), docx.subarray(0, Math.floor(docx.length / 2)));
  // 200 Mo that take no room: a sparse file.
  for (const name of ['enorme.md', 'enorme.docx']) {
    await writeFile(join(work, name), '');
    await truncate(join(work, name), 200 * MB);
  }
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('pilier check on one file', () => {
  it('prints the French report by axis and the summary line', async () => {
    const { code, stdout, stderr } = await run('check', 'contrat.md');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Fichier : contrat.md');
    expect(stdout).toContain('■ Axe — ');
    expect(stdout).toMatch(/ ✔ FEM-1a +obligatoire +Volet égalité femmes-hommes/);
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^\d+ couvertes? · \d+ partielles? · \d+ manquantes? — /);
  });

  it('prints exactly one JSON object with --json', async () => {
    const { code, stdout } = await run('check', 'contrat.md', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['file', 'referentiel', 'summary', 'requirements']);
    expect(json.file).toBe('contrat.md');
    expect(json.referentiel).toEqual({ id: 'annexe-1-2014', version: '1.0.0' });
    expect(json.requirements).toHaveLength(TEST_PACK.requirements.length);
    const fem = json.requirements.find((r: { id: string }) => r.id === 'FEM-1a');
    expect(fem.status).toBe('covered');
    expect(fem.evidence[0].headingPath).toEqual(['Contrat de ville de Brévannes']);
  });

  it('reads a Word document', async () => {
    const { code, stdout } = await run('check', 'contrat.docx', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    const status = (id: string): string => json.requirements.find((r: { id: string }) => r.id === id).status;
    expect(status('FEM-1a')).toBe('covered');
    expect(status('JUS-1')).toBe('covered');
  });

  it('uses another référentiel by id or by path', async () => {
    const byId = await run('check', 'contrat.md', '--json', '--referentiel', 'test');
    expect(JSON.parse(byId.stdout).referentiel.id).toBe('test');
    const byPath = await run('check', 'contrat.md', '--json', `--referentiel=${join(root, 'seeds', 'referentiel-test.json')}`);
    expect(byPath.code).toBe(0);
    expect(JSON.parse(byPath.stdout).referentiel.id).toBe('test');
  });
});

describe('pilier check on a folder or several files', () => {
  it('gives one summary row per file, skipping sub-folders, other types and Word lock files', async () => {
    const { code, stdout, stderr } = await run('check', 'brouillons');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const rows = stdout.split('\n');
    expect(rows[0]).toMatch(/^Fichier +Couvertes +Partielles +Manquantes +Obligatoires manquantes$/);
    expect(rows.slice(1, 4).map((r) => r.split(/\s+/)[0])).toEqual(['brouillons/a.md', 'brouillons/b.txt', 'brouillons/c.docx']);
    expect(rows[4]).toBe('');
    expect(rows[5]).toBe('3 fichiers vérifiés.');
  });

  it('prints an array with --json', async () => {
    const { stdout } = await run('check', 'brouillons', '--json');
    const json = JSON.parse(stdout);
    expect(Array.isArray(json)).toBe(true);
    expect(json.map((r: { file: string }) => r.file)).toEqual(['brouillons/a.md', 'brouillons/b.txt', 'brouillons/c.docx']);
  });

  it('still checks the readable files when one is not, and exits 2', async () => {
    const { code, stdout, stderr } = await run('check', 'contrat.md', 'absent.md', 'vide.md', '--json');
    expect(code).toBe(2);
    expect(JSON.parse(stdout).map((r: { file: string }) => r.file)).toEqual(['contrat.md']);
    expect(stderr).toBe(
      'Le fichier ou dossier absent.md est introuvable.\nLe fichier vide.md est vide (0 octet) : il n\'y a rien à vérifier.\n',
    );
  });
});

describe('bad input: a French message on stderr, exit 2, no stack trace', () => {
  const cases: [string, string[], string | RegExp][] = [
    ['a missing file', ['absent.md'], 'Le fichier ou dossier absent.md est introuvable.\n'],
    ['a folder with no file to check', ['vide'], /^Le dossier vide ne contient aucun fichier à vérifier \(\.md, \.markdown, \.txt, \.docx, \.odt ou \.pdf\)/],
    ['a 0-byte file', ['vide.md'], 'Le fichier vide.md est vide (0 octet) : il n\'y a rien à vérifier.\n'],
    ['binary data named .md', ['binaire.md'], 'Le fichier binaire.md n\'est pas un fichier texte (il contient des données binaires).\n'],
    ['a truncated DOCX', ['coupe.docx'], /^Le fichier coupe\.docx est endommagé \(archive ZIP incomplète/],
    ['a password-protected DOCX', ['protege.docx'], /^Le fichier protege\.docx n'est pas un document Word \(\.docx\) valide .*protégé par un mot de passe/],
    ['a 200 Mo text file', ['enorme.md'], 'Le fichier enorme.md est trop volumineux (200\u00a0Mo) : Pilier lit les fichiers texte jusqu\'à 20\u00a0Mo.\n'],
    ['a 200 Mo DOCX', ['enorme.docx'], 'Le fichier enorme.docx est trop volumineux (200\u00a0Mo) : Pilier lit les documents Word jusqu\'à 100\u00a0Mo.\n'],
    ['an unsupported format', ['vide/notes.rtf'], /^Le format \.rtf n'est pas encore lu par la commande pilier \(vide\/notes\.rtf\)/],
  ];
  for (const [what, files, message] of cases) {
    it(what, async () => {
      const started = performance.now();
      const { code, stdout, stderr } = await run('check', ...files);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      if (typeof message === 'string') expect(stderr).toBe(message);
      else expect(stderr).toMatch(message);
      expect(performance.now() - started).toBeLessThan(2000);
    });
  }

  it('an unknown option', async () => {
    const { code, stdout, stderr } = await run('check', 'contrat.md', '--vite');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe('Option inconnue : --vite');
  });

  it('no file', async () => {
    const { code, stderr } = await run('check');
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('Aucun fichier indiqué.');
  });

  it('an unknown référentiel, listing the known ones', async () => {
    const { code, stderr } = await run('check', 'contrat.md', '--referentiel', 'annexe-2099');
    expect(code).toBe(2);
    expect(stderr).toBe('Référentiel inconnu : « annexe-2099 ». Référentiels disponibles : annexe-1-2014, test.\n');
  });

  it('a broken référentiel file, naming it', async () => {
    await writeFile(join(work, 'casse.json'), '{"schemaVersion": 1, "id": "x"');
    const { code, stderr } = await run('check', 'contrat.md', '--referentiel', 'casse.json');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^Le référentiel casse\.json n'est pas du JSON valide/);
  });
});

describe('in this repository', () => {
  it('finds seeds/ and checks a corpus draft with the default référentiel', async () => {
    const repo = join(fileURLToPath(import.meta.url), '..', '..', '..');
    const draft = (await readdir(join(repo, 'seeds', 'corpus'))).find((n) => n.endsWith('.md'))!;
    let stdout = '';
    let stderr = '';
    const code = await runCli(['check', join('seeds', 'corpus', draft), '--json'], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      cwd: repo,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.referentiel.id).toBe('annexe-1-2014');
    expect(json.requirements.length).toBeGreaterThanOrEqual(136);
  });
});

describe('help, version and internal errors', () => {
  it('prints help with the available référentiels', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('pilier check <fichier|dossier>… [--json] [--referentiel <id>]');
    expect(stdout).toContain('les sous-dossiers ne sont pas parcourus');
    expect(stdout).toContain('Référentiels disponibles : annexe-1-2014, test');
  });

  it('prints the version from package.json', async () => {
    expect(await run('--version')).toEqual({ code: 0, stdout: 'pilier 9.9.9\n', stderr: '' });
  });

  it('turns an unexpected failure into « Erreur interne » and exit 70', async () => {
    let stderr = '';
    const code = await runCli(['check', 'contrat.md'], {
      stdout: {
        write: () => {
          throw new Error('disque plein');
        },
      },
      stderr: { write: (s: string) => (stderr += s) },
      cwd: work,
      root,
    });
    expect(code).toBe(70);
    expect(stderr).toBe('Erreur interne : disque plein\nMerci de signaler ce problème, avec la commande lancée.\n');
  });
});
