import { memo, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { usePilier } from '../store';
import type { SectionView } from '../store/projectSlice';
import { Boundary } from '../ui/Boundary';
import { FindBar } from './find/FindBar';
import { isDeferred, mountInBackground, planMounting, releaseSections, subscribeDeferred } from './mounting';
import { SectionEditor } from './SectionEditor';
import { Toolbar } from './Toolbar';

function DeleteSection({ section }: { section: SectionView }) {
  const [confirming, setConfirming] = useState(false);
  const deleteSection = usePilier((s) => s.deleteSection);
  const createSnapshot = usePilier((s) => s.createSnapshot);
  if (!confirming) {
    return (
      <button type="button" className="button subtle small" onClick={() => setConfirming(true)}>
        Supprimer<span className="visually-hidden"> la section « {section.title} »</span>
      </button>
    );
  }
  return (
    <div className="inline-confirm" role="group" aria-label={`Confirmer la suppression de « ${section.title} »`}>
      <span>Supprimer cette section et son texte ? Une version est créée avant, pour pouvoir revenir en arrière.</span>
      <button
        type="button"
        className="button danger small"
        onClick={async () => {
          const saved = await createSnapshot(`Avant la suppression de « ${section.title} »`);
          if (saved) await deleteSection(section.id);
        }}
      >
        Supprimer
      </button>
      <button type="button" className="button small" autoFocus onClick={() => setConfirming(false)}>
        Annuler
      </button>
    </div>
  );
}

/** How far from the visible part of the text a waiting section gets its editor. */
const NEAR_MARGIN = '1500px 0px';
const observers = new WeakMap<Element, IntersectionObserver>();

/** One observer per scrolling panel: a waiting section entering the margin is released. */
function observerFor(root: Element): IntersectionObserver {
  let observer = observers.get(root);
  if (!observer) {
    observer = new IntersectionObserver(
      (entries) => {
        const near = entries.filter((e) => e.isIntersecting).map((e) => (e.target as HTMLElement).dataset.pendingSection!);
        releaseSections(near);
      },
      { root, rootMargin: NEAR_MARGIN },
    );
    observers.set(root, observer);
  }
  return observer;
}

/** Stands for a section's editor until it is mounted (roughly its height, so that the scroll bar is about right). */
function PendingEditor({ section }: { section: SectionView }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    const root = element?.closest('.document-scroll');
    if (!element || !root) return;
    const observer = observerFor(root);
    observer.observe(element);
    return () => observer.unobserve(element);
  }, []);
  return (
    <div
      ref={ref}
      className="section-editor-frame section-pending"
      data-pending-section={section.id}
      style={{ minHeight: `${Math.max(120, Math.round(section.content.length / 12))}px` }}
    >
      <p className="muted">Chargement du texte…</p>
    </div>
  );
}

const DocumentSection = memo(function DocumentSection({ section }: { section: SectionView }) {
  const setActiveSection = usePilier((s) => s.setActiveSection);
  const waiting = useSyncExternalStore(subscribeDeferred, () => isDeferred(section.id));
  return (
    <section className="doc-section" data-section-id={section.id} aria-labelledby={`title-${section.id}`} onFocus={() => setActiveSection(section.id)}>
      <div className="doc-section-head">
        <h2 id={`title-${section.id}`} data-section-title={section.id} tabIndex={-1}>
          {section.title}
        </h2>
        <DeleteSection section={section} />
      </div>
      <Boundary
        fallback={(message) => (
          <p className="section-broken" role="alert">
            Cette section n’a pas pu être affichée ({message}). Son contenu n’a pas été modifié : restaurez une version antérieure
            depuis « Versions… ».
          </p>
        )}
      >
        {waiting ? <PendingEditor section={section} /> : <SectionEditor sectionId={section.id} title={section.title} content={section.content} />}
      </Boundary>
    </section>
  );
});

/** The contract's text: the toolbar, the find bar, then one editor per section, stacked in order. */
export function DocumentView() {
  const sections = usePilier((s) => s.sections);
  const generation = usePilier((s) => s.generation);
  const findOpen = usePilier((s) => s.findOpen);
  // Before the sections render: which editors mount now and which wait (a new generation only).
  useMemo(() => planMounting(generation, sections), [generation]);
  useEffect(() => {
    // The waiting editors mount once the first check has shown its report.
    const live = usePilier.getState().liveCheck();
    void mountInBackground(live ? live.settled() : Promise.resolve(), usePilier.getState().sections.map((s) => s.id));
  }, [generation]);
  return (
    <main className="document" id="document" tabIndex={-1} aria-label="Texte du contrat">
      <div className="document-tools">
        <Toolbar />
        {findOpen && <FindBar />}
      </div>
      <div className="document-scroll" data-testid="document-scroll">
        <div className="page">
          {sections.map((section) => (
            <DocumentSection key={`${generation}:${section.id}`} section={section} />
          ))}
        </div>
      </div>
    </main>
  );
}
