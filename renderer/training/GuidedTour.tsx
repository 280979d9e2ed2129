import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { usePilier } from '../store';
import { TOUR_STEPS, tourDue } from './tour';
import '../styles/training.css';

const GAP = 12;
const WIDTH = 360;

interface Placement {
  top: number;
  left: number;
  ring: { top: number; left: number; width: number; height: number } | null;
}

/** Beside the anchor (right, else left, else below), kept inside the window. */
function place(anchor: Element | null, height: number): Placement {
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  if (!anchor) return { top: Math.max(GAP, (vh - height) / 2), left: Math.max(GAP, (vw - WIDTH) / 2), ring: null };
  const box = anchor.getBoundingClientRect();
  const ring = { top: box.top - 4, left: box.left - 4, width: box.width + 8, height: box.height + 8 };
  let left = box.right + GAP;
  if (left + WIDTH > vw - GAP) left = box.left - WIDTH - GAP;
  if (left < GAP) left = Math.min(Math.max(GAP, box.left), vw - WIDTH - GAP);
  const beside = left >= box.right || left + WIDTH <= box.left;
  let top = beside ? box.top + Math.min(40, box.height / 4) : box.bottom + GAP;
  top = Math.min(Math.max(GAP, top), vh - height - GAP);
  return { top, left, ring };
}

/** Tab and Maj+Tab cycle inside the popover (a modal dialog alone lets the focus leave for the browser's own bar). */
function trapFocus(event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.key !== 'Tab') return;
  const controls = [...event.currentTarget.querySelectorAll<HTMLElement>('button:not(:disabled)')];
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * The guided tour of the editor screen: a modal popover beside each element in turn (the browser's modal dialog
 * keeps the focus inside it and closes it on Échap), with « Précédent », « Suivant » and « Passer la visite ».
 */
export function GuidedTour() {
  const step = usePilier((s) => s.tourStep);
  const setStep = usePilier((s) => s.setTourStep);
  const dialog = useRef<HTMLDialogElement>(null);
  const [placement, setPlacement] = useState<Placement | null>(null);
  const current = step === null ? undefined : TOUR_STEPS[step];

  // First run: the tour starts by itself once a contract is open (see tour.ts for when).
  useEffect(() => {
    if (tourDue() && usePilier.getState().tourStep === null) usePilier.getState().startTour();
  }, []);

  useLayoutEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (!current) {
      if (d.open) d.close();
      setPlacement(null);
      return;
    }
    if (!d.open) d.showModal();
    const anchor = document.querySelector(current.anchor);
    anchor?.scrollIntoView({ block: 'nearest' });
    const update = (): void => setPlacement(place(anchor, d.offsetHeight));
    update();
    d.querySelector<HTMLElement>('[data-tour-next]')?.focus();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [current]);

  const last = step === TOUR_STEPS.length - 1;
  return (
    <>
      {placement?.ring && <div className="tour-ring" aria-hidden="true" style={placement.ring} />}
      <dialog
        ref={dialog}
        className="tour-popover"
        aria-labelledby="tour-title"
        aria-describedby="tour-text"
        style={placement ? { top: placement.top, left: placement.left, width: WIDTH } : { width: WIDTH }}
        onClose={() => {
          if (usePilier.getState().tourStep !== null) setStep(null);
        }}
        onKeyDown={trapFocus}
      >
        {current && step !== null && (
          <>
            <p className="tour-progress">
              Visite guidée · étape {step + 1} sur {TOUR_STEPS.length}
            </p>
            <h2 id="tour-title">{current.title}</h2>
            <p id="tour-text">{current.text}</p>
            <div className="tour-actions">
              <button type="button" className="button subtle small" onClick={() => setStep(null)}>
                Passer la visite
              </button>
              <span className="tour-nav">
                <button type="button" className="button small" disabled={step === 0} onClick={() => setStep(step - 1)}>
                  Précédent
                </button>
                <button type="button" className="button primary small" data-tour-next onClick={() => setStep(last ? null : step + 1)}>
                  {last ? 'Terminer' : 'Suivant'}
                </button>
              </span>
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
