import type { Anchor, ExportFormat, PackageMerge, Result, Reviewer, ReviewState, TaskProgress, Verdict, VerdictRecord } from '../../src/api/contract';
import { invoke } from '../bridge';
import { fileNameOf, reviewProjectName } from '../review/labels';
import type { SliceCreator } from './types';

/** A comment or the overall opinion is saved this long after the last keystroke. */
export const REVIEW_SAVE_DELAY_MS = 800;
/** How often the progress of an import is asked for. */
export const PROGRESS_POLL_MS = 200;

export interface ImportTask {
  fileName: string;
  progress: TaskProgress | null;
  cancelling: boolean;
}

/** Review mode (issue 5): the reviewer's verdicts and comments on the open project, and the host calls behind them. */
export interface ReviewSlice {
  /** The open project's review (verdicts, comments, reviewer, opinion); `null` until loaded. */
  review: ReviewState | null;
  /** The project the review was loaded for. */
  reviewOf: string | null;
  importTask: ImportTask | null;
  reviewerDialogOpen: boolean;
  /** The passage a new comment is being written on (the comment dialog is open while set). */
  commentDraft: { anchor: Anchor | null; requirementId: string | null } | null;
  /** What the last « Importer une relecture… » merged (its dialog is open while set). */
  packageMerge: PackageMerge | null;
  /** Asks for the received file and where to keep the review project, then imports it (with progress). */
  startReview(): Promise<void>;
  cancelImport(): Promise<void>;
  /** Reads the open project's review; `quiet`: a failure is not shown (the author's projects). */
  loadReview(quiet?: boolean): Promise<void>;
  setReviewerDialogOpen(open: boolean): void;
  saveReviewer(reviewer: Reviewer): Promise<boolean>;
  setVerdict(requirementId: string, verdict: Verdict | null): Promise<void>;
  /** Keeps the typed comment at once; saves it shortly after the last keystroke. */
  editVerdictComment(requirementId: string, comment: string): void;
  editOpinion(opinion: string): void;
  /** Saves the comments and opinion waiting now; `false` when it failed or no reviewer is known yet. */
  flushReview(): Promise<boolean>;
  beginComment(draft: { anchor: Anchor | null; requirementId: string | null } | null): void;
  /** « Commenter le passage »: opens the comment dialog on the selected passage, or says why it cannot. */
  commentPassage(selected: { ok: true; anchor: Anchor } | { ok: false; error: string }): void;
  addComment(text: string, requirementId: string | null): Promise<boolean>;
  deleteComment(id: string): Promise<boolean>;
  exportReviewReport(format: ExportFormat): Promise<Result<{ path: string } | null>>;
  exportReviewPackage(): Promise<Result<{ path: string } | null>>;
  importReviewPackage(): Promise<void>;
  dismissPackageMerge(): void;
}

const UNSAVED_ON_CLOSE = 'Indiquez votre nom et votre qualité : vos avis ne peuvent pas être enregistrés sans eux.';

export const createReviewSlice: SliceCreator<ReviewSlice> = (set, get) => {
  /** Requirements whose verdict or comment changed since they were last sent. */
  const pending = new Set<string>();
  let pendingOpinion = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** What to do once the reviewer has said who they are. */
  let afterReviewer: (() => void) | null = null;

  function schedule(): void {
    clearTimeout(timer);
    timer = setTimeout(() => void get().flushReview(), REVIEW_SAVE_DELAY_MS);
  }

  /** Runs `then` now if the reviewer is known, else asks who they are first. */
  function withReviewer(then: () => void): boolean {
    if (get().review?.reviewer) return true;
    afterReviewer = then;
    set({ reviewerDialogOpen: true });
    return false;
  }

  function localRecord(requirementId: string): VerdictRecord {
    const review = get().review;
    const found = review?.verdicts.find((v) => v.requirementId === requirementId);
    if (found) return found;
    const status = get().report?.requirements.find((r) => r.id === requirementId)?.status ?? null;
    return { requirementId, verdict: null, comment: '', automaticStatus: status, reviewer: review?.reviewer ?? { nom: '', qualite: '' }, at: '' };
  }

  function putRecord(record: VerdictRecord): void {
    set((s) => {
      if (!s.review) return {};
      const others = s.review.verdicts.filter((v) => v.requirementId !== record.requirementId);
      return { review: { ...s.review, verdicts: [...others, record] } };
    });
  }

  /** One verdict write at a time, in order: a quick change of mind must not be overtaken by the earlier answer. */
  let queue: Promise<unknown> = Promise.resolve();
  function sendVerdict(requirementId: string): Promise<boolean> {
    const next = queue.then(() => sendVerdictNow(requirementId));
    queue = next.catch(() => undefined);
    return next;
  }

  async function sendVerdictNow(requirementId: string): Promise<boolean> {
    pending.delete(requirementId);
    const record = localRecord(requirementId);
    const automaticStatus = get().report?.requirements.find((r) => r.id === requirementId)?.status ?? record.automaticStatus;
    const saved = await invoke('review:setVerdict', { requirementId, verdict: record.verdict, comment: record.comment, automaticStatus });
    if (!saved.ok) {
      pending.add(requirementId);
      set({ error: saved.error });
      return false;
    }
    // Typed again while it was saving: keep the newer text (it is pending and will be sent).
    const now = localRecord(requirementId);
    putRecord(pending.has(requirementId) ? { ...saved.value, comment: now.comment, verdict: now.verdict } : saved.value);
    return true;
  }

  async function pollProgress(): Promise<void> {
    while (get().importTask) {
      await new Promise((resolve) => setTimeout(resolve, PROGRESS_POLL_MS));
      const progress = await invoke('task:progress');
      if (progress.ok && progress.value) set((s) => (s.importTask ? { importTask: { ...s.importTask, progress: progress.value } } : {}));
    }
  }

  return {
    review: null,
    reviewOf: null,
    importTask: null,
    reviewerDialogOpen: false,
    commentDraft: null,
    packageMerge: null,

    async startReview() {
      if (get().busy || get().importTask) return;
      if (get().project && !((await get().flushSave()) && (await get().flushReview()))) return;
      set({ busy: true, error: null });
      try {
        const source = await invoke('dialog:openContractFile');
        if (!source.ok) return set({ error: source.error });
        if (!source.value) return;
        const target = await invoke('dialog:saveProject', { suggestedName: reviewProjectName(source.value.path) });
        if (!target.ok) return set({ error: target.error });
        if (!target.value) return;
        set({ importTask: { fileName: fileNameOf(source.value.path), progress: null, cancelling: false } });
        const polling = pollProgress();
        const imported = await invoke('review:import', { sourcePath: source.value.path, projectPath: target.value.path });
        const cancelled = get().importTask?.cancelling ?? false;
        set({ importTask: null });
        await polling;
        if (!imported.ok) {
          if (cancelled) get().announce('Import annulé : aucun projet de relecture n’a été créé.');
          else set({ error: imported.error });
          return;
        }
        get().loadProject(imported.value);
        set({ screen: 'editor', review: null, reviewOf: null });
        await get().loadReview();
      } finally {
        set({ busy: false });
      }
    },

    async cancelImport() {
      if (!get().importTask) return;
      set((s) => (s.importTask ? { importTask: { ...s.importTask, cancelling: true } } : {}));
      const cancelled = await invoke('task:cancel');
      if (!cancelled.ok) set({ error: cancelled.error });
    },

    async loadReview(quiet = false) {
      const path = get().project?.path ?? null;
      if (!path) return;
      if (get().reviewOf !== path) {
        pending.clear();
        pendingOpinion = false;
        clearTimeout(timer);
      }
      const loaded = await invoke('review:load');
      if (get().project?.path !== path) return;
      if (!loaded.ok) {
        set({ review: null, reviewOf: path, ...(quiet ? {} : { error: loaded.error }) });
        return;
      }
      set({ review: loaded.value, reviewOf: path });
    },

    setReviewerDialogOpen(open) {
      if (!open) afterReviewer = null;
      set({ reviewerDialogOpen: open });
    },

    async saveReviewer(reviewer) {
      const saved = await invoke('review:setReviewer', reviewer);
      if (!saved.ok) {
        set({ error: saved.error });
        return false;
      }
      set((s) => ({ reviewerDialogOpen: false, review: s.review ? { ...s.review, reviewer: saved.value } : s.review }));
      const then = afterReviewer;
      afterReviewer = null;
      then?.();
      return true;
    },

    async setVerdict(requirementId, verdict) {
      putRecord({ ...localRecord(requirementId), verdict });
      pending.add(requirementId);
      // Without a reviewer yet, it waits (and is asked for again on closing): nothing chosen is lost.
      if (withReviewer(() => void get().flushReview())) await sendVerdict(requirementId);
    },

    editVerdictComment(requirementId, comment) {
      putRecord({ ...localRecord(requirementId), comment });
      pending.add(requirementId);
      if (withReviewer(schedule)) schedule();
    },

    editOpinion(opinion) {
      set((s) => (s.review ? { review: { ...s.review, opinion } } : {}));
      pendingOpinion = true;
      schedule();
    },

    async flushReview() {
      clearTimeout(timer);
      if (pending.size === 0 && !pendingOpinion) return true;
      let ok = true;
      if (pending.size > 0) {
        if (!get().review?.reviewer) {
          withReviewer(schedule);
          set({ error: UNSAVED_ON_CLOSE });
          return false;
        }
        for (const id of [...pending]) ok = (await sendVerdict(id)) && ok;
      }
      if (pendingOpinion) {
        pendingOpinion = false;
        const saved = await invoke('review:setOpinion', { opinion: get().review?.opinion ?? '' });
        if (!saved.ok) {
          pendingOpinion = true;
          set({ error: saved.error });
          ok = false;
        }
      }
      return ok;
    },

    beginComment(draft) {
      if (!draft || withReviewer(() => set({ commentDraft: draft }))) set({ commentDraft: draft });
    },

    commentPassage(selected) {
      if (!selected.ok) return set({ error: selected.error });
      set({ error: null });
      get().beginComment({ anchor: selected.anchor, requirementId: null });
    },

    async addComment(text, requirementId) {
      const draft = get().commentDraft;
      const added = await invoke('review:addComment', { requirementId, anchor: draft?.anchor ?? null, text });
      if (!added.ok) {
        set({ error: added.error });
        return false;
      }
      set((s) => ({ commentDraft: null, review: s.review ? { ...s.review, comments: [...s.review.comments, added.value] } : s.review }));
      return true;
    },

    async deleteComment(id) {
      const deleted = await invoke('review:deleteComment', { id });
      if (!deleted.ok) {
        set({ error: deleted.error });
        return false;
      }
      set((s) => (s.review ? { review: { ...s.review, comments: s.review.comments.filter((c) => c.id !== id) } } : {}));
      return true;
    },

    async exportReviewReport(format) {
      if (!(await get().flushReview())) return { ok: false, error: 'Vos derniers avis n’ont pas pu être enregistrés : le rapport attend qu’ils le soient.' };
      const territoire = get().project?.meta.territoire ?? '';
      const chosen = await invoke('dialog:saveExport', { suggestedName: territoire ? `Rapport d’analyse — ${territoire}` : 'Rapport d’analyse', format });
      if (!chosen.ok || !chosen.value) return chosen;
      const written = await invoke('review:exportReport', { path: chosen.value.path, format });
      return written.ok ? { ok: true, value: { path: written.value.path } } : written;
    },

    async exportReviewPackage() {
      if (!(await get().flushReview())) return { ok: false, error: 'Vos derniers avis n’ont pas pu être enregistrés : l’export attend qu’ils le soient.' };
      const territoire = get().project?.meta.territoire ?? '';
      const chosen = await invoke('dialog:saveReviewPackage', { suggestedName: territoire ? `Relecture — ${territoire}` : 'Relecture' });
      if (!chosen.ok || !chosen.value) return chosen;
      const written = await invoke('review:exportPackage', { path: chosen.value.path });
      return written.ok ? { ok: true, value: { path: written.value.path } } : written;
    },

    async importReviewPackage() {
      if (get().busy) return;
      // The merge touches only the review: the author's text is stored first, and stays in the editors.
      if (!(await get().flushSave())) return;
      set({ busy: true, error: null });
      try {
        const chosen = await invoke('dialog:openReviewPackage');
        if (!chosen.ok) return set({ error: chosen.error });
        if (!chosen.value) return;
        const merged = await invoke('review:importPackage', { path: chosen.value.path });
        if (!merged.ok) return set({ error: merged.error });
        const { verdictsAdded, commentsAdded, conflicts } = merged.value;
        set({ packageMerge: { verdictsAdded, commentsAdded, conflicts } });
        await get().loadReview();
      } finally {
        set({ busy: false });
      }
    },

    dismissPackageMerge() {
      set({ packageMerge: null });
    },
  };
};
