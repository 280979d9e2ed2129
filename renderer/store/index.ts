import { create } from 'zustand';
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
