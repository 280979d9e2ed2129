import { ScreenAlert } from '../app/ScreenParts';
import { loadSources, packById, packLabel } from '../app/sources';
import { usePilier } from '../store';
import type { BrowserView } from '../store/trainingSlice';
import { TopTitle } from '../ui/TopTitle';
import { CompareView } from './CompareView';
import { GlossaryView } from './GlossaryView';
import { RequirementBrowser } from './RequirementBrowser';
import '../styles/training.css';

const VIEWS: [BrowserView, string][] = [
  ['exigences', 'Exigences'],
  ['glossaire', 'Glossaire'],
  ['comparaison', 'Comparer les référentiels'],
];

/** The trainer's référentiel browser: the requirements of a pack, the glossary, and the comparison of two packs. */
export function ReferentielScreen() {
  const packId = usePilier((s) => s.browserPackId);
  const view = usePilier((s) => s.browserView);
  const setView = usePilier((s) => s.setBrowserView);
  const setPack = usePilier((s) => s.setBrowserPack);
  const close = usePilier((s) => s.closeReferentiel);
  const hasProject = usePilier((s) => s.project !== null);
  const loaded = loadSources();
  const packs = loaded.ok ? loaded.packs : [];
  const pack = packById(packId) ?? packs[0];
  if (!pack) return null;

  return (
    <div className="training-screen referentiel-screen">
      <header className="top-bar">
        <TopTitle>Référentiel — {packLabel(pack)}</TopTitle>
        <div className="top-actions">
          <label className="pack-select" htmlFor="browser-pack">
            Référentiel affiché
            <select id="browser-pack" value={pack.id} onChange={(e) => setPack(e.target.value)}>
              {packs.map((p) => (
                <option key={p.id} value={p.id}>
                  {packLabel(p)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button" onClick={close}>
            {hasProject ? 'Retour au contrat' : 'Retour à l’accueil'}
          </button>
        </div>
      </header>
      <nav className="training-tabs" aria-label="Vues du référentiel">
        {VIEWS.map(([id, label]) => (
          <button key={id} type="button" className="tab-button" aria-current={view === id ? 'page' : undefined} onClick={() => setView(id)}>
            {label}
          </button>
        ))}
      </nav>
      <ScreenAlert />
      <main className="training-main" aria-label={VIEWS.find(([id]) => id === view)?.[1]}>
        {view === 'exigences' && (
          <>
            <p className="lead">
              {pack.title}. {pack.conventions.length > 0 ? `${pack.conventions.length} conventions interministérielles, ` : ''}
              {pack.requirements.length} exigences.
            </p>
            <RequirementBrowser pack={pack} />
          </>
        )}
        {view === 'glossaire' && <GlossaryView />}
        {view === 'comparaison' && <CompareView packs={packs} />}
      </main>
    </div>
  );
}
