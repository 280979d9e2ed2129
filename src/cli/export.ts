import { existsSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { contractSources, TEMPLATE_FILE_NAME, type ContractSources } from '../app/sources';
import { check } from '../check/index';
import { documentFromSections } from '../document/lexical';
import { buildContractDocx } from '../export/docx/index';
import { metaFromCover, sectionsFromDocument, type CoverMeta } from '../export/fromDocument';
import { buildExportInput } from '../export/fromProject';
import type { ExportInput, ExportMeta } from '../export/input';
import { decodeText, MAX_DOCX_BYTES, MAX_TEXT_BYTES, tooLargeError } from '../import/bytes';
import { readDocx } from '../import/docx';
import { publish, removeQuietly, temporaryPath } from '../project/files';
import type { Referentiel } from '../referential/schema';
import { buildSkeleton, sectionsFromMarkdown, templatePeriode, type Template } from '../template/index';
import { DEFAULT_REFERENTIEL } from './args';
import type { ExportCommand, ExportFormat, MetaFlags, SkeletonCommand } from './exportArgs';
import { describeFsError } from './files';
import { EXIT_FAILED, EXIT_OK, type CliIo } from './io';
import { loadReferentiel } from './packs';

/**
 * `pilier export` and `pilier skeleton`: a contract (a .pilier project, a Markdown draft or a Word document), or
 * the empty skeleton of the template, written as DOCX or ODT. The file is written whole under a temporary name
 * beside its target, then moved into place; an existing file is replaced only with --force.
 */

const MAX_LISTED = 10;

type Step<T> = { ok: true; value: T } | { ok: false; error: string };
const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

interface Target {
  path: string;
  display: string;
  format: ExportFormat;
}

function targetOf(command: ExportCommand | SkeletonCommand, cwd: string): Step<Target> {
  const path = resolve(cwd, command.out);
  const ext = extname(path).toLowerCase();
  const fromExt = ext === '.docx' ? 'docx' : ext === '.odt' ? 'odt' : undefined;
  const format = command.format ?? fromExt;
  if (!format) return fail(`Le format de ${command.out} est inconnu : donnez au fichier l’extension .docx ou .odt, ou précisez --format docx ou --format odt.`);
  if (fromExt && fromExt !== format) return fail(`Le fichier ${command.out} a l’extension .${fromExt} mais le format demandé est ${format} : accordez les deux.`);
  if (!existsSync(dirname(path))) return fail(`Le dossier de ${command.out} n’existe pas : créez-le d’abord, rien n’a été écrit.`);
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) return fail(`${command.out} est un dossier : indiquez un nom de fichier.`);
    if (!command.force) return fail(`Le fichier ${command.out} existe déjà : Pilier ne l’écrase pas. Choisissez un autre nom, ou ajoutez --force pour le remplacer.`);
  }
  return { ok: true, value: { path, display: command.out, format } };
}

/** The contract templates and référentiels of this installation, read as the app reads them. */
export function installedSources(root: string | undefined): ContractSources | undefined {
  return root ? contractSources(join(root, 'seeds'), join(root, 'templates')) : undefined;
}

/** The contract template made for `referentiel` (the templates name their pack), or the 2015 one when none is named. */
function loadTemplate(root: string | undefined, referentiel?: string): Step<Template> {
  const sources = installedSources(root);
  return sources ? sources.template(referentiel) : fail(`Le modèle de contrat ${TEMPLATE_FILE_NAME} est introuvable : réinstallez Pilier.`);
}

function todayIso(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The writer of a format. ODT is loaded only when asked for, and may not be part of this build. */
async function writerOf(format: ExportFormat): Promise<Step<(input: ExportInput) => Promise<Uint8Array> | Uint8Array>> {
  if (format === 'docx') return { ok: true, value: buildContractDocx };
  try {
    const odt = (await import('../export/odt/index')) as { buildContractOdt?: (input: ExportInput) => Uint8Array };
    if (typeof odt.buildContractOdt === 'function') return { ok: true, value: odt.buildContractOdt };
  } catch {
    // Not in this build.
  }
  return fail('L’export au format ODT n’est pas encore disponible dans cette version de Pilier : exportez en .docx (LibreOffice l’ouvre).');
}

/** Writes the bytes beside the target under a temporary name, then moves them into place. */
function writeAtomically(target: Target, bytes: Uint8Array, force: boolean): Step<void> {
  const temporary = temporaryPath(target.path);
  try {
    writeFileSync(temporary, bytes);
    publish(temporary, target.path, force);
    return { ok: true, value: undefined };
  } catch (error) {
    removeQuietly(temporary);
    if ((error as { code?: string }).code === 'EEXIST') return fail(`Le fichier ${target.display} existe déjà : Pilier ne l’écrase pas. Ajoutez --force pour le remplacer.`);
    return fail(`${describeFsError(error, target.display).replace(/^Impossible de lire/, 'Impossible d’écrire')} Rien n’a été écrit.`);
  }
}

interface Contract {
  meta: ExportMeta;
  sections: { id: string; position: number; title: string; content: string }[];
  pack: Referentiel;
  template?: Template;
}

/** Builds, writes and reports on the exported file. */
async function finish(contract: Contract, target: Target, command: ExportCommand | SkeletonCommand, io: CliIo): Promise<number> {
  const writer = await writerOf(target.format);
  if (!writer.ok) return failWith(io, writer.error);
  const report = check(documentFromSections(contract.sections), contract.pack);
  const input = buildExportInput({ ...contract, report, date: todayIso(), options: { grille: command.grille } });
  const bytes = await writer.value(input);
  const written = writeAtomically(target, bytes, command.force);
  if (!written.ok) return failWith(io, written.error);
  const size = bytes.length < 1024 * 1024 ? `${Math.max(1, Math.round(bytes.length / 1024))} Ko` : `${(bytes.length / (1024 * 1024)).toFixed(1).replace('.', ',')} Mo`;
  const sections = contract.sections.length;
  io.stdout.write(`Contrat exporté : ${target.display} (${target.format.toUpperCase()}, ${size}, ${sections} section${sections > 1 ? 's' : ''}${command.grille ? ', avec la grille de complétude' : ''}).\n`);
  const missing = report.requirements.filter((r) => r.level === 'obligatoire' && r.status === 'missing');
  if (missing.length > 0) {
    const listed = missing.slice(0, MAX_LISTED).map((r) => `${r.id} (${r.title})`);
    const more = missing.length > MAX_LISTED ? ` et ${missing.length - MAX_LISTED} autres` : '';
    io.stderr.write(
      `Attention : ${missing.length} exigence${missing.length > 1 ? 's obligatoires manquent' : ' obligatoire manque'} encore : ${listed.join(', ')}${more}. Le fichier est exporté tel quel ; les sections à compléter y sont surlignées.\n`,
    );
  }
  return EXIT_OK;
}

function failWith(io: CliIo, message: string): number {
  io.stderr.write(`${message}\n`);
  return EXIT_FAILED;
}

/** The metadata of a contract read from a draft: the options first, then the cover or the title. */
function metaOf(flags: MetaFlags, cover: CoverMeta, title: string | undefined, pack: Referentiel): ExportMeta {
  const years = title ? /(\d{4})\s*[-–]\s*(\d{4})/.exec(title) : null;
  const fromTitle = title?.match(/^contrat de ville\s+(?:de l[’']|de la |du |des |de |d[’'])?(.+?)(?:\s+\d{4}\s*[-–]\s*\d{4})?$/i)?.[1];
  return {
    territoire: flags.territoire ?? cover.territoire ?? fromTitle?.trim() ?? '',
    epci: flags.epci ?? cover.epci ?? '',
    communes: flags.communes.length > 0 ? flags.communes : (cover.communes ?? []),
    qpv: flags.qpv.length > 0 ? flags.qpv : (cover.qpv ?? []),
    periode: flags.periode ?? cover.periode ?? (years ? { debut: years[1]!, fin: years[2]! } : { debut: '', fin: '' }),
    referentiel: { id: pack.id, version: pack.version },
  };
}

const hasMetaFlags = (flags: MetaFlags): boolean =>
  flags.territoire !== undefined || flags.epci !== undefined || flags.communes.length > 0 || flags.qpv.length > 0 || flags.periode !== undefined;

async function readContract(command: ExportCommand, root: string | undefined, io: CliIo, template: Template | undefined): Promise<Step<Contract>> {
  const path = resolve(io.cwd, command.input);
  const ext = extname(path).toLowerCase();
  const display = command.input;
  if (!['.pilier', '.md', '.markdown', '.docx'].includes(ext)) return fail(`Format non pris en charge : ${display}. La commande export lit les fichiers .pilier, .md et .docx.`);
  if (ext === '.pilier') {
    if (hasMetaFlags(command.meta)) return fail(`Les options --territoire, --epci, --commune, --qpv et --periode ne s’appliquent pas à ${display} : le projet porte déjà ces informations.`);
    // Loaded only here: better-sqlite3 is a native module.
    const { openProject } = await import('../project/index');
    const opened = openProject(path);
    if (!opened.ok) return opened;
    const project = opened.value;
    try {
      const meta = project.getMeta();
      const sections = project.listSections();
      if (!sections.ok) return sections;
      const pack = await loadReferentiel(command.referentiel ?? meta.referentiel.id, root, io.cwd);
      if (!pack.ok) return pack;
      return { ok: true, value: { meta, sections: sections.value, pack: pack.pack, ...(template ? { template } : {}) } };
    } finally {
      project.close();
    }
  }
  let bytes: Uint8Array;
  try {
    const size = statSync(path).size;
    const limit = ext === '.docx' ? MAX_DOCX_BYTES : MAX_TEXT_BYTES;
    if (size > limit) return fail(tooLargeError(display, size, limit, ext === '.docx' ? 'documents Word' : 'fichiers texte'));
    bytes = await readFile(path);
  } catch (error) {
    return fail(describeFsError(error, display));
  }
  const pack = await loadReferentiel(command.referentiel ?? DEFAULT_REFERENTIEL, root, io.cwd);
  if (!pack.ok) return pack;
  if (ext === '.docx') {
    const read = await readDocx(bytes, display);
    if (!read.ok) return read;
    for (const warning of read.warnings) io.stderr.write(`Attention : ${warning}\n`);
    const cover = new Set(read.contentControls.filter((c) => c.generated === 'garde').flatMap((c) => c.blockIds));
    const meta = metaOf(command.meta, metaFromCover(read.document.blocks.filter((b) => cover.has(b.id))), read.document.title, pack.pack);
    return { ok: true, value: { meta, sections: sectionsFromDocument(read.document, cover), pack: pack.pack, ...(template ? { template } : {}) } };
  }
  const text = decodeText(bytes, display);
  if (!text.ok) return text;
  const title = /^#\s+(.+?)\s*#*\s*$/m.exec(text.text)?.[1];
  const meta = metaOf(command.meta, {}, title, pack.pack);
  return { ok: true, value: { meta, sections: sectionsFromMarkdown(text.text), pack: pack.pack, ...(template ? { template } : {}) } };
}

export async function runExport(command: ExportCommand, root: string | undefined, io: CliIo): Promise<number> {
  const target = targetOf(command, io.cwd);
  if (!target.ok) return failWith(io, target.error);
  if (resolve(io.cwd, command.input) === target.value.path) return failWith(io, `Le fichier à écrire est le contrat lui-même (${command.input}) : choisissez un autre nom.`);
  const template = loadTemplate(root);
  if (!template.ok) return failWith(io, template.error);
  const contract = await readContract(command, root, io, template.value);
  if (!contract.ok) return failWith(io, contract.error);
  if (contract.value.sections.length === 0) return failWith(io, `Le contrat ${basename(command.input)} ne contient aucun texte : rien n’a été exporté.`);
  return finish(contract.value, target.value, command, io);
}

export async function runSkeleton(command: SkeletonCommand, root: string | undefined, io: CliIo): Promise<number> {
  const target = targetOf(command, io.cwd);
  if (!target.ok) return failWith(io, target.error);
  const pack = await loadReferentiel(command.referentiel ?? DEFAULT_REFERENTIEL, root, io.cwd);
  if (!pack.ok) return failWith(io, pack.error);
  const template = loadTemplate(root, pack.pack.id);
  if (!template.ok) return failWith(io, template.error);
  const flags = command.meta;
  const meta = {
    territoire: flags.territoire ?? '',
    epci: flags.epci ?? '',
    communes: flags.communes,
    qpv: flags.qpv,
    periode: flags.periode ?? templatePeriode(template.value.title) ?? { debut: '', fin: '' },
    referentiel: { id: pack.pack.id, version: pack.pack.version },
  };
  const sections = buildSkeleton(template.value, pack.pack, meta);
  return finish({ meta, sections, pack: pack.pack, template: template.value }, target.value, command, io);
}
