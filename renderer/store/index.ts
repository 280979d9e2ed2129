import { create } from 'zustand';
import { loadSources, setActivePack, sources } from '../app/sources';
import { prepareChecker } from '../checklist/liveCheck';
import { createAppSlice } from './appSlice';
import { createCheckSlice } from './checkSlice';
import { createProjectSlice } from './projectSlice';
import { createReviewSlice } from './reviewSlice';
import { createTrainingSlice } from './trainingSlice';
import type { PilierState } from './types';
import { createUiSlice } from './uiSlice';

/**
 * The renderer's one store (design.md §3 rule 4: the only `create` call). It holds ids, flags and the latest
 * `CheckReport`; the text itself lives in the Lexical editors. Components select narrowly:
 * `usePilier((s) => s.save.state)`, never the whole state.
 */
export const usePilier = create<PilierState>()((set, get) => ({
  ...createAppSlice(set, get),
  ...createProjectSlice(set, get),
  ...createCheckSlice(set, get),
  ...createUiSlice(set, get),
  ...createTrainingSlice(set, get),
  ...createReviewSlice(set, get),
}));

// The checklist and the live check follow the pack the open project is checked against (issue 6). The live check
// is made by the first `loadProject`, after this runs: it is pointed at the pack once that call has returned.
usePilier.subscribe((state, previous) => {
  // Another project: the exercise marks start over; leaving the exercise's project (closing it, opening another) ends it.
  if (state.project?.path !== previous.project?.path && (Object.keys(state.marks).length > 0 || state.corrected || (previous.project && state.exerciseActive))) {
    usePilier.setState(previous.project ? { exerciseActive: false, exerciseIsDemo: false, marks: {}, corrected: false } : { marks: {}, corrected: false });
  }
  const pack = state.project?.meta.referentiel;
  if (pack === previous.project?.meta.referentiel && state.project?.path === previous.project?.path) return;
  const loaded = loadSources();
  setActivePack(pack?.id ?? (loaded.ok ? loaded.pack.id : ''));
  if (!pack || !loaded.ok) return;
  queueMicrotask(() => {
    const active = sources().pack;
    usePilier.getState().liveCheck()?.checkAgainst(active);
  });
});

export type { PilierState } from './types';

// The checker is compiled in an idle moment after start, not when the first contract is opened.
if (typeof requestIdleCallback === 'function') {
  requestIdleCallback(
    () => {
      const loaded = loadSources();
      if (loaded.ok) prepareChecker(loaded.pack);
    },
    { timeout: 3_000 },
  );
}
