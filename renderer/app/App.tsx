import { useEffect } from 'react';
import { onMenu } from '../bridge';
import { usePilier } from '../store';
import { EditorScreen } from './EditorScreen';
import { ErrorBoundary } from './ErrorBoundary';
import { NewContractForm } from './NewContractForm';
import { loadSources } from './sources';
import { StartScreen } from './StartScreen';

/** The shell: the screen the store names, the menu commands of the host, and the stop screen for a broken bundle. */
export function App() {
  const screen = usePilier((s) => s.screen);
  const loaded = loadSources();

  useEffect(() => {
    document.documentElement.lang = 'fr';
    return onMenu((command) => {
      const state = usePilier.getState();
      if (command === 'new') state.showScreen('new');
      else if (command === 'open') void state.openWithDialog();
      else if (command === 'openDemo') void state.openDemo();
      else if (command === 'close' && state.project) void state.closeProject();
      else if (command === 'find' && state.project) state.setFindOpen(true);
      else if (command === 'versions' && state.project) state.setVersionsOpen(true);
      else if (command === 'snapshot' && state.project) void state.createSnapshot();
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
      {screen === 'editor' ? <EditorScreen /> : screen === 'new' ? <NewContractForm /> : <StartScreen />}
    </ErrorBoundary>
  );
}
