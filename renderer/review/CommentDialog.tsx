import { useEffect, useRef, useState } from 'react';
import { usePilier } from '../store';
import { Field } from '../ui/Field';
import { clearPassage } from './passage';

const QUOTE_MAX = 300;

/** « Commenter le passage »: the selected passage quoted, the comment, and the requirement it concerns (optional). */
export function CommentDialog() {
  const draft = usePilier((s) => s.commentDraft);
  const report = usePilier((s) => s.report);
  const beginComment = usePilier((s) => s.beginComment);
  const addComment = usePilier((s) => s.addComment);
  const announce = usePilier((s) => s.announce);
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [requirementId, setRequirementId] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [working, setWorking] = useState(false);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (draft && !d.open) {
      setText('');
      setRequirementId(draft.requirementId ?? '');
      setError(undefined);
      d.showModal();
    } else if (!draft && d.open) d.close();
  }, [draft]);

  const submit = async (): Promise<void> => {
    if (!text.trim()) return setError('Écrivez le commentaire avant de l’ajouter.');
    setWorking(true);
    const added = await addComment(text.trim(), requirementId || null);
    setWorking(false);
    if (added) {
      clearPassage();
      announce('Commentaire ajouté.');
    }
  };

  const quote = draft?.anchor?.quote ?? '';
  return (
    <dialog ref={dialog} className="dialog comment-dialog" aria-labelledby="comment-title" onClose={() => beginComment(null)}>
      <h2 id="comment-title">{draft?.anchor ? 'Commenter le passage' : 'Ajouter un commentaire'}</h2>
      {quote && <blockquote className="comment-quote">« {quote.length > QUOTE_MAX ? `${quote.slice(0, QUOTE_MAX - 1)}…` : quote} »</blockquote>}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!working) void submit();
        }}
      >
        <Field id="comment-text" label="Commentaire *" error={error}>
          {(control) => <textarea {...control} rows={4} maxLength={10_000} autoFocus value={text} onChange={(e) => setText(e.target.value)} />}
        </Field>
        <Field id="comment-requirement" label="Exigence concernée" hint="Facultatif : le commentaire apparaîtra aussi avec cette exigence dans le rapport.">
          {(control) => (
            <select {...control} value={requirementId} onChange={(e) => setRequirementId(e.target.value)}>
              <option value="">— aucune —</option>
              {report?.requirements.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.id} — {r.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="dialog-actions">
          <button type="button" className="button" disabled={working} onClick={() => beginComment(null)}>
            Annuler
          </button>
          <button type="submit" className="button primary" disabled={working}>
            Ajouter le commentaire
          </button>
        </div>
      </form>
    </dialog>
  );
}
