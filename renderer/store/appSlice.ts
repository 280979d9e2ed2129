import type { NewProjectMeta, OpenedProject, ProjectMeta, RecentFile, Result } from '../../src/api/contract';
import { invoke } from '../bridge';
import type { SliceCreator } from './types';

/** `referentiel`: the référentiel browser (issue 6). An exercise is the editor screen's project shown read-only. */
export type Screen = 'start' | 'new' | 'editor' | 'referentiel';

/** Navigation between the start screen, the « Nouveau contrat » form and the editor, and the host calls behind them. */
export interface AppSlice {
  screen: Screen;
  /** A host call is running (opening, creating…): buttons that start another one are disabled. */
  busy: boolean;
  /** The last failure, in French, shown in an alert until dismissed or replaced. */
  error: string | null;
  recent: RecentFile[];
  showScreen(screen: Screen): void;
  dismissError(): void;
  loadRecent(): Promise<void>;
  openWithDialog(): Promise<void>;
  openPath(path: string): Promise<void>;
  openDemo(): Promise<void>;
  /** Asks where to save, then creates the contract; `false` when the user cancelled or it failed. */
  createContract(meta: NewProjectMeta, suggestedName: string): Promise<boolean>;
  closeProject(): Promise<void>;
  /**
   * « Enregistrer sous… »: saves, asks where, copies the contract there and goes on in the copy, in `mode` when
   * given (« Modifier une copie… » of a received contract, « Enregistrer comme exercice… »). `true` once the copy is open.
   */
  saveProjectAs(options?: { suggestedName?: string; mode?: ProjectMeta['mode'] }): Promise<boolean>;
  /** The window is closing: saves what the renderer holds, then lets the host close it (`project:close`). */
  prepareWindowClose(): Promise<void>;
}

export const createAppSlice: SliceCreator<AppSlice> = (set, get) => {
  /** Runs one host call with the busy flag, and turns a failure into the alert. */
  async function run<T>(work: () => Promise<Result<T>>): Promise<T | undefined> {
    set({ busy: true, error: null });
    try {
      const result = await work();
      if (!result.ok) {
        set({ error: result.error });
        return undefined;
      }
      return result.value;
    } finally {
      set({ busy: false });
    }
  }

  async function enter(opening: () => Promise<Result<OpenedProject>>): Promise<boolean> {
    // Whatever is open is saved before another project replaces it.
    if (get().project && !((await get().flushSave()) && (await get().flushReview()))) return false;
    const opened = await run(opening);
    if (!opened) return false;
    get().loadProject(opened);
    set({ screen: 'editor' });
    return true;
  }

  return {
    screen: 'start',
    busy: false,
    error: null,
    recent: [],
    showScreen: (screen) => set({ screen, error: null }),
    dismissError: () => set({ error: null }),

    async loadRecent() {
      const listed = await invoke('recent:list');
      if (listed.ok) set({ recent: listed.value });
    },

    async openWithDialog() {
      const chosen = await run(() => invoke('dialog:openProject'));
      if (chosen) await enter(() => invoke('project:open', { path: chosen.path }));
    },

    async openPath(path) {
      await enter(() => invoke('project:open', { path }));
    },

    async openDemo() {
      await enter(() => invoke('project:openDemo'));
    },

    async createContract(meta, suggestedName) {
      const chosen = await run(() => invoke('dialog:saveProject', { suggestedName }));
      if (!chosen) return false;
      return enter(() => invoke('project:create', { path: chosen.path, meta }));
    },

    async closeProject() {
      // The reviewer's last comment (review mode) is written before the file is closed, like the text.
      if (!(await get().flushSave()) || !(await get().flushReview())) return;
      const closed = await run(() => invoke('project:close'));
      if (closed === undefined) return;
      get().unloadProject();
      set({ screen: 'start' });
      await get().loadRecent();
    },

    async saveProjectAs(options = {}) {
      const project = get().project;
      if (!project || !(await get().flushSave()) || !(await get().flushReview())) return false;
      const chosen = await run(() => invoke('dialog:saveProject', { suggestedName: options.suggestedName ?? project.meta.territoire }));
      if (!chosen) return false;
      const copied = await run(() => invoke('project:saveAs', { path: chosen.path }));
      // Like every editor's « Enregistrer sous » : the work goes on in the copy.
      if (!copied || !(await enter(() => invoke('project:open', { path: copied.path })))) return false;
      // The copy did not open (the alert says why): the original must not change mode.
      if (get().project?.path !== copied.path) return false;
      if (options.mode === undefined || options.mode === get().project?.meta.mode) return true;
      const mode = options.mode;
      const meta = await run(() => invoke('project:updateMeta', { mode }));
      if (!meta) return false;
      set((s) => ({ project: s.project ? { ...s.project, meta } : null }));
      return true;
    },

    async prepareWindowClose() {
      // Whatever could not be saved stays in the file's last state; the host closes the window either way after its grace period.
      if (get().project) {
        await get().flushSave();
        await get().flushReview();
      }
      await invoke('project:close');
    },
  };
};
