import { ScreenAlert, SkipLinks } from '../app/ScreenParts';
import { DocumentView } from '../editor/DocumentView';
import { focusSection } from '../editor/navigation';
import { useReadOnlyDocument } from '../editor/useReadOnlyDocument';
import { usePilier } from '../store';
import { TopTitle } from '../ui/TopTitle';
import { ExercisePanel } from './ExercisePanel';
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
  const closeProject = usePilier((s) => s.closeProject);
  const openReferentiel = usePilier((s) => s.openReferentiel);
  useReadOnlyDocument({ focusableScroller: true });

  return (
    <div className="editor-screen exercise-screen">
      <SkipLinks panel="#exercise" label="Aller à l’exercice" />
      <header className="top-bar">
        <TopTitle file="Lecture seule">Exercice : trouver les manques — {territoire}</TopTitle>
        <div className="top-actions">
          <button type="button" className="button" onClick={() => openReferentiel()}>
            Référentiel…
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void closeProject()}>
            Fermer l’exercice
          </button>
        </div>
      </header>
      <ScreenAlert />
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
