import { useMemo, useState } from 'react';
import { searchGlossary } from '../../src/referential';
import { glossary } from '../app/sources';
import { Alert } from '../ui/Alert';

/** The acronyms of politique de la ville: searchable, each with its expansion, definition and former or later name. */
export function GlossaryView() {
  const entriesLoaded = glossary();
  const [query, setQuery] = useState('');
  const entries = useMemo(() => (entriesLoaded.ok ? searchGlossary(entriesLoaded.value, query) : []), [entriesLoaded, query]);
  if (!entriesLoaded.ok) return <Alert message={entriesLoaded.error} />;
  const count = entries.length;
  return (
    <section className="glossary" aria-labelledby="glossary-title">
      <h2 id="glossary-title">Glossaire de la politique de la ville</h2>
      <form role="search" aria-label="Rechercher dans le glossaire" className="browser-search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="glossary-search">Rechercher un sigle ou un mot</label>
        <input id="glossary-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
      </form>
      <p className="browser-count" role="status" aria-live="polite">
        {count === 0 ? 'Aucun sigle ne correspond.' : `${count} ${count > 1 ? 'sigles' : 'sigle'}.`}
      </p>
      <dl className="glossary-list">
        {entries.map((e) => (
          <div key={e.acronym} className="glossary-entry" data-acronym={e.acronym}>
            <dt>
              <abbr title={e.expansion}>{e.acronym}</abbr> <span className="glossary-expansion">{e.expansion}</span>
            </dt>
            <dd>
              <p>{e.definition}</p>
              {e.formerOrLater && <p className="muted">{e.formerOrLater}</p>}
              {e.source && <p className="muted">Source : {e.source}</p>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
