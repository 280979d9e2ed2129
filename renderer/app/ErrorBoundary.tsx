import { Component, type ErrorInfo, type ReactNode } from 'react';
import { usePilier } from '../store';

interface State {
  message: string | null;
}

/**
 * Catches a rendering bug so the window never goes blank: the user sees what happened, and the work already
 * typed is saved before anything else (design.md §5.10: never lost work).
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { message: null };

  static getDerivedStateFromError(error: unknown): State {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Pilier: rendering failed', error, info.componentStack);
    void usePilier.getState().flushSave();
  }

  private readonly reset = (): void => {
    this.setState({ message: null });
  };

  override render(): ReactNode {
    if (this.state.message === null) return this.props.children;
    return (
      <main className="stop-screen">
        <h1>Un problème inattendu est survenu</h1>
        <p role="alert">L’affichage a rencontré une erreur ({this.state.message}). Votre texte a été enregistré.</p>
        <button type="button" className="button primary" onClick={this.reset}>
          Réafficher le contrat
        </button>
      </main>
    );
  }
}
