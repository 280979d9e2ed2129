import { useEffect, useRef, useState } from 'react';
import { normalizeUrl } from './links';

/** Asks for a link's address; answers the safe URL, or `null` when cancelled. */
export function LinkDialog({ onClose }: { onClose: (url: string | null) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const d = dialog.current;
    d?.showModal();
    return () => d?.close();
  }, []);

  return (
    <dialog ref={dialog} className="dialog small" aria-labelledby="link-title" onCancel={() => onClose(null)}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          const url = normalizeUrl(value);
          if (!url) {
            setError('Indiquez une adresse web (https://…) ou une adresse électronique.');
            return;
          }
          onClose(url);
        }}
      >
        <h2 id="link-title">Insérer un lien</h2>
        <label htmlFor="link-url">Adresse du lien</label>
        <input
          id="link-url"
          type="text"
          inputMode="url"
          autoFocus
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'link-error' : undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        {error && (
          <p className="field-error" id="link-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="button primary">
            Insérer
          </button>
          <button type="button" className="button" onClick={() => onClose(null)}>
            Annuler
          </button>
        </div>
      </form>
    </dialog>
  );
}
