import { useEffect } from 'react';
import { onMenu } from '../bridge';
import { ImportProgress } from '../review/ImportProgress';
import { ReviewScreen } from '../review/ReviewScreen';
import { usePilier } from '../store';
import { ExerciseScreen } from '../training/ExerciseScreen';
import { GuidedTour } from '../training/GuidedTour';
import { PackDialog } from '../training/PackDialog';
import { ReferentielScreen } from '../training/ReferentielScreen';
import { EditorScreen } from './EditorScreen';
import { ErrorBoundary } from './ErrorBoundary';
import { runMenuCommand } from './menuCommands';
import { NewContractForm } from './NewContractForm';
import { loadSources } from './sources';
import { StartScreen } from './StartScreen';

/** The shell: the screen the store names, the menu commands of the host, and the stop screen for a broken bundle. */
export function App() {
  const screen = usePilier((s) => s.screen);
  // A project in mode « relecture » (a received contract) opens on the reviewer's screen, whichever way it was opened.
  const reviewing = usePilier((s) => s.project?.meta.mode === 'relecture');
  // A project saved as an exercise (mode « exercice ») opens read-only, with the trainee's marks instead of the checklist.
  const exercising = usePilier((s) => s.project?.meta.mode === 'exercice' || s.exerciseActive);
  const loaded = loadSources();

  useEffect(() => {
    document.documentElement.lang = 'fr';
    return onMenu((message) => {
      const state = usePilier.getState();
      void runMenuCommand(message, { ...state, hasProject: state.project !== null });
    });
  }, []);

  if (!loaded.ok) {
    return (
      <main className="stop-screen">
        <h1>Pilier ne peut pas démarrer</h1>
        <p role="alert">{loaded.error}</p>
        <p>Réinstallez l’application ; si le problème persiste, signalez-le avec ce message.</p>
      </main>
    );
  }
  return (
    <ErrorBoundary>
      {screen === 'referentiel' ? (
        <ReferentielScreen />
      ) : screen === 'editor' && exercising ? (
        <ExerciseScreen />
      ) : screen === 'editor' ? (
        reviewing ? <ReviewScreen /> : <EditorScreen />
      ) : screen === 'new' ? (
        <NewContractForm />
      ) : (
        <StartScreen />
      )}
      {screen === 'editor' && !exercising && <PackDialog />}
      {screen === 'editor' && !reviewing && !exercising && <GuidedTour />}
      <ImportProgress />
    </ErrorBoundary>
  );
}
