import { useEffect, useRef, useState } from 'react';
import type { ExportFormat } from '../../src/api/contract';
import { usePilier } from '../store';
import { fileNameOf } from './labels';

type Phase = { step: 'idle' } | { step: 'running' } | { step: 'done'; fileName: string } | { step: 'failed'; error: string };

const FORMATS: { value: ExportFormat; label: string }[] = [
  { value: 'docx', label: 'Word (.docx)' },
  { value: 'odt', label: 'OpenDocument (.odt)' },
];

/**
 * « Exporter le rapport… »: the « Rapport d’analyse » (grille, summary, overall opinion, signature block) as DOCX
 * or ODT, after the last comments are saved; the result is announced, and the focus comes back to « Fermer ».
 */
export function ReportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const exportReviewReport = usePilier((s) => s.exportReviewReport);
  const announce = usePilier((s) => s.announce);
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const working = phase.step === 'running';

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

  const run = async (): Promise<void> => {
    setPhase({ step: 'running' });
    const written = await exportReviewReport(format);
    if (!written.ok) return setPhase({ step: 'failed', error: written.error });
    if (!written.value) return setPhase({ step: 'idle' });
    const fileName = fileNameOf(written.value.path);
    setPhase({ step: 'done', fileName });
    announce(`Rapport d’analyse exporté : ${fileName}.`);
  };

  return (
    <dialog
      ref={dialog}
      className="dialog export-dialog report-dialog"
      aria-labelledby="report-title"
      aria-busy={working}
      onCancel={(e) => {
        if (working) e.preventDefault();
      }}
      onClose={onClose}
    >
      <h2 id="report-title">Exporter le rapport d’analyse</h2>
      <p>La grille (exigence, texte de l’annexe, statut automatique, avis, commentaire, passage), la synthèse, votre avis général et le bloc de signature.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!working) void run();
        }}
      >
        <fieldset className="export-formats" disabled={working}>
          <legend>Format</legend>
          {FORMATS.map((f) => (
            <label key={f.value} className="choice">
              <input type="radio" name="report-format" value={f.value} checked={format === f.value} onChange={() => setFormat(f.value)} />
              <span>{f.label}</span>
            </label>
          ))}
        </fieldset>
        <p className="dialog-message" role="status" aria-live="polite">
          {phase.step === 'running' ? 'Export en cours…' : phase.step === 'done' ? `Exporté : ${phase.fileName}` : ''}
        </p>
        {phase.step === 'failed' && (
          <div className="alert" role="alert">
            <span className="alert-icon" aria-hidden="true">
              !
            </span>
            <p>{phase.error}</p>
          </div>
        )}
        <div className="dialog-actions">
          <button ref={closeButton} type="button" className="button" disabled={working} onClick={onClose}>
            {phase.step === 'done' ? 'Fermer' : 'Annuler'}
          </button>
          <button type="submit" className="button primary" disabled={working}>
            Exporter…
          </button>
        </div>
      </form>
    </dialog>
  );
}
