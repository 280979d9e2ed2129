import { getEditor, subscribeEditors } from './registry';

/**
 * Progressive mounting of the section editors. A 300-page contract has some eighty sections: mounting all their
 * Lexical editors at once blocks the window for about a second. When a project is opened, the sections of the
 * first screenful get their editor at once; the others wait (« deferred ») and are mounted one at a time in idle
 * moments after the first check, or as soon as they come near the viewport. A feature that needs an editor
 * (evidence highlighting, find, navigation, « Insérer la section ») asks for it with `mountEditors` first.
 * Sections added later (inserted from the template) are never deferred.
 */

/** The first screenful: sections are mounted at once until their serialised content reaches this many characters. */
const FIRST_SCREEN_CHARS = 40_000;
/** Never fewer than this many sections mounted at once. */
const FIRST_SCREEN_SECTIONS = 2;
/** Longest wait for an idle moment before mounting the next section anyway. */
const IDLE_TIMEOUT_MS = 200;

const deferred = new Set<string>();
const listeners = new Set<() => void>();
/** Bumped when a new project (or version) is loaded: the background mounting of the previous one stops. */
let epoch = 0;
let currentGeneration = -1;

const notify = (): void => listeners.forEach((listener) => listener());

/** Is the section's editor waiting to be mounted? */
export function isDeferred(sectionId: string): boolean {
  return deferred.has(sectionId);
}

/** Calls `listener` when a deferred section is released (for `useSyncExternalStore`). */
export function subscribeDeferred(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Decides, for a newly loaded generation of sections, which editors wait. Idempotent for the same generation
 * (called while rendering, before the sections render).
 */
export function planMounting(generation: number, sections: readonly { id: string; content: string }[]): void {
  if (generation === currentGeneration) return;
  currentGeneration = generation;
  epoch++;
  deferred.clear();
  let chars = 0;
  sections.forEach((s, i) => {
    if (i >= FIRST_SCREEN_SECTIONS && chars >= FIRST_SCREEN_CHARS) deferred.add(s.id);
    chars += s.content.length;
  });
}

/** Releases deferred sections: their editors mount at the next render. */
export function releaseSections(ids: Iterable<string>): void {
  let changed = false;
  for (const id of ids) changed = deferred.delete(id) || changed;
  if (changed) notify();
}

/** Resolves once every one of these sections has a mounted editor (released first if it was deferred). */
export function mountEditors(ids: readonly string[]): Promise<void> {
  releaseSections(ids);
  const ready = (): boolean => ids.every((id) => getEditor(id) !== undefined || !document.querySelector(`[data-section-id="${CSS.escape(id)}"]`));
  if (ready()) return Promise.resolve();
  return new Promise((resolve) => {
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      stop();
      clearTimeout(timer);
      resolve();
    };
    const stop = subscribeEditors(() => {
      if (ready()) finish();
    });
    // Never hang a feature: a section that fails to mount (its boundary shows why) is given up after a while.
    const timer = setTimeout(finish, 2_000);
  });
}

/** Every section still deferred, in document order of their release. */
export function deferredSections(): string[] {
  return [...deferred];
}

const idle = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(resolve, 16);
  });

/**
 * Mounts the deferred sections one by one, each in an idle moment after the previous one is mounted, once
 * `after` (the first check) has settled. Stops when another project is loaded.
 */
export async function mountInBackground(after: Promise<unknown>, order: readonly string[]): Promise<void> {
  const mine = epoch;
  await after.catch(() => undefined);
  for (const id of order) {
    if (epoch !== mine) return;
    if (!deferred.has(id)) continue;
    await idle();
    if (epoch !== mine) return;
    await mountEditors([id]);
  }
}
