import { usePilier } from '../store';
import { Alert } from '../ui/Alert';

/** The skip links of a screen showing the contract: to its text, and to the screen's side panel. */
export function SkipLinks({ panel, label }: { panel: string; label: string }) {
  return (
    <>
      <a className="skip-link" href="#document">
        Aller au texte du contrat
      </a>
      <a className="skip-link" href={panel}>
        {label}
      </a>
    </>
  );
}

/** The last error of the store, under a screen's top bar, with « Fermer ». */
export function ScreenAlert() {
  const error = usePilier((s) => s.error);
  const dismissError = usePilier((s) => s.dismissError);
  if (!error) return null;
  return (
    <div className="screen-alert">
      <Alert message={error} onDismiss={dismissError} />
    </div>
  );
}
