import type { EditorState } from 'lexical';
import type { Args, ExportDone, ExportFormat, OpenedProject, ProjectMeta, Result, SectionChange, SnapshotInfo } from '../../src/api/contract';
import type { CheckReport } from '../../src/check';
import { loadSources } from '../app/sources';
import { invoke } from '../bridge';
import { LiveCheck } from '../checklist/liveCheck';
import { serializeSection } from '../editor/registry';
import type { SliceCreator } from './types';

/** Autosave waits this long after the last edit (the brief: within a second). */
export const SAVE_DELAY_MS = 600;
/** After a failed save, the next attempt comes this much later (the text stays in the window meanwhile). */
const RETRY_DELAY_MS = 5_000;

export interface SectionView {
  id: string;
  title: string;
  position: number;
  /** The content the editor was loaded with (not kept up to date while typing: Lexical holds the text). */
  content: string;
}

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export interface SaveStatus {
  state: SaveState;
  /** ISO time of the last successful save. */
  savedAt: string | null;
  error: string | null;
}

export interface OpenProject {
  path: string;
  fileName: string;
  meta: ProjectMeta;
}

export interface ProjectSlice {
  project: OpenProject | null;
  sections: SectionView[];
  /** Bumped when every editor must reload from `sections` (open, restore). */
  generation: number;
  save: SaveStatus;
  loadProject(opened: OpenedProject): void;
  unloadProject(): void;
  /** Called on every content change of a section's editor. */
  sectionEdited(id: string, state: EditorState): void;
  /** Saves what is waiting now; `false` when it failed (the alert says why). */
  flushSave(): Promise<boolean>;
  /** Stores the latest check report in the file, unless it is the one stored last. */
  storeReport(): void;
  deleteSection(id: string): Promise<void>;
  /** Adds a section (from the template) at `index` of the current order. */
  insertSection(section: Omit<SectionView, 'position'>, index: number): Promise<void>;
  createSnapshot(label?: string): Promise<SnapshotInfo | undefined>;
  listSnapshots(): Promise<SnapshotInfo[] | undefined>;
  restoreSnapshot(id: number): Promise<boolean>;
  /** Asks the host where to export (a name from the territoire): the path, `null` when cancelled, or the error. */
  chooseExportPath(format: ExportFormat): Promise<Result<{ path: string } | null>>;
  /** Saves what is waiting, then has the host export the stored contract to `path`. */
  exportContract(path: string, format: ExportFormat, grille: boolean): Promise<Result<ExportDone>>;
  /** The blocks the checker last saw for a section (for evidence and passage lookups). */
  liveCheck(): LiveCheck | null;
}

const fileNameOf = (path: string): string => path.split(/[\\/]/).pop() ?? path;

export const createProjectSlice: SliceCreator<ProjectSlice> = (set, get) => {
  let live: LiveCheck | null = null;
  /** Sections whose content changed since the last save. */
  const dirty = new Set<string>();
  /** Structural changes (new, moved, deleted sections) waiting for the next save. */
  const structure = new Map<string, SectionChange>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<boolean> | null = null;
  let savedReport: CheckReport | null = null;

  function schedule(delay = SAVE_DELAY_MS): void {
    clearTimeout(timer);
    timer = setTimeout(() => void get().flushSave(), delay);
  }

  function liveCheck(): LiveCheck {
    if (!live) {
      const sources = loadSources();
      if (!sources.ok) throw new Error(sources.error);
      live = new LiveCheck(sources.pack, (report) => get().setReport(report));
    }
    return live;
  }

  async function saveNow(): Promise<boolean> {
    const contentIds = [...dirty];
    const structural = [...structure.values()];
    dirty.clear();
    structure.clear();
    const changes: SectionChange[] = [...structural];
    for (const id of contentIds) {
      const content = serializeSection(id);
      if (content === undefined) continue;
      const pendingNew = changes.find((c) => c.id === id && !('deleted' in c));
      if (pendingNew && !('deleted' in pendingNew)) pendingNew.content = content;
      else changes.push({ id, content });
    }
    if (changes.length === 0) return true;
    set((s) => ({ save: { ...s.save, state: 'saving' } }));
    const saved = await invoke('project:saveSections', { changes });
    if (!saved.ok) {
      // Nothing is lost: the text is still in the editors; put the changes back and try again later.
      for (const id of contentIds) dirty.add(id);
      for (const c of structural) if (!structure.has(c.id)) structure.set(c.id, c);
      set((s) => ({ save: { ...s.save, state: 'error', error: saved.error } }));
      schedule(RETRY_DELAY_MS);
      return false;
    }
    const stillDirty = dirty.size > 0 || structure.size > 0;
    set({ save: { state: stillDirty ? 'pending' : 'saved', savedAt: saved.value.savedAt, error: null } });
    get().storeReport();
    return true;
  }

  return {
    project: null,
    sections: [],
    generation: 0,
    save: { state: 'saved', savedAt: null, error: null },
    liveCheck: () => live,

    storeReport() {
      const report = get().report;
      if (!report || report === savedReport) return;
      savedReport = report;
      // The report is a cache the checker can rebuild: a failure here is not worth an alert.
      // The contract's schema lets extra fields through (an index signature), which the report's interfaces lack.
      void invoke('project:saveReport', { report: report as unknown as Args<'project:saveReport'>['report'] });
    },

    loadProject(opened) {
      clearTimeout(timer);
      dirty.clear();
      structure.clear();
      savedReport = opened.report;
      const sections = [...opened.sections]
        .sort((a, b) => a.position - b.position)
        .map(({ id, title, position, content }) => ({ id, title, position, content }));
      set((s) => ({
        project: { path: opened.path, fileName: fileNameOf(opened.path), meta: opened.meta },
        sections,
        generation: s.generation + 1,
        save: { state: 'saved', savedAt: opened.meta.updatedAt, error: null },
        report: opened.report,
        selectedRequirementId: null,
        passage: null,
        activeSectionId: sections[0]?.id ?? null,
      }));
      liveCheck().load(sections);
    },

    unloadProject() {
      clearTimeout(timer);
      dirty.clear();
      structure.clear();
      set({ project: null, sections: [], report: null, selectedRequirementId: null, passage: null, activeSectionId: null });
    },

    sectionEdited(id, state) {
      live?.edited(id, state);
      dirty.add(id);
      set((s) => (s.save.state === 'pending' ? {} : { save: { ...s.save, state: 'pending' } }));
      schedule();
    },

    async flushSave() {
      clearTimeout(timer);
      // One save at a time, in order: wait for the running one, then send what came meanwhile.
      while (inFlight) await inFlight;
      if (dirty.size === 0 && structure.size === 0) return get().save.state !== 'error';
      inFlight = saveNow();
      try {
        return await inFlight;
      } finally {
        inFlight = null;
      }
    },

    async deleteSection(id) {
      dirty.delete(id);
      structure.set(id, { id, deleted: true });
      set((s) => ({
        sections: s.sections.filter((x) => x.id !== id),
        activeSectionId: s.activeSectionId === id ? null : s.activeSectionId,
      }));
      live?.remove(id);
      await get().flushSave();
    },

    async insertSection(section, index) {
      const current = get().sections.filter((s) => s.id !== section.id);
      const at = Math.max(0, Math.min(index, current.length));
      const ordered = [...current.slice(0, at), { ...section, position: 0 }, ...current.slice(at)];
      const sections = ordered.map((s, position) => ({ ...s, position }));
      for (const s of sections) {
        const before = current.find((c) => c.id === s.id);
        if (s.id === section.id) structure.set(s.id, { id: s.id, position: s.position, title: s.title, content: s.content });
        else if (before && before.position !== s.position) structure.set(s.id, { id: s.id, position: s.position });
      }
      set({ sections, activeSectionId: section.id });
      live?.insert({ id: section.id, title: section.title, content: section.content }, sections.map((s) => s.id));
      await get().flushSave();
    },

    async createSnapshot(label) {
      if (!(await get().flushSave())) return undefined;
      const made = await invoke('project:snapshot', label ? { label } : {});
      if (!made.ok) {
        set({ error: made.error });
        return undefined;
      }
      return made.value;
    },

    async listSnapshots() {
      const listed = await invoke('project:listSnapshots');
      if (!listed.ok) {
        set({ error: listed.error });
        return undefined;
      }
      return listed.value;
    },

    async restoreSnapshot(id) {
      if (!(await get().flushSave())) return false;
      const restored = await invoke('project:restoreSnapshot', { id });
      if (!restored.ok) {
        set({ error: restored.error });
        return false;
      }
      get().loadProject(restored.value);
      return true;
    },

    chooseExportPath(format) {
      const territoire = get().project?.meta.territoire ?? '';
      return invoke('dialog:saveExport', { suggestedName: territoire ? `Contrat de ville — ${territoire}` : 'Contrat de ville', format });
    },

    async exportContract(path, format, grille) {
      // The host exports what is stored: the last keystrokes must be stored first.
      if (!(await get().flushSave())) {
        return { ok: false, error: `Les dernières modifications n’ont pas pu être enregistrées (${get().save.error ?? 'erreur inconnue'}) : l’export attend qu’elles le soient. Réessayez dans un instant.` };
      }
      return invoke('export:run', { path, format, grille });
    },
  };
};
