import { useEffect, useRef, useState } from 'react';
import { usePilier } from '../store';
import { Field } from '../ui/Field';

/**
 * « Qui relit ? »: the reviewer's name and position, asked once before the first verdict (and open to change from
 * the top bar). Recorded with every verdict and comment, and printed in the report's signature block.
 */
export function ReviewerDialog() {
  const open = usePilier((s) => s.reviewerDialogOpen);
  const current = usePilier((s) => s.review?.reviewer ?? null);
  const setOpen = usePilier((s) => s.setReviewerDialogOpen);
  const saveReviewer = usePilier((s) => s.saveReviewer);
  const dialog = useRef<HTMLDialogElement>(null);
  const [nom, setNom] = useState('');
  const [qualite, setQualite] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [working, setWorking] = useState(false);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      setNom(current?.nom ?? '');
      setQualite(current?.qualite ?? '');
      setError(undefined);
      d.showModal();
    } else if (!open && d.open) d.close();
  }, [open, current]);

  const submit = async (): Promise<void> => {
    if (!nom.trim()) return setError('Indiquez votre nom : il accompagne chaque avis.');
    setWorking(true);
    await saveReviewer({ nom: nom.trim(), qualite: qualite.trim() });
    setWorking(false);
  };

  return (
    <dialog ref={dialog} className="dialog reviewer-dialog" aria-labelledby="reviewer-title" aria-describedby="reviewer-intro" onClose={() => setOpen(false)}>
      <h2 id="reviewer-title">Qui relit ce contrat ?</h2>
      <p id="reviewer-intro">Votre nom et votre qualité accompagnent chaque avis et chaque commentaire, et signent le rapport d’analyse.</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!working) void submit();
        }}
      >
        <Field id="reviewer-nom" label="Nom et prénom *" error={error}>
          {(control) => <input {...control} type="text" autoComplete="name" maxLength={200} value={nom} onChange={(e) => setNom(e.target.value)} />}
        </Field>
        <Field id="reviewer-qualite" label="Qualité" hint="Par exemple : sous-préfète chargée de la politique de la ville, délégué du préfet, agent de la DDETS.">
          {(control) => <input {...control} type="text" autoComplete="organization-title" maxLength={300} value={qualite} onChange={(e) => setQualite(e.target.value)} />}
        </Field>
        <div className="dialog-actions">
          <button type="button" className="button" disabled={working} onClick={() => setOpen(false)}>
            Annuler
          </button>
          <button type="submit" className="button primary" disabled={working}>
            Enregistrer
          </button>
        </div>
      </form>
    </dialog>
  );
}
