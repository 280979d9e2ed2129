import { useEffect, useMemo, useState } from 'react';
import { scrollToRange, showHighlight } from '../../checklist/evidence';
import { usePilier } from '../../store';
import { deferredSections, mountEditors } from '../mounting';
import { getEditor } from '../registry';
import { findAll, type FindMatch } from './search';

export const FIND_HIGHLIGHT = 'pilier-find';
export const FIND_CURRENT_HIGHLIGHT = 'pilier-find-current';

/** Ctrl+F across every section: all matches marked, the current one marked apart and scrolled to. */
export function FindBar() {
  const sections = usePilier((s) => s.sections);
  const reportAt = usePilier((s) => s.reportAt);
  const setFindOpen = usePilier((s) => s.setFindOpen);
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<FindMatch[]>([]);
  const [current, setCurrent] = useState(0);
  const ids = useMemo(() => sections.map((s) => s.id), [sections]);
  /** Bumped once the editors still waiting to be mounted are: the search covers every section. */
  const [mounted, setMounted] = useState(0);
  useEffect(() => {
    let stale = false;
    const waiting = deferredSections();
    if (waiting.length > 0) void mountEditors(waiting).then(() => stale || setMounted((n) => n + 1));
    return () => {
      stale = true;
    };
  }, [ids]);

  // Search again when the query changes, and after edits (the report follows every edit).
  useEffect(() => {
    const timer = setTimeout(() => setMatches(findAll(query, ids)), 80);
    return () => clearTimeout(timer);
  }, [query, ids, reportAt, mounted]);

  useEffect(() => {
    showHighlight(FIND_HIGHLIGHT, matches.map((m) => m.range));
    const focused = matches[Math.min(current, matches.length - 1)];
    showHighlight(FIND_CURRENT_HIGHLIGHT, focused ? [focused.range] : []);
  }, [matches, current]);

  useEffect(
    () => () => {
      showHighlight(FIND_HIGHLIGHT, []);
      showHighlight(FIND_CURRENT_HIGHLIGHT, []);
    },
    [],
  );

  const go = (step: number): void => {
    if (matches.length === 0) return;
    const next = (current + step + matches.length) % matches.length;
    setCurrent(next);
    scrollToRange(matches[next]!.range);
  };

  const close = (): void => {
    setFindOpen(false);
    const active = usePilier.getState().activeSectionId;
    if (active) getEditor(active)?.focus();
  };

  const status = query.trim() === '' ? '' : matches.length === 0 ? 'Aucun résultat' : `${Math.min(current, matches.length - 1) + 1} sur ${matches.length}`;
  return (
    <div role="search" className="find-bar" aria-label="Rechercher dans le contrat">
      <label htmlFor="find-input">Rechercher</label>
      <input
        id="find-input"
        type="search"
        value={query}
        autoComplete="off"
        aria-describedby="find-status"
        onChange={(e) => {
          setQuery(e.target.value);
          setCurrent(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            go(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        }}
      />
      <span id="find-status" className="find-status" aria-live="polite">
        {status}
      </span>
      <button type="button" className="button small" disabled={matches.length === 0} onClick={() => go(-1)}>
        Précédent
      </button>
      <button type="button" className="button small" disabled={matches.length === 0} onClick={() => go(1)}>
        Suivant
      </button>
      <button type="button" className="button small subtle" onClick={close}>
        Fermer<span className="visually-hidden"> la recherche</span>
      </button>
    </div>
  );
}
