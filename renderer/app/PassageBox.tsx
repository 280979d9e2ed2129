import { sources } from './sources';
import { usePilier } from '../store';

/** « Ce passage sert… »: the requirements whose evidence is in the block under the caret. */
export function PassageBox() {
  const passage = usePilier((s) => s.passage);
  const selectRequirement = usePilier((s) => s.selectRequirement);
  const { pack } = sources();
  if (!passage) return null;
  const requirements = passage.requirementIds.map((id) => pack.requirements.find((r) => r.id === id)).filter((r) => r !== undefined);
  return (
    <div className="passage-box" aria-live="polite">
      {requirements.length === 0 ? (
        <p>Le passage où se trouve le curseur ne sert aucune exigence repérée.</p>
      ) : (
        <>
          <p>Le passage où se trouve le curseur sert :</p>
          <ul>
            {requirements.map((r) => (
              <li key={r.id}>
                <button type="button" className="link-button" onClick={() => selectRequirement(r.id)}>
                  {r.title} <span className="muted">({r.id})</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
