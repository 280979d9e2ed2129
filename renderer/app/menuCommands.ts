import type { MenuMessage } from '../../src/api/contract';

/** The store actions the application menu drives (a narrow view of the store, so the dispatch is testable). */
export interface MenuTarget {
  hasProject: boolean;
  showScreen(screen: 'new'): void;
  openWithDialog(): Promise<void>;
  openDemo(): Promise<void>;
  openPath(path: string): Promise<void>;
  closeProject(): Promise<void>;
  saveProjectAs(): Promise<unknown>;
  createSnapshot(): Promise<unknown>;
  setVersionsOpen(open: boolean): void;
  setFindOpen(open: boolean): void;
  toggleChecklist(): void;
  setExportOpen(open: boolean): void;
  startReview(): Promise<void>;
  openReferentiel(): void;
  startTour(): void;
  /** Saves what the renderer holds and lets the host close the window (`project:close`). */
  prepareWindowClose(): Promise<void>;
}

/**
 * Carries out one command of the host's application menu. Commands that need an open contract are ignored
 * without one (the menu stays the same on every screen). Returns whether the command was carried out.
 */
export async function runMenuCommand(message: MenuMessage, target: MenuTarget): Promise<boolean> {
  const withProject = (work: () => unknown): boolean => {
    if (!target.hasProject) return false;
    void work();
    return true;
  };
  switch (message.action) {
    case 'new':
      target.showScreen('new');
      return true;
    case 'open':
      await target.openWithDialog();
      return true;
    case 'openDemo':
      await target.openDemo();
      return true;
    case 'openPath':
      if (!message.path) return false;
      await target.openPath(message.path);
      return true;
    case 'review':
      await target.startReview();
      return true;
    case 'referentiel':
      target.openReferentiel();
      return true;
    case 'windowClosing':
      await target.prepareWindowClose();
      return true;
    case 'close':
      return withProject(() => target.closeProject());
    case 'saveAs':
      return withProject(() => target.saveProjectAs());
    case 'snapshot':
      return withProject(() => target.createSnapshot());
    case 'versions':
      return withProject(() => target.setVersionsOpen(true));
    case 'find':
      return withProject(() => target.setFindOpen(true));
    case 'export':
      return withProject(() => target.setExportOpen(true));
    case 'toggleChecklist':
      return withProject(() => target.toggleChecklist());
    case 'tour':
      return withProject(() => target.startTour());
  }
}
