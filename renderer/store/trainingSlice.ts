import type { Kind, Level } from '../../src/referential';
import type { Mark } from '../../src/training/score';
import { diffReports, type ReportDiff } from '../../src/training/reportDiff';
import { DEFAULT_PACK_ID, packById, packLabel } from '../app/sources';
import { invoke } from '../bridge';
import { markTourSeen } from '../training/tour';
import type { Screen } from './appSlice';
import type { SliceCreator } from './types';

/** What the référentiel browser shows: the requirements, the glossary, or the comparison of two packs. */
export type BrowserView = 'exigences' | 'glossaire' | 'comparaison';

export interface BrowserFilters {
  query: string;
  convention: string;
  axis: string;
  kind: Kind | '';
  level: Level | '';
}

export const NO_FILTERS: BrowserFilters = { query: '', convention: '', axis: '', kind: '', level: '' };

/** The pack switch of the open project: the dialog showing what changed. */
export interface PackSwitch {
  fromTitle: string;
  toTitle: string;
  diff: ReportDiff;
}

/**
 * The trainer's screens (issue 6): the référentiel browser (its pack, filters, the requirement open), the
 * « trouver les manques » exercise (the trainee's marks, kept in memory only: an exercise is replayed, not
 * saved), the guided tour and the pack switch of a project.
 */
export interface TrainingSlice {
  browserPackId: string;
  browserView: BrowserView;
  browserFilters: BrowserFilters;
  browserRequirementId: string | null;
  /** The screen « Retour » goes back to from the browser. */
  browserReturn: Screen;
  marks: Record<string, Mark>;
  corrected: boolean;
  /** The open project is shown as an exercise (the demo started from « Exercice : trouver les manques »). */
  exerciseActive: boolean;
  /** The exercise is the demo contract: its deliberate gaps are explained at correction. */
  exerciseIsDemo: boolean;
  /** The step of the guided tour shown, or null. */
  tourStep: number | null;
  packSwitch: PackSwitch | null;
  /** The « Référentiel du contrat » dialog of the editor. */
  packDialogOpen: boolean;
  setPackDialogOpen(open: boolean): void;
  openReferentiel(requirementId?: string): void;
  closeReferentiel(): void;
  setBrowserPack(id: string): void;
  setBrowserView(view: BrowserView): void;
  setBrowserFilter<K extends keyof BrowserFilters>(name: K, value: BrowserFilters[K]): void;
  resetBrowserFilters(): void;
  showRequirement(id: string | null): void;
  /** Asks where to write the DOCX handout, then has the host write these requirements of the browser's pack. */
  exportReferentiel(requirementIds: string[], title: string): Promise<string | null>;
  startDemoExercise(): Promise<void>;
  /** Copies the open project (« Enregistrer comme exercice… ») and opens the copy in exercise mode. */
  saveAsExercise(): Promise<void>;
  setMark(id: string, mark: Mark): void;
  correct(): void;
  restartExercise(): void;
  startTour(): void;
  setTourStep(step: number | null): void;
  /** Checks the open project against another pack: stores the choice, re-checks, and shows what changed. */
  switchPack(id: string): Promise<void>;
  closePackSwitch(): void;
}

export const createTrainingSlice: SliceCreator<TrainingSlice> = (set, get) => ({
  browserPackId: DEFAULT_PACK_ID,
  browserView: 'exigences',
  browserFilters: NO_FILTERS,
  browserRequirementId: null,
  browserReturn: 'start',
  marks: {},
  corrected: false,
  exerciseActive: false,
  exerciseIsDemo: false,
  tourStep: null,
  packSwitch: null,
  packDialogOpen: false,
  setPackDialogOpen: (open) => set(open ? { packDialogOpen: true } : { packDialogOpen: false, packSwitch: null }),

  openReferentiel(requirementId) {
    const from = get().screen;
    set({
      screen: 'referentiel',
      browserReturn: from === 'referentiel' ? get().browserReturn : from,
      browserView: 'exigences',
      browserRequirementId: requirementId ?? null,
      // From a contract, the browser starts on the pack the contract is checked against.
      ...(get().project ? { browserPackId: get().project!.meta.referentiel.id } : {}),
      error: null,
    });
  },
  closeReferentiel: () => set((s) => ({ screen: s.project ? s.browserReturn : 'start', browserRequirementId: null })),
  setBrowserPack: (id) => set({ browserPackId: id, browserRequirementId: null, browserFilters: NO_FILTERS }),
  setBrowserView: (view) => set({ browserView: view, browserRequirementId: null }),
  setBrowserFilter: (name, value) => set((s) => ({ browserFilters: { ...s.browserFilters, [name]: value } })),
  resetBrowserFilters: () => set({ browserFilters: NO_FILTERS }),
  showRequirement: (id) => set({ browserRequirementId: id }),

  async exportReferentiel(requirementIds, title) {
    const pack = packById(get().browserPackId);
    const chosen = await invoke('dialog:saveExport', { suggestedName: title, format: 'docx' });
    if (!chosen.ok) {
      set({ error: chosen.error });
      return null;
    }
    if (!chosen.value) return null;
    const written = await invoke('export:referentiel', { path: chosen.value.path, packId: pack?.id ?? get().browserPackId, requirementIds, title });
    if (!written.ok) {
      set({ error: written.error });
      return null;
    }
    return written.value.path;
  },

  async startDemoExercise() {
    // Set first, so that the demo never shows in the editor, even for a frame.
    set({ exerciseActive: true, exerciseIsDemo: true, marks: {}, corrected: false });
    await get().openDemo();
    if (!get().project) set({ exerciseActive: false, exerciseIsDemo: false });
  },

  async saveAsExercise() {
    const project = get().project;
    if (!project) return;
    if (await get().saveProjectAs({ suggestedName: `Exercice — ${project.meta.territoire}`, mode: 'exercice' })) {
      set({ marks: {}, corrected: false, exerciseIsDemo: false });
    }
  },

  setMark: (id, mark) => set((s) => ({ marks: { ...s.marks, [id]: mark } })),
  correct: () => set({ corrected: true }),
  restartExercise: () => set({ marks: {}, corrected: false }),

  startTour: () => set({ tourStep: 0 }),
  setTourStep(step) {
    if (step === null) markTourSeen();
    set({ tourStep: step });
  },

  async switchPack(id) {
    const project = get().project;
    const to = packById(id);
    const from = project ? packById(project.meta.referentiel.id) : undefined;
    if (!project || !to) return;
    const live = get().liveCheck();
    await live?.settled();
    const before = get().report;
    const updated = await invoke('project:updateMeta', { referentiel: { id: to.id, version: to.version } });
    if (!updated.ok) return set({ error: updated.error });
    // The store's subscription (store/index.ts) points the checklist and the live check at the new pack.
    set((s) => ({ project: s.project ? { ...s.project, meta: updated.value } : null, selectedRequirementId: null }));
    live?.checkAgainst(to);
    await live?.settled();
    const after = get().report;
    if (!before || !after) return;
    // The stored report follows the pack at once (it is only a cache, but a reopened file must not show the old pack's).
    get().storeReport();
    set({ packSwitch: { fromTitle: from ? packLabel(from) : project.meta.referentiel.id, toTitle: packLabel(to), diff: diffReports(before, after) } });
    get().announce(`Le contrat est désormais vérifié avec « ${packLabel(to)} ».`);
  },
  closePackSwitch: () => set({ packSwitch: null, packDialogOpen: false }),
});
