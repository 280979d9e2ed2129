import { create } from 'zustand';
import { loadSources } from '../app/sources';
import { prepareChecker } from '../checklist/liveCheck';
import { createAppSlice } from './appSlice';
import { createCheckSlice } from './checkSlice';
import { createProjectSlice } from './projectSlice';
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
}));

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
