import { existsSync, mkdirSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import type { ExportFormat, OpenedProject, Result } from '../api/contract';
import type { CheckReport } from '../check/report';
import { createProject, openProject, type ProjectFile } from '../project';
import { exportFileName, exportProject, withExportExtension } from './exportContract';
import { safeFileName } from './fileNames';
import type { Handlers } from './invoke';
import { recentFiles } from './recent';
import { reviewHandlers, type ReviewDialogs } from './review';
import { exportReferentiel } from './referentiel';
import { contractSources, DEMO_FILE_NAME } from './sources';

/**
 * The services behind the IPC contract (design.md §4): plain async functions over the `.pilier` file, the
 * templates and the référentiel packs, with the clock and the file dialogs injected. Electron's main
 * process makes one instance per window; the Chromium test host makes one per page. Each instance has at
 * most one open project. Expected failures come back as `{ ok: false, error }` with a French sentence.
 */

export interface Dialogs extends ReviewDialogs {
  /** Asks where to create or copy a project; `suggestedName` is a file name ending in `.pilier`. */
  saveProject(suggestedName: string): Promise<string | null>;
  openProject(): Promise<string | null>;
  /**
   * Asks where to export the contract; `suggestedName` ends in `.docx` or `.odt`. The dialog asks before replacing
   * an existing file (the service replaces one only when the dialog answered its path).
   */
  saveExport(suggestedName: string, format: ExportFormat): Promise<string | null>;
}

export interface ServicesOptions {
  /** Where the app keeps its own files (recent list, demo copy): Electron's `userData`. */
  dataDir: string;
  /** Holds the référentiel packs (`referentiel-*.json`) and `demo/`. */
  seedsDir: string;
  /** Holds the contract skeletons (`contrat-de-ville-2015.json`). */
  templatesDir: string;
  clock?: () => Date;
  dialogs: Dialogs;
  /** Where non-fatal problems go (a corrupt recent list, a failed automatic snapshot). Default: console.warn. */
  warn?: (message: string) => void;
}

export interface Services {
  handlers: Handlers;
  /** The open project's path, or `null`. */
  currentPath(): string | null;
  /** Closes the open project (checkpointing its log); the window is going away. */
  dispose(): void;
}

const NO_PROJECT = 'Aucun contrat n’est ouvert : ouvrez ou créez un contrat, puis réessayez.';
const COPY_RUNNING = 'Une copie du contrat est en cours d’écriture (« Enregistrer sous… ») : réessayez dans un instant.';

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T = never>(error: string): Result<T> => ({ ok: false, error });

function pathProblem(path: string): string | undefined {
  if (!isAbsolute(path)) return `Le chemin « ${path.slice(0, 200)} » n’est pas un chemin complet : choisissez le fichier dans la boîte de dialogue.`;
  return undefined;
}

/** A file name from a title: no folder separators or characters Windows refuses, and the `.pilier` extension. */
export function projectFileName(suggested: string): string {
  return safeFileName(suggested, '.pilier', 'Contrat de ville');
}

function withExtension(path: string): string {
  return extname(path).toLowerCase() === '.pilier' ? path : `${path}.pilier`;
}

export function createServices(options: ServicesOptions): Services {
  const clock = options.clock ?? (() => new Date());
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const recent = recentFiles(options.dataDir, warn);
  const sources = contractSources(options.seedsDir, options.templatesDir);
  const demoPath = join(options.dataDir, 'demo', DEMO_FILE_NAME);
  let current: ProjectFile | null = null;
  /** « Enregistrer sous » copies in flight: the project cannot be closed under them. */
  let copies = 0;
  /** A project the window let go of during a copy: closed when the copy ends. */
  let closeAfterCopy: ProjectFile | null = null;
  /** The last path the export dialog answered with the user's consent to replace it (used once). */
  let exportConsent: string | null = null;

  function describe(project: ProjectFile): Result<OpenedProject> {
    const sections = project.listSections();
    if (!sections.ok) return sections;
    const latest = project.latestReport();
    if (!latest.ok) warn(latest.error);
    const report = latest.ok && latest.value ? latest.value.report : null;
    return ok({ path: project.path, meta: project.getMeta(), sections: sections.value, report });
  }

  function closeCurrent(): void {
    const previous = current;
    current = null;
    if (!previous) return;
    const closed = previous.close();
    // The connection is closed either way; a failed checkpoint leaves the log beside the file, replayed next time.
    if (!closed.ok) warn(closed.error);
  }

  /** Makes `project` this window's project (closing the previous one) and describes it. */
  function adopt(project: ProjectFile, remember: boolean): Result<OpenedProject> {
    if (current !== project) closeCurrent();
    current = project;
    if (remember) recent.add({ path: project.path, territoire: project.getMeta().territoire, openedAt: clock().toISOString() });
    return describe(project);
  }

  function isCurrent(path: string): boolean {
    return current !== null && resolve(current.path) === resolve(path);
  }

  /** Opens `path` unless it is already this window's project. The previous project stays open if this fails. */
  function open(path: string, remember: boolean): Result<OpenedProject> {
    if (copies > 0) return fail(COPY_RUNNING);
    if (current && isCurrent(path)) return adopt(current, remember);
    const opened = openProject(path, { clock });
    return opened.ok ? adopt(opened.value, remember) : opened;
  }

  function withProject<T>(work: (project: ProjectFile) => Result<T>): Promise<Result<T>> {
    return Promise.resolve(current ? work(current) : fail(NO_PROJECT));
  }

  const handlers: Handlers = {
    async 'project:create'({ path, meta }) {
      const problem = pathProblem(path);
      if (problem) return fail(problem);
      if (copies > 0) return fail(COPY_RUNNING);
      const skeleton = sources.skeleton(meta);
      if (!skeleton.ok) return skeleton;
      const created = createProject(path, meta, skeleton.value, { clock });
      return created.ok ? adopt(created.value, true) : created;
    },

    async 'project:open'({ path }) {
      const problem = pathProblem(path);
      return problem ? fail(problem) : open(path, true);
    },

    async 'project:openDemo'() {
      if (existsSync(demoPath) || isCurrent(demoPath)) return open(demoPath, false);
      if (copies > 0) return fail(COPY_RUNNING);
      const demo = sources.demo();
      if (!demo.ok) return demo;
      try {
        mkdirSync(dirname(demoPath), { recursive: true });
      } catch (error) {
        return fail(`Le dossier du contrat de démonstration n’a pas pu être créé (${(error as { code?: string }).code ?? 'erreur inconnue'}).`);
      }
      const created = createProject(demoPath, demo.value.meta, demo.value.sections, { clock });
      return created.ok ? adopt(created.value, false) : created;
    },

    'project:saveSections': ({ changes }) =>
      withProject((project) => {
        const saved = project.saveSections(changes);
        if (!saved.ok) return saved;
        // An automatic snapshot is a convenience: its failure must not turn a successful save into an error.
        const auto = project.maybeAutoSnapshot(clock());
        if (!auto.ok) warn(auto.error);
        return saved;
      }),

    'project:updateMeta': (patch) => withProject((project) => project.updateMeta(patch)),

    // The contract checked the report's shape and bounds (its other fields pass through): stored as computed.
    'project:saveReport': ({ report }) => withProject((project) => project.saveReport(report as unknown as CheckReport)),

    'project:snapshot': ({ label }) => withProject((project) => project.snapshot('manuel', label)),

    'project:listSnapshots': () => withProject((project) => project.listSnapshots()),

    'project:restoreSnapshot': ({ id }) =>
      withProject((project) => {
        const restored = project.restoreSnapshot(id);
        return restored.ok ? describe(project) : restored;
      }),

    async 'project:saveAs'({ path, overwrite }) {
      const problem = pathProblem(path);
      if (problem) return fail(problem);
      const project = current;
      if (!project) return fail(NO_PROJECT);
      copies++;
      try {
        const copied = await project.saveAs(path, { overwrite: overwrite === true });
        if (copied.ok) recent.add({ path: copied.value.path, territoire: project.getMeta().territoire, openedAt: clock().toISOString() });
        return copied;
      } finally {
        copies--;
        if (copies === 0 && closeAfterCopy) {
          const closed = closeAfterCopy.close();
          closeAfterCopy = null;
          if (!closed.ok) warn(closed.error);
        }
      }
    },

    async 'project:close'() {
      if (copies > 0) return fail(COPY_RUNNING);
      closeCurrent();
      return ok(null);
    },

    async 'recent:list'() {
      return ok(recent.list().filter((entry) => resolve(entry.path) !== resolve(demoPath)));
    },

    async 'dialog:saveProject'({ suggestedName }) {
      const chosen = await options.dialogs.saveProject(projectFileName(suggestedName));
      return ok(chosen ? { path: withExtension(chosen) } : null);
    },

    async 'dialog:openProject'() {
      const chosen = await options.dialogs.openProject();
      return ok(chosen ? { path: chosen } : null);
    },

    async 'dialog:saveExport'({ suggestedName, format }) {
      const chosen = await options.dialogs.saveExport(exportFileName(suggestedName, format), format);
      if (!chosen) return ok(null);
      const path = withExportExtension(chosen, format);
      // The dialog confirmed replacing the name it showed; a name we completed with the extension was not shown.
      exportConsent = path === chosen ? resolve(path) : null;
      return ok({ path });
    },

    async 'export:run'({ path, format, grille }) {
      const problem = pathProblem(path);
      if (problem) return fail(problem);
      if (!current) return fail(NO_PROJECT);
      const overwrite = exportConsent !== null && exportConsent === resolve(path);
      exportConsent = null;
      return exportProject(current, sources, clock(), { path, format, grille, overwrite });
    },

    async 'export:referentiel'({ path, packId, requirementIds, title }) {
      const problem = pathProblem(path);
      if (problem) return fail(problem);
      const overwrite = exportConsent !== null && exportConsent === resolve(path);
      exportConsent = null;
      return exportReferentiel(sources, clock(), { path, packId, overwrite, ...(requirementIds ? { requirementIds } : {}), ...(title ? { title } : {}) });
    },
    ...reviewHandlers({
      clock,
      dialogs: options.dialogs,
      sources,
      current: () => current,
      adopt: (project) => adopt(project, true),
      describe,
      busy: () => (copies > 0 ? COPY_RUNNING : undefined),
      consumeExportConsent(path) {
        const consented = exportConsent !== null && exportConsent === resolve(path);
        exportConsent = null;
        return consented;
      },
    }),
  };

  return {
    handlers,
    currentPath: () => current?.path ?? null,
    dispose() {
      if (copies > 0) {
        // close() refuses during a copy: the copy finishes, then the project is closed.
        closeAfterCopy = current;
        current = null;
        return;
      }
      closeCurrent();
    },
  };
}
