import { usePilier } from '../store';
import { TopTitle } from '../ui/TopTitle';
import { SaveStatus } from './SaveStatus';
import { openFind } from './useEditorShortcuts';

/** The banner of the editor screen: which contract, whether it is saved, and the file actions. */
export function TopBar() {
  const territoire = usePilier((s) => s.project?.meta.territoire ?? '');
  const fileName = usePilier((s) => s.project?.fileName ?? '');
  const path = usePilier((s) => s.project?.path ?? '');
  const busy = usePilier((s) => s.busy);
  const setVersionsOpen = usePilier((s) => s.setVersionsOpen);
  const setExportOpen = usePilier((s) => s.setExportOpen);
  const closeProject = usePilier((s) => s.closeProject);
  const setPackDialogOpen = usePilier((s) => s.setPackDialogOpen);
  const startTour = usePilier((s) => s.startTour);
  const importReviewPackage = usePilier((s) => s.importReviewPackage);

  return (
    <header className="top-bar">
      <TopTitle file={fileName} path={path}>
        Contrat de ville — {territoire}
      </TopTitle>
      <SaveStatus />
      <div className="top-actions">
        <button
          type="button"
          className="button"
          aria-keyshortcuts="Control+F"
          onClick={openFind}
        >
          Rechercher
        </button>
        <button type="button" className="button" onClick={() => setVersionsOpen(true)}>
          Versions…
        </button>
        <button type="button" className="button" data-tour="export" onClick={() => setExportOpen(true)}>
          Exporter…
        </button>
        <button type="button" className="button" onClick={() => setPackDialogOpen(true)}>
          Référentiel…
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void importReviewPackage()}>
          Importer une relecture…
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void closeProject()}>
          Fermer le contrat
        </button>
        <button type="button" className="button help-button" data-tour="help" aria-label="Visite guidée" title="Visite guidée" onClick={startTour}>
          ?
        </button>
      </div>
    </header>
  );
}
