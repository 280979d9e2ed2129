import { useEffect } from 'react';
import { Checklist } from '../checklist/Checklist';
import { DocumentView } from '../editor/DocumentView';
import { PackageMergeDialog } from '../review/PackageMergeDialog';
import { ReceivedReview } from '../review/ReceivedReview';
import { usePilier } from '../store';
import { Alert } from '../ui/Alert';
import { ExportDialog } from './ExportDialog';
import { GuidancePanel } from './GuidancePanel';
import { Outline } from './Outline';
import { TopBar } from './TopBar';
import { VersionsDialog } from './VersionsDialog';

/**
 * The screen project teams live in: the outline (left), the sections' editors (centre), the guidance of the
 * focused section and the live checklist (right). Ctrl+F opens the find bar; work is saved as it is typed.
 */
export function EditorScreen() {
  const error = usePilier((s) => s.error);
  const dismissError = usePilier((s) => s.dismissError);
  const announcement = usePilier((s) => s.announcement);
  const checklistHidden = usePilier((s) => s.checklistHidden);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        usePilier.getState().setFindOpen(true);
        requestAnimationFrame(() => document.getElementById('find-input')?.focus());
      }
    };
    const onLeave = (): void => void usePilier.getState().flushSave();
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onLeave);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onLeave);
    };
  }, []);

  return (
    <div className="editor-screen">
      <a className="skip-link" href="#document">
        Aller au texte du contrat
      </a>
      <a className="skip-link" href="#checklist">
        Aller à la liste des exigences
      </a>
      <TopBar />
      {error && (
        <div className="screen-alert">
          <Alert message={error} onDismiss={dismissError} />
        </div>
      )}
      <div className="editor-grid">
        <Outline />
        <DocumentView />
        <aside className="side-panel" aria-label="Conseils et exigences">
          <GuidancePanel />
          <ReceivedReview />
          {!checklistHidden && <Checklist />}
        </aside>
      </div>
      <VersionsDialog />
      <ExportDialog />
      <PackageMergeDialog />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
