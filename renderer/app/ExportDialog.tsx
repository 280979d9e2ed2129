import { useEffect, useMemo, useRef, useState } from 'react';
import type { ExportFormat } from '../../src/api/contract';
import { usePilier } from '../store';
import '../styles/export.css';

type Phase = { step: 'idle' } | { step: 'choosing' } | { step: 'running'; fileName: string } | { step: 'done'; fileName: string } | { step: 'failed'; error: string };

const FORMATS: { value: ExportFormat; label: string; hint: string }[] = [
  { value: 'docx', label: 'Word (.docx)', hint: 'Microsoft Word ; LibreOffice l’ouvre aussi.' },
  { value: 'odt', label: 'OpenDocument (.odt)', hint: 'LibreOffice Writer, le format des administrations.' },
];

const fileNameOf = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/**
 * « Exporter… »: the format (DOCX or ODT), the « Grille de complétude » annex, the `obligatoire` requirements the
 * latest check still finds missing (the export stays possible: the file is a skeleton to complete), then the save
 * dialog, the export's progress and its result, announced to screen readers.
 */
export function ExportDialog() {
  const open = usePilier((s) => s.exportOpen);
  const setExportOpen = usePilier((s) => s.setExportOpen);
  const report = usePilier((s) => s.report);
  const chooseExportPath = usePilier((s) => s.chooseExportPath);
  const exportContract = usePilier((s) => s.exportContract);
  const announce = usePilier((s) => s.announce);
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [grille, setGrille] = useState(true);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });

  const missing = useMemo(() => (report?.requirements ?? []).filter((r) => r.level === 'obligatoire' && r.status === 'missing'), [report]);
  const working = phase.step === 'choosing' || phase.step === 'running';

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      setPhase({ step: 'idle' });
    } else if (!open && d.open) d.close();
  }, [open]);

  // The buttons were disabled while the export ran: give the focus back where the next step is.
  useEffect(() => {
    if (phase.step === 'done' || phase.step === 'failed') closeButton.current?.focus();
  }, [phase.step]);

  const run = async (): Promise<void> => {
    setPhase({ step: 'choosing' });
    const chosen = await chooseExportPath(format);
    if (!chosen.ok) return setPhase({ step: 'failed', error: chosen.error });
    if (!chosen.value) return setPhase({ step: 'idle' });
    const fileName = fileNameOf(chosen.value.path);
    setPhase({ step: 'running', fileName });
    const done = await exportContract(chosen.value.path, format, grille);
    if (!done.ok) return setPhase({ step: 'failed', error: done.error });
    setPhase({ step: 'done', fileName });
    announce(`Contrat exporté : ${fileName}.`);
  };

  return (
    <dialog
      ref={dialog}
      className="dialog export-dialog"
      aria-labelledby="export-title"
      aria-busy={working}
      onCancel={(e) => {
        // Escape does not abandon an export under way: the result must be seen.
        if (working) e.preventDefault();
      }}
      onClose={() => setExportOpen(false)}
    >
      <h2 id="export-title">Exporter le contrat</h2>
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
              <input type="radio" name="export-format" value={f.value} checked={format === f.value} onChange={() => setFormat(f.value)} />
              <span>
                {f.label}
                <span className="hint"> — {f.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <label className="choice">
          <input type="checkbox" checked={grille} disabled={working} onChange={(e) => setGrille(e.target.checked)} />
          <span>
            Joindre la grille de complétude
            <span className="hint"> — en annexe : chaque exigence, son statut et où le contrat la traite.</span>
          </span>
        </label>
        {missing.length > 0 && (
          <div className="export-warning" role="note" aria-labelledby="export-missing-title">
            <p id="export-missing-title">
              <strong>
                {missing.length === 1 ? '1 exigence obligatoire manque encore' : `${missing.length} exigences obligatoires manquent encore`}
              </strong>
            </p>
            {/* Focusable: a long list scrolls, and keyboard users scroll it too. */}
            <ul className="export-missing" tabIndex={0} aria-labelledby="export-missing-title">
              {missing.map((r) => (
                <li key={r.id}>{r.title}</li>
              ))}
            </ul>
            <p>L’export reste possible : le document sera un squelette à compléter.</p>
          </div>
        )}
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
          <button ref={closeButton} type="button" className="button" disabled={working} onClick={() => setExportOpen(false)}>
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
