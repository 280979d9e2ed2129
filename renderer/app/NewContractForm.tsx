import { useRef, useState, type FormEvent } from 'react';
import { usePilier } from '../store';
import { Alert } from '../ui/Alert';
import { Field } from '../ui/Field';
import { useFocusOnMount } from '../ui/useFocusOnMount';
import { chooseReferentiel, templatePeriode, validateDraft, type DraftField, type DraftPeriode, type NewContractDraft } from './newContract';
import { packLabel, sources, templateFor } from './sources';
import { QpvRows } from './QpvRows';

const EMPTY_ROW = { nom: '', code: '' };

/** The default période of a référentiel (`id@version`): the one its template is written for. */
function periodeOf(referentiel: string): DraftPeriode | undefined {
  const template = templateFor(referentiel.split('@')[0]!);
  return template ? templatePeriode(template.title) : undefined;
}

/** « Nouveau contrat »: the short form that creates the skeleton, then asks where to save the file. */
export function NewContractForm() {
  const busy = usePilier((s) => s.busy);
  const hostError = usePilier((s) => s.error);
  const dismissError = usePilier((s) => s.dismissError);
  const showScreen = usePilier((s) => s.showScreen);
  const createContract = usePilier((s) => s.createContract);
  const { pack, packs } = sources();
  // Only the packs a template is made for: the skeleton comes from that template.
  const choices = packs.filter((p) => templateFor(p.id));
  const [draft, setDraft] = useState<NewContractDraft>(() => {
    const initial = choices.find((c) => c === pack) ?? choices[0] ?? pack;
    const referentiel = `${initial.id}@${initial.version}`;
    const periode = periodeOf(referentiel);
    return { territoire: '', epci: '', communes: '', qpv: [{ ...EMPTY_ROW }], debut: periode?.debut ?? '', fin: periode?.fin ?? '', referentiel };
  });
  const chosenTemplate = templateFor(draft.referentiel.split('@')[0]!);
  const [errors, setErrors] = useState<Partial<Record<DraftField, string>>>({});
  const summary = useRef<HTMLDivElement>(null);
  const title = useFocusOnMount<HTMLHeadingElement>();

  const update = (patch: Partial<NewContractDraft>) => setDraft((d) => ({ ...d, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      // The summary takes the focus so keyboard and screen-reader users hear what to fix.
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setErrors({});
    await createContract(checked.meta, checked.suggestedName);
  }

  const messages = Object.entries(errors) as [DraftField, string][];
  return (
    <div className="form-screen">
      <header className="start-header">
        <p className="app-name">Pilier</p>
      </header>
      <main className="form-main" aria-labelledby="new-title">
        <h1 id="new-title" ref={title} tabIndex={-1}>
          Nouveau contrat de ville
        </h1>
        <p className="lead">
          Ces informations préparent le squelette du contrat : chaque volet attendu par le référentiel choisi, le tableau des
          signataires et les annexes. Vous pourrez tout modifier ensuite.
        </p>
        <Alert message={hostError} onDismiss={dismissError} />
        {messages.length > 0 && (
          <div className="error-summary" role="alert" tabIndex={-1} ref={summary} aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">Le formulaire contient {messages.length > 1 ? `${messages.length} erreurs` : 'une erreur'}</h2>
            <ul>
              {messages.map(([field, message]) => (
                <li key={field}>
                  <a href={`#field-${field}`}>{message}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <form noValidate onSubmit={(e) => void submit(e)} aria-describedby="required-note">
          <p id="required-note" className="hint">
            Les champs marqués d’un astérisque (*) sont obligatoires.
          </p>
          <fieldset>
            <legend>Territoire</legend>
            <Field id="field-territoire" label="Nom du territoire *" error={errors.territoire}>
              {(p) => <input {...p} type="text" autoComplete="off" value={draft.territoire} onChange={(e) => update({ territoire: e.target.value })} />}
            </Field>
            <Field id="field-epci" label="EPCI porteur du contrat" hint="Établissement public de coopération intercommunale." error={errors.epci}>
              {(p) => <input {...p} type="text" autoComplete="off" value={draft.epci} onChange={(e) => update({ epci: e.target.value })} />}
            </Field>
            <Field id="field-communes" label="Communes concernées *" hint="Une commune par ligne." error={errors.communes}>
              {(p) => <textarea {...p} rows={3} value={draft.communes} onChange={(e) => update({ communes: e.target.value })} />}
            </Field>
          </fieldset>
          <QpvRows rows={draft.qpv} errors={errors} onChange={(qpv) => update({ qpv })} />
          <fieldset>
            <legend>Période et référentiel</legend>
            <div className="field-row">
              <Field id="field-debut" label="Début *" hint="Année (2024) ou date (2024-01-01)." error={errors.debut}>
                {(p) => <input {...p} type="text" inputMode="numeric" value={draft.debut} onChange={(e) => update({ debut: e.target.value })} />}
              </Field>
              <Field id="field-fin" label="Fin *" hint="Année (2030) ou date (2030-12-31)." error={errors.fin}>
                {(p) => <input {...p} type="text" inputMode="numeric" value={draft.fin} onChange={(e) => update({ fin: e.target.value })} />}
              </Field>
            </div>
            <Field
              id="field-referentiel"
              label="Référentiel des engagements *"
              {...(chosenTemplate ? { hint: `Modèle du squelette : ${chosenTemplate.title}.` } : {})}
              error={errors.referentiel}
            >
              {(p) => (
                <select {...p} value={draft.referentiel} onChange={(e) => setDraft((d) => chooseReferentiel(d, e.target.value, periodeOf))}>
                  {choices.map((c) => (
                    <option key={`${c.id}@${c.version}`} value={`${c.id}@${c.version}`}>
                      {packLabel(c)}, version {c.version}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={busy}>
              Créer le contrat…
            </button>
            <button type="button" className="button" onClick={() => showScreen('start')}>
              Annuler
            </button>
          </div>
        </form>
      </main>
    </div>
  );
}
