import { useEffect } from 'react';
import { usePilier } from '../store';
import { Alert } from '../ui/Alert';
import { formatDateTime } from '../ui/format';
import { useFocusOnMount } from '../ui/useFocusOnMount';

/** The first screen: create, open, the recent files, and the demo contract. */
export function StartScreen() {
  const busy = usePilier((s) => s.busy);
  const error = usePilier((s) => s.error);
  const recent = usePilier((s) => s.recent);
  const showScreen = usePilier((s) => s.showScreen);
  const openWithDialog = usePilier((s) => s.openWithDialog);
  const openPath = usePilier((s) => s.openPath);
  const openDemo = usePilier((s) => s.openDemo);
  const dismissError = usePilier((s) => s.dismissError);
  const loadRecent = usePilier((s) => s.loadRecent);
  const openReferentiel = usePilier((s) => s.openReferentiel);
  const startDemoExercise = usePilier((s) => s.startDemoExercise);
  const startReview = usePilier((s) => s.startReview);

  const title = useFocusOnMount<HTMLHeadingElement>();

  useEffect(() => {
    void loadRecent();
  }, [loadRecent]);

  return (
    <div className="start-screen">
      <header className="start-header">
        <h1 ref={title} tabIndex={-1}>
          Pilier <span className="tagline">— rédiger et vérifier un contrat de ville</span>
        </h1>
      </header>
      <main className="start-main" aria-labelledby="start-title">
        <h2 id="start-title" className="visually-hidden">
          Accueil
        </h2>
        <p className="lead">
          Rédigez le contrat section par section : Pilier vérifie en direct qu’il contient chaque volet, signataire et annexe attendus
          par l’annexe 1 de la circulaire du 30 juillet 2014. Tout reste sur cet ordinateur.
        </p>
        <Alert message={error} onDismiss={dismissError} />
        <div className="start-actions">
          <button type="button" className="button primary large" disabled={busy} onClick={() => showScreen('new')}>
            Nouveau contrat
          </button>
          <button type="button" className="button large" disabled={busy} onClick={() => void openWithDialog()}>
            Ouvrir…
          </button>
          <button type="button" className="button large" disabled={busy} onClick={() => void openDemo()}>
            Ouvrir le contrat de démonstration
          </button>
          <button type="button" className="button large" disabled={busy} onClick={() => void startReview()}>
            Relire un contrat reçu…
          </button>
        </div>
        <section className="training-entry" aria-labelledby="training-title">
          <h2 id="training-title">Se former</h2>
          <div className="start-actions">
            <button type="button" className="button large" disabled={busy} onClick={() => openReferentiel()}>
              Parcourir le référentiel
            </button>
            <button type="button" className="button large" disabled={busy} onClick={() => void startDemoExercise()}>
              Exercice : trouver les manques
            </button>
          </div>
        </section>
        <section className="recent" aria-labelledby="recent-title">
          <h2 id="recent-title">Fichiers récents</h2>
          {recent.length === 0 ? (
            <p className="muted">Aucun contrat ouvert récemment.</p>
          ) : (
            <ul className="recent-list">
              {recent.map((file) => (
                <li key={file.path}>
                  <button type="button" className="recent-item" disabled={busy} onClick={() => void openPath(file.path)}>
                    <span className="recent-name">{file.territoire}</span>
                    <span className="recent-path">{file.path}</span>
                    <span className="recent-date">Ouvert le {formatDateTime(file.openedAt)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </div>
  );
}
