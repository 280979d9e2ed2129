import { useState } from 'react';
import type { ExportFormat } from '../../src/api/contract';
import { usePilier } from '../store';
import { ExportDialogFrame, ExportResult, FormatChoice, useExportDialog } from '../ui/ExportParts';
import { fileNameOf } from './labels';

/**
 * « Exporter le rapport… »: the « Rapport d’analyse » (grille, summary, overall opinion, signature block) as DOCX
 * or ODT, after the last comments are saved; the result is announced, and the focus comes back to « Fermer ».
 */
export function ReportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const exportReviewReport = usePilier((s) => s.exportReviewReport);
  const announce = usePilier((s) => s.announce);
  const { dialog, closeButton, phase, setPhase, working } = useExportDialog(open);
  const [format, setFormat] = useState<ExportFormat>('docx');

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
    <ExportDialogFrame
      dialog={dialog}
      className="dialog export-dialog report-dialog"
      titleId="report-title"
      title="Exporter le rapport d’analyse"
      intro={<p>La grille (exigence, texte de l’annexe, statut automatique, avis, commentaire, passage), la synthèse, votre avis général et le bloc de signature.</p>}
      working={working}
      onClose={onClose}
      onSubmit={() => void run()}
    >
      <FormatChoice name="report-format" value={format} onChange={setFormat} disabled={working} />
      <ExportResult phase={phase} working={working} closeButton={closeButton} onClose={onClose} />
    </ExportDialogFrame>
  );
}
