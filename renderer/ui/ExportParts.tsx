import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';
import type { ExportFormat } from '../../src/api/contract';
import { Alert } from './Alert';

/**
 * What the export dialogs (« Exporter… » the contract, « Exporter le rapport… » of a review) share: the modal that
 * follows its `open` flag, the DOCX / ODT choice, and the progress, result and buttons at the bottom.
 */

export type ExportPhase = { step: 'idle' } | { step: 'choosing' } | { step: 'running' } | { step: 'done'; fileName: string } | { step: 'failed'; error: string };

const FORMATS: { value: ExportFormat; label: string; hint: string }[] = [
  { value: 'docx', label: 'Word (.docx)', hint: 'Microsoft Word ; LibreOffice l’ouvre aussi.' },
  { value: 'odt', label: 'OpenDocument (.odt)', hint: 'LibreOffice Writer, le format des administrations.' },
];

/**
 * The `<dialog>` shown as a modal while `open` (back to « idle » each time it opens), and its phase. When an export
 * ends, the focus goes back to the close button: the buttons were disabled while it ran.
 */
export function useExportDialog(open: boolean) {
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const [phase, setPhase] = useState<ExportPhase>({ step: 'idle' });
  const working = phase.step === 'choosing' || phase.step === 'running';

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      setPhase({ step: 'idle' });
      d.showModal();
    } else if (!open && d.open) d.close();
  }, [open]);

  useEffect(() => {
    if (phase.step === 'done' || phase.step === 'failed') closeButton.current?.focus();
  }, [phase.step]);

  return { dialog, closeButton, phase, setPhase, working };
}

interface ExportDialogFrameProps {
  dialog: RefObject<HTMLDialogElement | null>;
  className: string;
  /** The id of the dialog's `<h2>`, and its text. */
  titleId: string;
  title: string;
  /** Above the form: what the export contains. */
  intro?: ReactNode;
  working: boolean;
  onClose: () => void;
  /** « Exporter… »: ignored while an export runs. */
  onSubmit: () => void;
  children: ReactNode;
}

/** The modal and its form. Escape does not abandon an export under way: the result must be seen. */
export function ExportDialogFrame({ dialog, className, titleId, title, intro, working, onClose, onSubmit, children }: ExportDialogFrameProps) {
  return (
    <dialog
      ref={dialog}
      className={className}
      aria-labelledby={titleId}
      aria-busy={working}
      onCancel={(e) => {
        if (working) e.preventDefault();
      }}
      onClose={onClose}
    >
      <h2 id={titleId}>{title}</h2>
      {intro}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!working) onSubmit();
        }}
      >
        {children}
      </form>
    </dialog>
  );
}

interface FormatChoiceProps {
  /** The radio group's name (unique in the page). */
  name: string;
  value: ExportFormat;
  onChange: (format: ExportFormat) => void;
  disabled: boolean;
  /** Says which software opens each format. */
  hints?: boolean;
}

/** « Format »: Word (.docx) or OpenDocument (.odt). */
export function FormatChoice({ name, value, onChange, disabled, hints = false }: FormatChoiceProps) {
  return (
    <fieldset className="export-formats" disabled={disabled}>
      <legend>Format</legend>
      {FORMATS.map((f) => (
        <label key={f.value} className="choice">
          <input type="radio" name={name} value={f.value} checked={value === f.value} onChange={() => onChange(f.value)} />
          <span>
            {f.label}
            {hints && <span className="hint"> — {f.hint}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

interface ExportResultProps {
  phase: ExportPhase;
  working: boolean;
  closeButton: RefObject<HTMLButtonElement | null>;
  onClose: () => void;
}

/** The progress (announced), the error if the export failed, and « Annuler » / « Fermer » beside « Exporter… ». */
export function ExportResult({ phase, working, closeButton, onClose }: ExportResultProps) {
  return (
    <>
      <p className="dialog-message" role="status" aria-live="polite">
        {phase.step === 'running' ? 'Export en cours…' : phase.step === 'done' ? `Exporté : ${phase.fileName}` : ''}
      </p>
      {phase.step === 'failed' && <Alert message={phase.error} />}
      <div className="dialog-actions">
        <button ref={closeButton} type="button" className="button" disabled={working} onClick={onClose}>
          {phase.step === 'done' ? 'Fermer' : 'Annuler'}
        </button>
        <button type="submit" className="button primary" disabled={working}>
          Exporter…
        </button>
      </div>
    </>
  );
}
