import { Checklist } from '../checklist/Checklist';
import { DocumentView } from '../editor/DocumentView';
import { PackageMergeDialog } from '../review/PackageMergeDialog';
import { ReceivedReview } from '../review/ReceivedReview';
import { usePilier } from '../store';
import { ExportDialog } from './ExportDialog';
import { GuidancePanel } from './GuidancePanel';
import { Outline } from './Outline';
import { ScreenAlert, SkipLinks } from './ScreenParts';
import { TopBar } from './TopBar';
import { useEditorShortcuts } from './useEditorShortcuts';
import { VersionsDialog } from './VersionsDialog';

const saveOnLeave = (): void => void usePilier.getState().flushSave();

/**
 * The screen project teams live in: the outline (left), the sections' editors (centre), the guidance of the
 * focused section and the live checklist (right). Ctrl+F opens the find bar; work is saved as it is typed.
 */
export function EditorScreen() {
  const announcement = usePilier((s) => s.announcement);
  const checklistHidden = usePilier((s) => s.checklistHidden);

  useEditorShortcuts(saveOnLeave);

  return (
    <div className="editor-screen">
      <SkipLinks panel="#checklist" label="Aller à la liste des exigences" />
      <TopBar />
      <ScreenAlert />
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
