/**
 * The guided tour of the editor screen (issue 6): its steps, each anchored to an element of the screen, and the
 * first-run rule. The tour starts by itself once, on the first contract opened in the desktop app; it is replayed
 * from Aide › « Visite guidée » or the « ? » button. In the test host (no application menu) it starts by itself
 * only when the address asks for it (`?visite`), so that the other end-to-end specs find the editor free.
 */

export interface TourStep {
  /** CSS selector of the element the popover points at. */
  anchor: string;
  title: string;
  text: string;
}

export const TOUR_STEPS: readonly TourStep[] = [
  {
    anchor: '.outline',
    title: 'Le plan du contrat',
    text: 'Chaque section et sous-section du contrat, avec son état : couverte, partielle ou manquante. Un clic vous y emmène.',
  },
  {
    anchor: '#document',
    title: 'Le texte, section par section',
    text: 'Rédigez ici. Chaque frappe est enregistrée dans le fichier .pilier, et des versions sont gardées pour revenir en arrière.',
  },
  {
    anchor: '.guidance',
    title: 'Les conseils de rédaction',
    text: 'Ce que l’annexe 1 et la loi attendent dans la section où se trouve le curseur. Ces conseils ne sont jamais exportés.',
  },
  {
    anchor: '#checklist',
    title: 'La liste des exigences',
    text: 'Pilier vérifie le contrat en direct : chaque volet, signataire et annexe attendus, avec les passages qui y répondent.',
  },
  {
    anchor: '[data-tour="export"]',
    title: 'L’export',
    text: 'Quand le contrat est prêt, exportez-le en DOCX ou en ODT, avec la grille de vérification si vous le souhaitez.',
  },
  {
    anchor: '[data-tour="help"]',
    title: 'Revoir la visite',
    text: 'Ce bouton, ou le menu Aide › Visite guidée, relance cette visite à tout moment.',
  },
];

export const TOUR_SEEN_KEY = 'pilier.visite-vue';

/** Where the flag lives: `localStorage`, or nothing when the page may not use it. */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function markTourSeen(store: Storage | null = storage()): void {
  try {
    store?.setItem(TOUR_SEEN_KEY, '1');
  } catch {
    // A full or forbidden storage only means the tour may show again: not worth an alert.
  }
}

/**
 * Should the tour start by itself? Only when it was never seen, and in the desktop app (which has a menu) or when
 * the address asks for it with `?visite`.
 */
export function shouldStartTour(seen: string | null, desktop: boolean, search: string): boolean {
  if (seen !== null) return false;
  return desktop || new URLSearchParams(search).has('visite');
}

/** The same, read from the page. */
export function tourDue(): boolean {
  const store = storage();
  let seen: string | null;
  try {
    seen = store ? store.getItem(TOUR_SEEN_KEY) : '1';
  } catch {
    seen = '1';
  }
  return shouldStartTour(seen, typeof window.pilier?.onMenu === 'function', window.location.search);
}
