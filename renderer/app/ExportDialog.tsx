import { useMemo, useState } from 'react';
import type { ExportFormat } from '../../src/api/contract';
import { usePilier } from '../store';
import { ExportDialogFrame, ExportResult, FormatChoice, useExportDialog } from '../ui/ExportParts';
import '../styles/export.css';

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
  const { dialog, closeButton, phase, setPhase, working } = useExportDialog(open);
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [grille, setGrille] = useState(true);

  const missing = useMemo(() => (report?.requirements ?? []).filter((r) => r.level === 'obligatoire' && r.status === 'missing'), [report]);

  const run = async (): Promise<void> => {
    setPhase({ step: 'choosing' });
    const chosen = await chooseExportPath(format);
    if (!chosen.ok) return setPhase({ step: 'failed', error: chosen.error });
    if (!chosen.value) return setPhase({ step: 'idle' });
    const fileName = fileNameOf(chosen.value.path);
    setPhase({ step: 'running' });
    const done = await exportContract(chosen.value.path, format, grille);
    if (!done.ok) return setPhase({ step: 'failed', error: done.error });
    setPhase({ step: 'done', fileName });
    announce(`Contrat exporté : ${fileName}.`);
  };

  return (
    <ExportDialogFrame
      dialog={dialog}
      className="dialog export-dialog"
      titleId="export-title"
      title="Exporter le contrat"
      working={working}
      onClose={() => setExportOpen(false)}
      onSubmit={() => void run()}
    >
      <FormatChoice name="export-format" value={format} onChange={setFormat} disabled={working} hints />
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
      <ExportResult phase={phase} working={working} closeButton={closeButton} onClose={() => setExportOpen(false)} />
    </ExportDialogFrame>
  );
}
