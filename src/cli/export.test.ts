import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../import/docx';
import { createProject } from '../project/index';
import { buildSkeleton } from '../template/skeleton';
import { loadTemplateAndPack, META } from '../template/testFiles';
import { HELP_TEXT, parseArgs } from './args';
import { parseExportArgs, parsePeriode, parseQpv } from './exportArgs';
import { runCli } from './run';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { template, pack } = loadTemplateAndPack((path) => readFileSync(join(root, path), 'utf8'));
const SECTIONS = template.sections.length;
const FEM = pack.requirements.find((r) => r.id === 'FEM-1a')!;
let work: string;

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd: work, root });
  expect(stderr).not.toMatch(/\n\s+at /); // never a stack trace
  return { code, stdout, stderr };
}

async function readBack(name: string) {
  const result = await readDocx(await readFile(join(work, name)), name);
  if (!result.ok) throw new Error(result.error);
  return result;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'pilier-export-'));
  await copyFile(join(root, 'seeds', 'demo', 'contrat-demo.md'), join(work, 'demo.md'));
  await writeFile(join(work, 'notes.txt'), 'Texte.\n');
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('parsing export and skeleton', () => {
  it('reads the options, in both spellings', () => {
    expect(parseArgs(['export', 'c.pilier', '--out', 'c.docx'])).toEqual({ kind: 'export', input: 'c.pilier', out: 'c.docx', grille: true, force: false, meta: { communes: [], qpv: [] } });
    expect(parseExportArgs('skeleton', ['--territoire=Val-de-Brume', '--commune', 'A', '--commune', 'B', '--qpv', 'La Garenne (QN09903M)', '--periode', '2024-2030', '-o', 's.odt', '--no-grille', '-f', '--format', 'ODT'])).toEqual({
      kind: 'skeleton',
      out: 's.odt',
      format: 'odt',
      grille: false,
      force: true,
      meta: { territoire: 'Val-de-Brume', communes: ['A', 'B'], qpv: [{ nom: 'La Garenne', code: 'QN09903M' }], periode: { debut: '2024', fin: '2030' } },
    });
    expect(parseArgs(['skeleton', '--help'])).toEqual({ kind: 'help' });
    expect(parsePeriode('2024-01/2030-12')).toEqual({ debut: '2024-01', fin: '2030-12' });
    expect(parsePeriode('2030-2024')).toBeUndefined();
    expect(parseQpv('Les Hauts:QN09901M')).toEqual({ nom: 'Les Hauts', code: 'QN09901M' });
    expect(parseQpv('Centre')).toEqual({ nom: 'Centre', code: '' });
  });

  it('refuses bad usage with a French message and the usage line', () => {
    const cases: [string[], string][] = [
      [['export', 'c.pilier'], 'Indiquez le fichier à écrire avec --out.'],
      [['export', '--out', 'c.docx'], 'Indiquez le contrat à exporter (.pilier, .md ou .docx).'],
      [['export', 'a.md', 'b.md', '--out', 'c.docx'], 'Un seul contrat à la fois : a.md, b.md.'],
      [['export', 'a.md', '--out', 'c.docx', '--format', 'pdf'], 'Format inconnu : « pdf ». Formats possibles : docx, odt.'],
      [['export', 'a.md', '--out'], "L'option --out attend une valeur."],
      [['export', 'a.md', '--out', 'c.docx', '--vite'], 'Option inconnue : --vite'],
      [['skeleton', '--out', 's.docx'], 'Indiquez le territoire du contrat avec --territoire.'],
      [['skeleton', '--territoire', 'X', '--periode', '2020', '--out', 's.docx'], 'Période illisible : « 2020 ». Écrivez par exemple 2015-2020, ou 2024-01/2030-12.'],
      [['skeleton', 'a.md', '--territoire', 'X', '--out', 's.docx'], 'La commande skeleton ne lit aucun fichier (« a.md ») : elle écrit un contrat vide à partir du modèle.'],
    ];
    for (const [argv, first] of cases) {
      const parsed = parseArgs(argv);
      const message = parsed.kind === 'usage' ? parsed.message : '';
      expect(message.split('\n')[0], argv.join(' ')).toBe(first);
      expect(message).toMatch(/^Usage : pilier (export|skeleton) /m);
    }
  });

  it('is in the help', () => {
    expect(HELP_TEXT).toContain('pilier export <contrat.pilier|.md|.docx> --out <fichier.docx|.odt>');
    expect(HELP_TEXT).toContain('pilier skeleton --territoire');
    expect(HELP_TEXT).toContain('--no-grille');
  });
});

describe('pilier skeleton', () => {
  it('writes the empty compliant skeleton, says what is still missing, and leaves no temporary file', async () => {
    const { code, stdout, stderr } = await run('skeleton', '--territoire', 'Val-de-Brume', '--commune', 'Brumeval', '--qpv', 'La Garenne:QN09903M', '--out', 'squelette.docx');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Contrat exporté : squelette\\.docx \\(DOCX, \\d+ Ko, ${SECTIONS} sections, avec la grille de complétude\\)\\.\n$`));
    expect(stderr).toMatch(/^Attention : \d+ exigences obligatoires manquent encore : /);
    expect(stderr).toContain(`FEM-1a (${FEM.title})`);
    const back = await readBack('squelette.docx');
    expect(back.document.blocks.slice(0, 2).map((b) => b.text)).toEqual(['Contrat de ville', 'Val-de-Brume']);
    expect(back.document.blocks.some((b) => b.text === 'QN09903M')).toBe(true);
    expect(back.contentControls.filter((c) => c.requirements.length > 0).length).toBeGreaterThan(10);
    expect((await readdir(work)).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('never overwrites silently; --force replaces', async () => {
    const before = await stat(join(work, 'squelette.docx'));
    const refused = await run('skeleton', '--territoire', 'Autre', '--out', 'squelette.docx');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('Le fichier squelette.docx existe déjà : Pilier ne l’écrase pas. Choisissez un autre nom, ou ajoutez --force pour le remplacer.\n');
    expect((await stat(join(work, 'squelette.docx'))).mtimeMs).toBe(before.mtimeMs);
    const forced = await run('skeleton', '--territoire', 'Autre', '--out', 'squelette.docx', '--force', '--no-grille');
    expect(forced.code).toBe(0);
    const back = await readBack('squelette.docx');
    expect(back.document.blocks[1]!.text).toBe('Autre');
    expect(back.contentControls.some((c) => c.generated === 'grille')).toBe(false);
  });

  it('with --referentiel quartiers-2030, writes the 2024–2030 skeleton made for that pack', async () => {
    const { code, stdout } = await run('skeleton', '--territoire', 'Coteaux-de-Vionne', '--referentiel', 'quartiers-2030', '--out', 'squelette-2030.docx');
    expect(code).toBe(0);
    expect(stdout).toContain('squelette-2030.docx');
    const texts = (await readBack('squelette-2030.docx')).document.blocks.map((b) => b.text);
    expect(texts).toContain('Participation citoyenne');
    expect(texts).toContain('Déclinaison par quartier');
    expect(texts.some((t) => /2024\s*[-–]\s*2030/.test(t))).toBe(true);
    expect(texts).not.toContain('Pilier 1 — Cohésion sociale');
  });

  it('writes ODT when the extension says so', async () => {
    const { code, stdout } = await run('skeleton', '--territoire', 'Val-de-Brume', '--out', 'squelette.odt');
    expect(code).toBe(0);
    expect(stdout).toContain('(ODT, ');
    const bytes = await readFile(join(work, 'squelette.odt'));
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.subarray(30, 38 + 39).toString()).toContain('application/vnd.oasis.opendocument.text');
  });
});

describe('pilier export', () => {
  it('exports a Markdown draft, with the cover from the options', async () => {
    const { code, stdout, stderr } = await run('export', 'demo.md', '--out', 'demo.docx', '--territoire', 'Val-de-Brume', '--epci', 'CA du Val-de-Brume', '--periode', '2015-2020');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Contrat exporté : demo\.docx \(DOCX, \d+ Ko, 15 sections, avec la grille de complétude\)\.\n$/);
    expect(stderr).toBe(`Attention : 1 exigence obligatoire manque encore : FEM-1a (${FEM.title}). Le fichier est exporté tel quel ; les sections à compléter y sont surlignées.\n`);
    const back = await readBack('demo.docx');
    expect(back.document.blocks.slice(0, 4).map((b) => b.text)).toEqual(['Contrat de ville', 'Val-de-Brume', 'Période', '2015-2020']);
  });

  it('exports a Word document Pilier wrote, keeping its cover and sections', async () => {
    const { code } = await run('export', 'demo.docx', '--out', 'demo-2.docx');
    expect(code).toBe(0);
    const [first, second] = [await readBack('demo.docx'), await readBack('demo-2.docx')];
    const headings = (r: typeof first) => r.document.blocks.filter((b) => b.type === 'heading').map((b) => b.text);
    expect(headings(second)).toEqual(headings(first));
    expect(second.document.blocks.slice(0, 6).map((b) => b.text)).toEqual(first.document.blocks.slice(0, 6).map((b) => b.text));
    expect(second.contentControls.map((c) => c.requirements)).toEqual(first.contentControls.map((c) => c.requirements));
  });

  it('exports a .pilier project, whose metadata it reads from the file', async () => {
    const meta = { ...META, referentiel: { id: pack.id, version: pack.version }, signataires: [], mode: 'redaction' as const };
    const created = createProject(join(work, 'contrat.pilier'), meta, buildSkeleton(template, pack, META));
    if (!created.ok) throw new Error(created.error);
    created.value.close();
    const { code, stdout } = await run('export', 'contrat.pilier', '--out', 'contrat.docx');
    expect(code).toBe(0);
    expect(stdout).toContain(`${SECTIONS} sections`);
    const back = await readBack('contrat.docx');
    expect(back.document.blocks.slice(0, 2).map((b) => b.text)).toEqual(['Contrat de ville', 'Val-de-Brume']);
    const refused = await run('export', 'contrat.pilier', '--out', 'autre.docx', '--territoire', 'X');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('ne s’appliquent pas à contrat.pilier');
  });

  it('says what is wrong, in French, and writes nothing', async () => {
    const cases: [string[], string][] = [
      [['export', 'demo.md', '--out', 'demo.pdf'], 'Le format de demo.pdf est inconnu : donnez au fichier l’extension .docx ou .odt, ou précisez --format docx ou --format odt.'],
      [['export', 'demo.md', '--out', 'demo.odt', '--format', 'docx'], 'Le fichier demo.odt a l’extension .odt mais le format demandé est docx : accordez les deux.'],
      [['export', 'demo.md', '--out', join('absent', 'demo.docx')], `Le dossier de ${join('absent', 'demo.docx')} n’existe pas : créez-le d’abord, rien n’a été écrit.`],
      [['export', 'notes.txt', '--out', 'notes.docx'], 'Format non pris en charge : notes.txt. La commande export lit les fichiers .pilier, .md et .docx.'],
      [['export', 'perdu.md', '--out', 'perdu.docx'], 'Le fichier ou dossier perdu.md est introuvable.'],
      [['export', 'demo.docx', '--out', 'demo.docx', '--force'], 'Le fichier à écrire est le contrat lui-même (demo.docx) : choisissez un autre nom.'],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr } = await run(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr.trim(), argv.join(' ')).toBe(message);
    }
    expect(existsSync(join(work, 'notes.docx'))).toBe(false);
    expect(existsSync(join(work, 'demo.pdf'))).toBe(false);
  });
});
