import type { CheckReport } from '../../src/check';
import type { SliceCreator } from './types';

export interface ChecklistFilters {
  /** Only the requirements of level « obligatoire ». */
  mandatoryOnly: boolean;
  /** Only the requirements not covered (missing, or partial too). */
  missingOnly: boolean;
}

/** The passage the user clicked in the editor, and the requirements it serves. */
export interface PassageFocus {
  sectionId: string;
  blockId: string;
  /** Requirements whose evidence lies in this block, those under the caret first. */
  requirementIds: string[];
}

export interface CheckSlice {
  report: CheckReport | null;
  /** When the checklist last changed (ms, performance clock): the e2e bench reads it. */
  reportAt: number;
  selectedRequirementId: string | null;
  filters: ChecklistFilters;
  passage: PassageFocus | null;
  setReport(report: CheckReport): void;
  selectRequirement(id: string | null): void;
  setFilter(name: keyof ChecklistFilters, on: boolean): void;
  setPassage(passage: PassageFocus | null): void;
}

export const createCheckSlice: SliceCreator<CheckSlice> = (set) => ({
  report: null,
  reportAt: 0,
  selectedRequirementId: null,
  filters: { mandatoryOnly: false, missingOnly: false },
  passage: null,
  setReport: (report) => set({ report, reportAt: performance.now() }),
  selectRequirement: (id) => set({ selectedRequirementId: id }),
  setFilter: (name, on) => set((s) => ({ filters: { ...s.filters, [name]: on } })),
  setPassage: (passage) => set({ passage }),
});
