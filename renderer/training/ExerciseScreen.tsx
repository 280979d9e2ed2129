import { DocumentView } from '../editor/DocumentView';
import { focusSection } from '../editor/navigation';
import { usePilier } from '../store';
import { Alert } from '../ui/Alert';
import { useFocusOnMount } from '../ui/useFocusOnMount';
import { ExercisePanel } from './ExercisePanel';
import { useReadOnlyDocument } from './useReadOnlyDocument';
import '../styles/training.css';

/** The plan without the checker's verdicts (the outline of the editor shows them, which would give the answer away). */
function ExerciseOutline() {
  const sections = usePilier((s) => s.sections);
  return (
    <nav className="outline" aria-label="Plan du contrat">
      <h2 className="panel-title">Plan</h2>
      <ol className="outline-list">
        {sections.map((s) => (
          <li key={s.id}>
            <button type="button" className="outline-link" onClick={() => focusSection(s.id)}>
              <span className="outline-text">{s.title}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * « Exercice : trouver les manques »: the contract read-only, the checklist hidden, and the trainee's marks in
 * its place. The demo contract, or any project a trainer saved as an exercise (mode « exercice »).
 */
export function ExerciseScreen() {
  const territoire = usePilier((s) => s.project?.meta.territoire ?? '');
  const busy = usePilier((s) => s.busy);
  const error = usePilier((s) => s.error);
  const dismissError = usePilier((s) => s.dismissError);
  const closeProject = usePilier((s) => s.closeProject);
  const openReferentiel = usePilier((s) => s.openReferentiel);
  const title = useFocusOnMount<HTMLHeadingElement>();
  useReadOnlyDocument();

  return (
    <div className="editor-screen exercise-screen">
      <a className="skip-link" href="#document">
        Aller au texte du contrat
      </a>
      <a className="skip-link" href="#exercise">
        Aller à l’exercice
      </a>
      <header className="top-bar">
        <div className="top-title">
          <span className="app-name" aria-hidden="true">
            Pilier
          </span>
          <h1 ref={title} tabIndex={-1}>
            Exercice : trouver les manques — {territoire}
          </h1>
          <span className="file-name">Lecture seule</span>
        </div>
        <div className="top-actions">
          <button type="button" className="button" onClick={() => openReferentiel()}>
            Référentiel…
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void closeProject()}>
            Fermer l’exercice
          </button>
        </div>
      </header>
      {error && (
        <div className="screen-alert">
          <Alert message={error} onDismiss={dismissError} />
        </div>
      )}
      <div className="editor-grid">
        <ExerciseOutline />
        <DocumentView />
        <aside className="side-panel" aria-label="Exercice">
          <ExercisePanel />
        </aside>
      </div>
    </div>
  );
}
