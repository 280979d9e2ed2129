import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { NewProjectMeta, OpenedProject, Result, TaskProgress } from '../api/contract';
import type { Block } from '../document/model';
import { metaFromCover } from '../export/fromDocument';
import { formatSize } from '../import/bytes';
import { CANCELLED_MESSAGE, importDocument, type ImportResult } from '../import/index';
import { coverBlockIds, toSections } from '../import/toSections';
import { createProject, type ProjectFile } from '../project';
import { periodeIn, templateForYear } from '../template/load';
import type { ContractSources } from './sources';

/**
 * `review:import`: a received contract (DOCX, ODT, PDF, Markdown, text) read into a new `.pilier` project in review
 * mode, the received file kept inside it byte for byte. One import at a time per window; its progress is read with
 * `task:progress` and it stops at `task:cancel`: nothing is created when it is cancelled or fails (the project file
 * is written whole, in one step, only once the document is read).
 */

/** Larger received files are refused before they are read (the readers' own limits are 100 Mo). */
export const MAX_SOURCE_BYTES = 100 * 1024 * 1024;

export interface ImportJob {
  sourcePath: string;
  projectPath: string;
}

export interface ImportContext {
  clock: () => Date;
  sources: ContractSources;
  /** Makes the new project the window's one (closing the previous one) and describes it. */
  adopt(project: ProjectFile): Result<OpenedProject>;
  /** A refusal when the window cannot take another project now (a copy in flight), else undefined. */
  busy(): string | undefined;
}

const fail = <T = never>(error: string): Result<T> => ({ ok: false, error });

function readProblem(error: unknown, name: string): string {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'ENOENT') return `Le fichier ${name} est introuvable : il a peut-être été déplacé ou supprimé. Choisissez-le de nouveau.`;
  if (code === 'EACCES' || code === 'EPERM') return `Pilier n’a pas le droit de lire ${name} : vérifiez ses autorisations ou copiez-le dans vos documents.`;
  if (code === 'EISDIR') return `« ${name} » est un dossier : choisissez un fichier.`;
  return `Le fichier ${name} n’a pas pu être lu (${code || 'erreur inconnue'}) : aucun contrat n’a été créé.`;
}

/** « Contrat de ville de Val-Fictif 2024-2030 » → « Val-Fictif »; a file name without its extension otherwise. */
export function guessTerritoire(title: string | undefined, fileName: string): string {
  const fromTitle = title
    ?.replace(/\s+/g, ' ')
    .match(/^contrat\s+de\s+ville\b[^«]*?(?:\s+(?:de l[’']|de la |du |des |de |d[’']))(.+?)(?:\s*[-–(,]?\s*\d{4}\s*[-–]\s*\d{4}\)?)?\s*$/i)?.[1]
    ?.trim();
  if (fromTitle) return fromTitle;
  const stem = basename(fileName, extname(fileName)).replace(/[_]+/g, ' ').trim();
  return stem || 'Contrat reçu';
}

/** The metadata of the review project, from the cover page Pilier wrote, the title, or the file name. */
function metaOf(read: Extract<ImportResult, { ok: true }>, fileName: string, cover: Set<string>, now: Date): Omit<NewProjectMeta, 'referentiel'> {
  const coverBlocks: Block[] = read.document.blocks.filter((b) => cover.has(b.id));
  const fromCover = metaFromCover(coverBlocks);
  const title = read.document.title ?? read.document.blocks.find((b) => b.type === 'heading')?.text;
  const head = read.document.blocks.slice(0, 20).map((b) => b.text).join(' ');
  const year = String(now.getFullYear());
  return {
    territoire: fromCover.territoire ?? guessTerritoire(title, fileName),
    epci: fromCover.epci ?? '',
    communes: fromCover.communes ?? [],
    qpv: fromCover.qpv ?? [],
    periode: fromCover.periode ?? periodeIn(title) ?? periodeIn(head) ?? { debut: year, fin: year },
    signataires: [],
    mode: 'relecture',
  };
}

export class ImportTask {
  private running: { controller: AbortController; progress: TaskProgress } | null = null;

  constructor(private readonly context: ImportContext) {}

  progress(): TaskProgress | null {
    return this.running ? { ...this.running.progress } : null;
  }

  cancel(): void {
    this.running?.controller.abort();
  }

  async run(job: ImportJob): Promise<Result<OpenedProject & { warnings: string[] }>> {
    if (this.running) return fail('Un import est déjà en cours dans cette fenêtre : attendez qu’il se termine ou annulez-le.');
    const name = basename(job.sourcePath);
    const projectName = basename(job.projectPath);
    if (existsSync(job.projectPath)) return fail(`Le fichier ${projectName} existe déjà : Pilier ne l’écrase pas ; choisissez un autre nom.`);
    const running = { controller: new AbortController(), progress: { label: `Lecture de ${name}`, done: 0, total: 1 } };
    this.running = running;
    try {
      return await this.steps(job, name, running);
    } finally {
      this.running = null;
    }
  }

  private async steps(job: ImportJob, name: string, running: { controller: AbortController; progress: TaskProgress }): Promise<Result<OpenedProject & { warnings: string[] }>> {
    const { signal } = running.controller;
    let bytes: Uint8Array;
    try {
      const info = await stat(job.sourcePath);
      if (info.isDirectory()) return fail(`« ${name} » est un dossier : choisissez un fichier.`);
      if (info.size > MAX_SOURCE_BYTES) {
        return fail(`Le fichier ${name} est trop volumineux (${formatSize(info.size)}) : Pilier lit les contrats jusqu’à ${formatSize(MAX_SOURCE_BYTES)}. Aucun contrat n’a été créé.`);
      }
      bytes = new Uint8Array(await readFile(job.sourcePath));
    } catch (error) {
      return fail(readProblem(error, name));
    }
    if (signal.aborted) return fail(CANCELLED_MESSAGE);
    const read = await importDocument(bytes, name, {
      signal,
      onProgress: (done, total, label) => {
        running.progress = { label, done, total };
      },
    });
    if (!read.ok) return fail(read.cancelled ? CANCELLED_MESSAGE : `${read.error.replace(/\s*$/, '')}${/[.!?…]$/.test(read.error.trim()) ? '' : '.'} Aucun contrat n’a été créé.`);
    const cover = coverBlockIds(read.contentControls);
    // The contract's generation follows its période: a 2024-2030 contract is read against « Engagements Quartiers
    // 2030 », a 2015-2020 one against the Annexe 1 (the reviewer can switch afterwards).
    const dated = metaOf(read, name, cover, this.context.clock());
    const templates = this.context.sources.templates();
    const fallback = this.context.sources.template();
    if (!fallback.ok) return fallback;
    const template = (templates.ok ? templateForYear(templates.value, dated.periode.debut) : undefined) ?? fallback.value;
    const packs = this.context.sources.packs();
    if (!packs.ok) return packs;
    const pack = packs.value.filter((p) => p.id === template.referentiel).at(-1) ?? packs.value.at(-1)!;
    const sections = toSections(read.document, { skip: cover, known: template.sections });
    if (sections.length === 0) return fail(`Le fichier ${name} ne contient aucun texte lisible : aucun contrat n’a été créé.`);
    running.progress = { label: 'Création du projet de relecture', done: 1, total: 1 };
    // The last moment a cancel can take effect: after this, the project exists whole.
    if (signal.aborted) return fail(CANCELLED_MESSAGE);
    const busy = this.context.busy();
    if (busy) return fail(busy);
    const meta = { ...dated, referentiel: { id: pack.id, version: pack.version } };
    const created = createProject(job.projectPath, meta, sections, { clock: this.context.clock, original: { name, bytes } });
    if (!created.ok) return created;
    const opened = this.context.adopt(created.value);
    return opened.ok ? { ok: true, value: { ...opened.value, warnings: read.warnings } } : opened;
  }
}
