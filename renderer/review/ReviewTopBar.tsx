import { useState } from 'react';
import { usePilier } from '../store';
import { TopTitle } from '../ui/TopTitle';
import { fileNameOf } from './labels';
import { anchorFromSelection } from './passage';
import { ReportDialog } from './ReportDialog';

/** « Commenter le passage » from the button or Ctrl+Alt+M: the document's current selection. */
export function commentCurrentSelection(): void {
  usePilier.getState().commentPassage(anchorFromSelection(window.getSelection()));
}

/** The review screen's banner: which contract, who reviews, and the review's actions. */
export function ReviewTopBar() {
  const territoire = usePilier((s) => s.project?.meta.territoire ?? '');
  const path = usePilier((s) => s.project?.path ?? '');
  const original = usePilier((s) => s.review?.original?.name ?? null);
  const reviewer = usePilier((s) => s.review?.reviewer ?? null);
  const busy = usePilier((s) => s.busy);
  const setReviewerDialogOpen = usePilier((s) => s.setReviewerDialogOpen);
  const exportReviewPackage = usePilier((s) => s.exportReviewPackage);
  const closeProject = usePilier((s) => s.closeProject);
  const saveProjectAs = usePilier((s) => s.saveProjectAs);
  const setPackDialogOpen = usePilier((s) => s.setPackDialogOpen);
  const announce = usePilier((s) => s.announce);
  const [reportOpen, setReportOpen] = useState(false);
  const [notice, setNotice] = useState('');

  const exportPackage = async (): Promise<void> => {
    setNotice('');
    const written = await exportReviewPackage();
    if (!written.ok) return setNotice(`La relecture n’a pas été exportée : ${written.error}`);
    if (!written.value) return;
    const message = `Relecture exportée : ${fileNameOf(written.value.path)}. Envoyez ce fichier à l’équipe projet.`;
    setNotice(message);
    announce(message);
  };

  return (
    <header className="top-bar review-top-bar">
      <TopTitle file={original ? `Reçu : ${original}` : fileNameOf(path)} path={path}>
        Relecture — {territoire}
      </TopTitle>
      <div className="reviewer-badge">
        {reviewer ? (
          <>
            <span>
              Relecteur : {reviewer.nom}
              {reviewer.qualite && `, ${reviewer.qualite}`}
            </span>
            <button type="button" className="button small" onClick={() => setReviewerDialogOpen(true)}>
              Modifier<span className="visually-hidden"> le nom du relecteur</span>
            </button>
          </>
        ) : (
          <button type="button" className="button small" onClick={() => setReviewerDialogOpen(true)}>
            Indiquer qui relit…
          </button>
        )}
      </div>
      <div className="top-actions">
        <button
          type="button"
          className="button"
          aria-keyshortcuts="Control+Alt+M"
          // The selection in the text must survive the click.
          onMouseDown={(e) => e.preventDefault()}
          onClick={commentCurrentSelection}
        >
          Commenter le passage
        </button>
        <button type="button" className="button" onClick={() => setReportOpen(true)}>
          Exporter le rapport…
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void exportPackage()}>
          Exporter la relecture…
        </button>
        <button type="button" className="button" onClick={() => setPackDialogOpen(true)}>
          Référentiel…
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          title="Enregistre une copie du contrat reçu, modifiable dans l’éditeur ; le fichier reçu et cette relecture restent tels quels."
          onClick={() => void saveProjectAs({ suggestedName: `Copie modifiable — ${territoire}`, mode: 'redaction' })}
        >
          Modifier une copie…
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void closeProject()}>
          Fermer la relecture
        </button>
      </div>
      <p className={notice ? 'review-notice' : 'visually-hidden'} role="status">
        {notice}
      </p>
      <ReportDialog open={reportOpen} onClose={() => setReportOpen(false)} />
    </header>
  );
}
