import type { AppSlice } from './appSlice';
import type { CheckSlice } from './checkSlice';
import type { ProjectSlice } from './projectSlice';
import type { ReviewSlice } from './reviewSlice';
import type { TrainingSlice } from './trainingSlice';
import type { UiSlice } from './uiSlice';

/** The whole store: one object made of typed slices (design.md §5.5). */
export type PilierState = AppSlice & ProjectSlice & CheckSlice & UiSlice & TrainingSlice & ReviewSlice;

type SetState = (partial: Partial<PilierState> | ((state: PilierState) => Partial<PilierState>)) => void;
type GetState = () => PilierState;

/** How each slice is made: it may read and write the whole store, and returns its own part. */
export type SliceCreator<S> = (set: SetState, get: GetState) => S;
