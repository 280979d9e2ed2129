import type { DraftField } from './newContract';

interface QpvRowsProps {
  rows: { nom: string; code: string }[];
  errors: Partial<Record<DraftField, string>>;
  onChange(rows: { nom: string; code: string }[]): void;
}

/** The quartiers prioritaires of the form: a name and a code per row, rows added and removed by buttons. */
export function QpvRows({ rows, errors, onChange }: QpvRowsProps) {
  const set = (i: number, patch: Partial<{ nom: string; code: string }>) => onChange(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const remove = (i: number) => onChange(rows.length > 1 ? rows.filter((_, k) => k !== i) : [{ nom: '', code: '' }]);
  return (
    <fieldset aria-describedby={errors.qpv ? 'field-qpv-error' : undefined}>
      <legend>Quartiers prioritaires de la politique de la ville (QPV) *</legend>
      <p className="hint">Le nom de chaque quartier et, si vous le connaissez, son code (QP075001).</p>
      {errors.qpv && (
        <p className="field-error" id="field-qpv-error">
          <span aria-hidden="true">✕ </span>
          {errors.qpv}
        </p>
      )}
      <span id="field-qpv" tabIndex={-1} />
      <ol className="qpv-rows">
        {rows.map((row, i) => {
          const nomError = errors[`qpv-${i}-nom`];
          const codeError = errors[`qpv-${i}-code`];
          return (
            <li key={i} className="qpv-row">
              <div className={nomError ? 'field has-error' : 'field'}>
                <label htmlFor={`field-qpv-${i}-nom`}>Nom du quartier {i + 1}</label>
                <input
                  id={`field-qpv-${i}-nom`}
                  type="text"
                  value={row.nom}
                  aria-invalid={nomError ? true : undefined}
                  aria-describedby={nomError ? `field-qpv-${i}-nom-error` : undefined}
                  onChange={(e) => set(i, { nom: e.target.value })}
                />
                {nomError && (
                  <p className="field-error" id={`field-qpv-${i}-nom-error`}>
                    {nomError}
                  </p>
                )}
              </div>
              <div className={codeError ? 'field code has-error' : 'field code'}>
                <label htmlFor={`field-qpv-${i}-code`}>Code du quartier {i + 1}</label>
                <input
                  id={`field-qpv-${i}-code`}
                  type="text"
                  value={row.code}
                  autoCapitalize="characters"
                  aria-invalid={codeError ? true : undefined}
                  aria-describedby={codeError ? `field-qpv-${i}-code-error` : undefined}
                  onChange={(e) => set(i, { code: e.target.value })}
                />
                {codeError && (
                  <p className="field-error" id={`field-qpv-${i}-code-error`}>
                    {codeError}
                  </p>
                )}
              </div>
              <button type="button" className="button subtle" onClick={() => remove(i)}>
                Retirer<span className="visually-hidden"> le quartier {i + 1}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button" onClick={() => onChange([...rows, { nom: '', code: '' }])}>
        Ajouter un quartier
      </button>
    </fieldset>
  );
}
