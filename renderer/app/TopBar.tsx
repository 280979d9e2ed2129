import { usePilier } from '../store';
import { useFocusOnMount } from '../ui/useFocusOnMount';
import { SaveStatus } from './SaveStatus';

/** The banner of the editor screen: which contract, whether it is saved, and the file actions. */
export function TopBar() {
  const territoire = usePilier((s) => s.project?.meta.territoire ?? '');
  const fileName = usePilier((s) => s.project?.fileName ?? '');
  const path = usePilier((s) => s.project?.path ?? '');
  const busy = usePilier((s) => s.busy);
  const setFindOpen = usePilier((s) => s.setFindOpen);
  const setVersionsOpen = usePilier((s) => s.setVersionsOpen);
  const setExportOpen = usePilier((s) => s.setExportOpen);
  const closeProject = usePilier((s) => s.closeProject);
  const setPackDialogOpen = usePilier((s) => s.setPackDialogOpen);
  const startTour = usePilier((s) => s.startTour);
  const importReviewPackage = usePilier((s) => s.importReviewPackage);
  const title = useFocusOnMount<HTMLHeadingElement>();

  return (
    <header className="top-bar">
      <div className="top-title">
        <span className="app-name" aria-hidden="true">
          Pilier
        </span>
        <h1 ref={title} tabIndex={-1}>
          Contrat de ville — {territoire}
        </h1>
        <span className="file-name" title={path}>
          {fileName}
        </span>
      </div>
      <SaveStatus />
      <div className="top-actions">
        <button
          type="button"
          className="button"
          aria-keyshortcuts="Control+F"
          onClick={() => {
            setFindOpen(true);
            requestAnimationFrame(() => document.getElementById('find-input')?.focus());
          }}
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
