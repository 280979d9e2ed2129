import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReviewState } from '../../src/api/contract';
import { createReviewSlice, REVIEW_SAVE_DELAY_MS } from './reviewSlice';
import type { PilierState } from './types';

type Call = { channel: string; arg: unknown };

const REVIEWER = { nom: 'Claire Martin', qualite: 'sous-préfète' };

function emptyReview(reviewer: ReviewState['reviewer']): ReviewState {
  return { reviewer, verdicts: [], comments: [], opinion: '', original: null };
}

/** The slice inside a minimal store, its host calls answered by `answer` and recorded. */
function setup(answer: (channel: string, arg: unknown) => unknown = () => null) {
  const calls: Call[] = [];
  vi.stubGlobal('window', {
    pilier: {
      invoke: async (channel: string, arg: unknown) => {
        calls.push({ channel, arg });
        const value = await answer(channel, arg);
        if (channel === 'review:setVerdict') {
          const a = arg as { requirementId: string; verdict: string | null; comment: string };
          return { ok: true, value: { ...a, automaticStatus: 'missing', reviewer: REVIEWER, at: '2026-11-25T22:40:00.000Z' } };
        }
        return value && typeof value === 'object' && 'ok' in value ? value : { ok: true, value };
      },
    },
  });
  let state = {
    busy: false,
    error: null,
    screen: 'start',
    project: { path: '/tmp/relecture.pilier', fileName: 'relecture.pilier', meta: { mode: 'relecture', territoire: 'Vionne' } },
    report: { requirements: [{ id: 'SOC-1', status: 'missing' }] },
    flushSave: async () => true,
    loadProject: vi.fn(),
    announce: vi.fn(),
  } as unknown as PilierState;
  const set = (partial: Partial<PilierState> | ((s: PilierState) => Partial<PilierState>)): void => {
    state = { ...state, ...(typeof partial === 'function' ? partial(state) : partial) };
  };
  const get = (): PilierState => state;
  state = { ...state, ...createReviewSlice(set, get) };
  return { get, calls, setVerdicts: () => calls.filter((c) => c.channel === 'review:setVerdict') };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('review slice: verdicts and comments', () => {
  it('saves a typed comment once, after the last keystroke, with the verdict and the automatic status', async () => {
    const { get, setVerdicts } = setup((channel) => (channel === 'review:load' ? emptyReview(REVIEWER) : null));
    await get().loadReview();
    get().editVerdictComment('SOC-1', 'M');
    get().editVerdictComment('SOC-1', 'Manque');
    get().editVerdictComment('SOC-1', 'Manque le volet');
    expect(setVerdicts()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(REVIEW_SAVE_DELAY_MS);
    expect(setVerdicts().map((c) => c.arg)).toEqual([{ requirementId: 'SOC-1', verdict: null, comment: 'Manque le volet', automaticStatus: 'missing' }]);
    expect(get().review?.verdicts[0]?.at).toBe('2026-11-25T22:40:00.000Z');
  });

  it('flushes a pending comment at once when the project closes (nothing waits for the timer)', async () => {
    const { get, setVerdicts } = setup((channel) => (channel === 'review:load' ? emptyReview(REVIEWER) : null));
    await get().loadReview();
    await get().setVerdict('SOC-1', 'a-completer');
    get().editVerdictComment('SOC-1', 'Préciser les signataires');
    expect(await get().flushReview()).toBe(true);
    expect(setVerdicts().map((c) => (c.arg as { comment: string; verdict: string }).comment)).toEqual(['', 'Préciser les signataires']);
    expect((setVerdicts()[1]!.arg as { verdict: string }).verdict).toBe('a-completer');
    await vi.advanceTimersByTimeAsync(REVIEW_SAVE_DELAY_MS * 2);
    expect(setVerdicts()).toHaveLength(2);
  });

  it('asks who reviews before the first verdict, then records it', async () => {
    const { get, setVerdicts } = setup((channel, arg) => (channel === 'review:load' ? emptyReview(null) : channel === 'review:setReviewer' ? arg : null));
    await get().loadReview();
    await get().setVerdict('SOC-1', 'non-conforme');
    expect(get().reviewerDialogOpen).toBe(true);
    expect(setVerdicts()).toHaveLength(0);
    // Closing the project now is refused: the verdict would be lost.
    expect(await get().flushReview()).toBe(false);
    expect(get().error).toMatch(/Indiquez votre nom/);
    expect(await get().saveReviewer(REVIEWER)).toBe(true);
    await vi.runAllTimersAsync();
    expect(get().reviewerDialogOpen).toBe(false);
    expect(setVerdicts().map((c) => (c.arg as { verdict: string }).verdict)).toEqual(['non-conforme']);
  });
});

describe('review slice: importing a received contract', () => {
  it('asks for the file, suggests « Relecture — <name> », imports and opens the project', async () => {
    const opened = { path: '/tmp/Relecture — vionne.pilier', meta: { mode: 'relecture' }, sections: [], report: null };
    const { get, calls } = setup((channel) => {
      if (channel === 'dialog:openContractFile') return { path: '/home/claire/vionne.docx' };
      if (channel === 'dialog:saveProject') return { path: opened.path };
      if (channel === 'review:import') return opened;
      if (channel === 'review:load') return emptyReview(null);
      return null;
    });
    const started = get().startReview();
    await vi.runAllTimersAsync();
    await started;
    expect(calls.find((c) => c.channel === 'dialog:saveProject')?.arg).toEqual({ suggestedName: 'Relecture — vionne' });
    expect(calls.find((c) => c.channel === 'review:import')?.arg).toEqual({ sourcePath: '/home/claire/vionne.docx', projectPath: opened.path });
    expect(get().loadProject).toHaveBeenCalledWith(opened);
    expect(get().screen).toBe('editor');
    expect(get().importTask).toBeNull();
    expect(get().busy).toBe(false);
  });

  it('does nothing when the file dialog is cancelled', async () => {
    const { get, calls } = setup(() => null);
    await get().startReview();
    expect(calls.map((c) => c.channel)).toEqual(['dialog:openContractFile']);
    expect(get().error).toBeNull();
  });
});

describe('review slice: cancelling an import', () => {
  it('says the import was cancelled, without an error alert, and opens nothing', async () => {
    let finish: (value: unknown) => void = () => {};
    const { get, calls } = setup((channel) => {
      if (channel === 'dialog:openContractFile') return { path: '/home/claire/long.pdf' };
      if (channel === 'dialog:saveProject') return { path: '/tmp/Relecture — long.pilier' };
      if (channel === 'task:progress') return { label: 'Lecture du PDF : page 3 sur 80', done: 3, total: 80 };
      if (channel === 'review:import') return new Promise((resolve) => (finish = resolve));
      return null;
    });
    const started = get().startReview();
    await vi.advanceTimersByTimeAsync(250);
    expect(get().importTask?.progress).toEqual({ label: 'Lecture du PDF : page 3 sur 80', done: 3, total: 80 });
    await get().cancelImport();
    expect(get().importTask?.cancelling).toBe(true);
    expect(calls.some((c) => c.channel === 'task:cancel')).toBe(true);
    finish({ ok: false, error: 'Import annulé.' });
    await vi.runAllTimersAsync();
    await started;
    expect(get().error).toBeNull();
    expect(get().announce).toHaveBeenCalledWith('Import annulé : aucun projet de relecture n’a été créé.');
    expect(get().loadProject).not.toHaveBeenCalled();
    expect(get().importTask).toBeNull();
  });
});
