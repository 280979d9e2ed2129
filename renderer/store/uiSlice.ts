import type { SliceCreator } from './types';

/** Where the user is in the editor screen: the focused section and the open panels and dialogs. */
export interface UiSlice {
  activeSectionId: string | null;
  findOpen: boolean;
  versionsOpen: boolean;
  exportOpen: boolean;
  /** The checklist panel is hidden (Affichage › Liste de contrôle, Ctrl+Maj+L). */
  checklistHidden: boolean;
  /** A one-line message for screen readers (the live region of the editor screen). */
  announcement: string;
  setActiveSection(id: string | null): void;
  setFindOpen(open: boolean): void;
  setVersionsOpen(open: boolean): void;
  setExportOpen(open: boolean): void;
  toggleChecklist(): void;
  announce(message: string): void;
}

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  activeSectionId: null,
  findOpen: false,
  versionsOpen: false,
  exportOpen: false,
  checklistHidden: false,
  announcement: '',
  setActiveSection: (id) => set({ activeSectionId: id }),
  setFindOpen: (open) => set({ findOpen: open }),
  setVersionsOpen: (open) => set({ versionsOpen: open }),
  setExportOpen: (open) => set({ exportOpen: open }),
  toggleChecklist: () => set((s) => ({ checklistHidden: !s.checklistHidden })),
  announce: (message) => set({ announcement: message }),
});
