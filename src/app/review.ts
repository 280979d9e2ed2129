import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import type { OpenedProject, Result } from '../api/contract';
import { check } from '../check/index';
import { documentFromSections } from '../document/lexical';
import { buildReviewReportDocx, buildReviewReportInput, buildReviewReportOdt } from '../export/review/index';
import type { ProjectFile } from '../project';
import { mergePackage } from '../review/merge';
import { MAX_PACKAGE_BYTES, PACKAGE_EXTENSION, packageOf, readPackage, writePackage } from '../review/package';
import { EXPORT_EXTENSIONS, localIsoDate } from './exportContract';
import { safeFileName } from './fileNames';
import type { Handlers } from './invoke';
import { ImportTask } from './reviewImport';
import type { ContractSources } from './sources';
import { withFileExtension, writeExportFile } from './writeExport';

/**
 * The review channels (issue 5): import a received contract into a review project, record the reviewer, verdicts,
 * comments and opinion in the open project, export the « Rapport d’analyse » and the review package, and merge a
 * package into the author's project. Wired into `createServices`, which owns the open project.
 */

export type ReviewChannel =
  | 'dialog:openContractFile'
  | 'review:import'
  | 'task:progress'
  | 'task:cancel'
  | 'review:load'
  | 'review:setReviewer'
  | 'review:setVerdict'
  | 'review:addComment'
  | 'review:deleteComment'
  | 'review:setOpinion'
  | 'review:exportReport'
  | 'dialog:saveReviewPackage'
  | 'review:exportPackage'
  | 'dialog:openReviewPackage'
  | 'review:importPackage';

export interface ReviewDialogs {
  /** Asks for the received contract to review (DOCX, ODT, PDF, Markdown, text). */
  openContractFile(): Promise<string | null>;
  /** Asks where to save the review package; `suggestedName` ends in `.pilier-relecture`. Asks before replacing. */
  saveReviewPackage(suggestedName: string): Promise<string | null>;
  openReviewPackage(): Promise<string | null>;
}

export interface ReviewContext {
  clock: () => Date;
  dialogs: ReviewDialogs;
  sources: ContractSources;
  current(): ProjectFile | null;
  adopt(project: ProjectFile): Result<OpenedProject>;
  describe(project: ProjectFile): Result<OpenedProject>;
  /** A refusal when the window cannot take another project now (a copy in flight), else undefined. */
  busy(): string | undefined;
  /** True once if the export dialog answered this very path (it asked before replacing a file). */
  consumeExportConsent(path: string): boolean;
}

const NO_PROJECT = 'Aucun contrat n’est ouvert : ouvrez ou créez un contrat, puis réessayez.';
const NO_REVIEWER = 'Indiquez d’abord qui relit (nom et qualité) : le verdict n’a pas été enregistré.';
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T = never>(error: string): Result<T> => ({ ok: false, error });

function pathProblem(path: string): string | undefined {
  return isAbsolute(path)
    ? undefined
    : `Le chemin « ${path.slice(0, 200)} » n’est pas un chemin complet : choisissez le fichier dans la boîte de dialogue.`;
}

export function reviewHandlers(context: ReviewContext): Pick<Handlers, ReviewChannel> {
  const { clock } = context;
  const task = new ImportTask({ clock, sources: context.sources, adopt: context.adopt, busy: context.busy });
  /** The last path the package dialog answered (used once): the user consented to replace it. */
  let packageConsent: string | null = null;

  const withProject = async <T>(work: (project: ProjectFile) => Result<T> | Promise<Result<T>>): Promise<Result<T>> => {
    const project = context.current();
    return project ? work(project) : fail(NO_PROJECT);
  };

  /** The project's text checked afresh, with its pack (the report never prints a stale status). */
  const checked = (project: ProjectFile) => {
    const meta = project.getMeta();
    const sections = project.listSections();
    if (!sections.ok) return sections;
    const pack = context.sources.pack(meta.referentiel.id, meta.referentiel.version);
    if (!pack.ok) return pack;
    const document = documentFromSections(sections.value);
    return ok({ meta, sections: sections.value, pack: pack.value, document, report: check(document, pack.value) });
  };

  return {
    async 'dialog:openContractFile'() {
      const chosen = await context.dialogs.openContractFile();
      return ok(chosen ? { path: chosen } : null);
    },

    async 'review:import'({ sourcePath, projectPath }) {
      const problem = pathProblem(sourcePath) ?? pathProblem(projectPath);
      if (problem) return fail(problem);
      const busy = context.busy();
      if (busy) return fail(busy);
      return task.run({ sourcePath, projectPath });
    },

    async 'task:progress'() {
      return ok(task.progress());
    },

    async 'task:cancel'() {
      task.cancel();
      return ok(null);
    },

    'review:load': () => withProject((project) => project.review().state()),

    'review:setReviewer': (reviewer) => withProject((project) => project.review().setReviewer(reviewer)),

    'review:setVerdict': ({ requirementId, verdict, comment, automaticStatus }) =>
      withProject((project) => {
        const state = project.review().state();
        if (!state.ok) return state;
        if (!state.value.reviewer) return fail(NO_REVIEWER);
        return project.review().setVerdict({ requirementId, verdict, comment, automaticStatus, reviewer: state.value.reviewer, at: clock().toISOString() });
      }),

    'review:addComment': ({ requirementId, anchor, text }) =>
      withProject((project) => {
        const state = project.review().state();
        if (!state.ok) return state;
        if (!state.value.reviewer) return fail('Indiquez d’abord qui relit (nom et qualité) : le commentaire n’a pas été enregistré.');
        return project.review().addComment({ id: randomUUID(), requirementId, anchor, text, reviewer: state.value.reviewer, at: clock().toISOString() });
      }),

    'review:deleteComment': ({ id }) => withProject((project) => project.review().deleteComment(id)),

    'review:setOpinion': ({ opinion }) => withProject((project) => project.review().setOpinion(opinion)),

    async 'review:exportReport'({ path, format }) {
      const problem = pathProblem(path);
      if (problem) return fail(problem);
      const overwrite = context.consumeExportConsent(path);
      return withProject(async (project) => {
        const state = project.review().state();
        if (!state.ok) return state;
        const base = checked(project);
        if (!base.ok) return base;
        const { meta, sections, pack, document, report } = base.value;
        const input = buildReviewReportInput({
          territoire: meta.territoire,
          date: localIsoDate(clock()),
          reviewer: state.value.reviewer,
          opinion: state.value.opinion,
          pack,
          report,
          verdicts: state.value.verdicts,
          comments: state.value.comments,
          document,
          sectionTitles: new Map(sections.map((s) => [s.id, s.title])),
          original: state.value.original,
        });
        const bytes = format === 'docx' ? await buildReviewReportDocx(input) : buildReviewReportOdt(input);
        const written = writeExportFile(path, bytes, { extension: EXPORT_EXTENSIONS[format], what: 'Le rapport d’analyse n’a pas pu être écrit', dialog: 'Exporter le rapport…', overwrite });
        return written.ok ? ok({ ...written.value, format }) : written;
      });
    },

    async 'dialog:saveReviewPackage'({ suggestedName }) {
      const chosen = await context.dialogs.saveReviewPackage(safeFileName(suggestedName, PACKAGE_EXTENSION, 'Relecture'));
      if (!chosen) return ok(null);
      const path = withFileExtension(chosen, PACKAGE_EXTENSION);
      packageConsent = path === chosen ? resolve(path) : null;
      return ok({ path });
    },

    async 'review:exportPackage'({ path }) {
      const problem = pathProblem(path);
      if (problem) return fail(problem);
      const overwrite = packageConsent !== null && packageConsent === resolve(path);
      packageConsent = null;
      return withProject((project) => {
        const state = project.review().state();
        if (!state.ok) return state;
        const meta = project.getMeta();
        const bytes = writePackage(packageOf(state.value, { createdAt: clock().toISOString(), referentiel: meta.referentiel, territoire: meta.territoire }));
        return writeExportFile(path, bytes, { extension: PACKAGE_EXTENSION, what: 'La relecture n’a pas pu être écrite', dialog: 'Exporter la relecture…', overwrite });
      });
    },

    async 'dialog:openReviewPackage'() {
      const chosen = await context.dialogs.openReviewPackage();
      return ok(chosen ? { path: chosen } : null);
    },

    async 'review:importPackage'({ path }) {
      const problem = pathProblem(path);
      if (problem) return fail(problem);
      const project = context.current();
      if (!project) return fail(NO_PROJECT);
      const name = basename(path);
      let bytes: Uint8Array;
      try {
        const info = await stat(path);
        if (info.size > MAX_PACKAGE_BYTES) return fail(`Le fichier ${name} est trop volumineux pour être une relecture Pilier : rien n’a été importé.`);
        bytes = new Uint8Array(await readFile(path));
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'erreur inconnue';
        return fail(code === 'ENOENT' ? `Le fichier ${name} est introuvable : rien n’a été importé.` : `Le fichier ${name} n’a pas pu être lu (${code}) : rien n’a été importé.`);
      }
      // The project may have changed while the file was read.
      if (context.current() !== project) return fail('Le contrat ouvert a changé pendant la lecture de la relecture : rien n’a été importé. Réessayez.');
      const read = readPackage(bytes, name);
      if (!read.ok) return read;
      const meta = project.getMeta();
      if (read.value.referentiel.id !== meta.referentiel.id) {
        return fail(
          `La relecture ${name} porte sur le référentiel « ${read.value.referentiel.id} », le contrat ouvert sur « ${meta.referentiel.id} » : les exigences ne correspondent pas ; rien n’a été importé.`,
        );
      }
      const state = project.review().state();
      if (!state.ok) return state;
      const sections = project.listSections();
      if (!sections.ok) return sections;
      const plan = mergePackage({ current: state.value, incoming: read.value, document: documentFromSections(sections.value), newId: randomUUID });
      const applied = project.review().apply(plan.write);
      if (!applied.ok) return applied;
      const described = context.describe(project);
      return described.ok ? ok({ ...plan.result, project: described.value }) : described;
    },
  };
}

