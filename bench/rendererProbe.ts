/**
 * The measuring instruments the renderer bench installs in the page (as strings evaluated through the
 * debugger protocol: the page's CSP forbids eval, and the bench's TypeScript has no DOM types).
 *
 * `window.__bench` records, on the page's own clock (performance.now(), the clock of event.timeStamp):
 * - `openClick`: the click on « Ouvrir… » (the event's timestamp, i.e. when the browser received the input);
 * - `editorShown`: the first animation frame with a section editor in the DOM;
 * - `firstReport`: when the checklist's `data-checked-at` first changed to a report (MutationObserver);
 * - `longTasks`: the main thread's tasks of 50 ms or more (Long Tasks API);
 * - `samples`: one per keystroke typed into the observed element: `start` = timestamp of its keydown (or of its
 *   beforeinput, for characters typed without a key event); `dom` = the MutationObserver callback that sees the
 *   element's text change; `raf` = the next animation frame's callback; `frame` = the first task after that
 *   frame (its style, layout and paint are done by then); `check` = the next change of the checklist's
 *   `data-checked-at`;
 * - `events`: the key events the Event Timing API reported (those of 16 ms or more, input to next paint).
 */

export const INSTALL_PROBE = `(() => {
  if (window.__bench) return;
  const b = (window.__bench = { openClick: null, editorShown: null, firstReport: null, checks: 0, target: null, samples: [], current: null, longTasks: [], events: [] });
  // The browser's own input-to-next-paint measure (Event Timing API; it reports only events of 16 ms or more).
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (['keydown', 'keypress', 'beforeinput', 'input'].includes(e.name)) {
        b.events.push({ name: e.name, startTime: e.startTime, processingStart: e.processingStart, processingEnd: e.processingEnd, duration: e.duration });
      }
    }
  }).observe({ type: 'event', durationThreshold: 16 });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
  document.addEventListener('click', (e) => {
    const button = e.target instanceof Element ? e.target.closest('button') : null;
    if (button && button.textContent.trim() === 'Ouvrir…' && b.openClick === null) b.openClick = e.timeStamp;
  }, true);
  const start = (e) => {
    if (!b.target || b.current) return;
    b.current = { start: e.timeStamp, via: e.type, dom: null, raf: null, frame: null, check: null };
    b.samples.push(b.current);
  };
  window.addEventListener('keydown', (e) => { if (e.key.length === 1) start(e); }, true);
  window.addEventListener('beforeinput', start, true);
  let listSeen = false;
  const watch = () => {
    if (b.editorShown === null && document.querySelector('.section-editor')) b.editorShown = performance.now();
    const list = document.getElementById('checklist');
    if (list && !listSeen) {
      listSeen = true;
      const at = Number(list.getAttribute('data-checked-at'));
      // Already there when first seen: its own value is when the report was set (performance clock).
      if (at > 0) b.firstReport = at;
      new MutationObserver(() => {
        const now = performance.now();
        b.checks++;
        if (b.firstReport === null && Number(list.getAttribute('data-checked-at')) > 0) b.firstReport = now;
        for (const s of b.samples) if (s.dom !== null && s.check === null) s.check = now;
      }).observe(list, { attributes: true, attributeFilter: ['data-checked-at'] });
    }
    if (b.editorShown === null || !listSeen) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
  const channel = new MessageChannel();
  let waitingFrame = [];
  channel.port1.onmessage = () => {
    const now = performance.now();
    for (const s of waitingFrame) s.frame = now;
    waitingFrame = [];
  };
  let observer = null;
  b.observe = (el) => {
    observer?.disconnect();
    b.target = el;
    b.current = null;
    let before = el.textContent;
    observer = new MutationObserver(() => {
      const s = b.current;
      if (!s || el.textContent === before) return;
      before = el.textContent;
      s.dom = performance.now();
      b.current = null;
      waitingFrame.push(s);
      requestAnimationFrame(() => {
        const now = performance.now();
        for (const w of waitingFrame) w.raf ??= now;
        channel.port2.postMessage(0);
      });
    });
    observer.observe(el, { characterData: true, childList: true, subtree: true });
  };
})()`;

export interface KeySample {
  start: number;
  via: string;
  dom: number | null;
  /** The next animation frame's callback (rendering of that frame starts after it). */
  raf: number | null;
  frame: number | null;
  check: number | null;
}

/** An entry of the Event Timing API (the browser reports only events whose duration is 16 ms or more). */
export interface EventEntry {
  name: string;
  startTime: number;
  processingStart: number;
  processingEnd: number;
  /** From `startTime` to the next paint after the handlers, in steps of 8 ms. */
  duration: number;
}

export interface ProbeState {
  openClick: number | null;
  editorShown: number | null;
  firstReport: number | null;
  checks: number;
  samples: KeySample[];
  longTasks: { start: number; duration: number }[];
  events: EventEntry[];
}

export const READ_PROBE = `(() => { const b = window.__bench; return { openClick: b.openClick, editorShown: b.editorShown, firstReport: b.firstReport, checks: b.checks, samples: b.samples, longTasks: b.longTasks, events: b.events }; })()`;

/** Watches the `index`-th element matching `selector` for typed text; returns the middle of its first line. */
export const observeElement = (selector: string, index: number): string =>
  `(() => {
    const el = document.querySelectorAll(${JSON.stringify(selector)})[${index}];
    if (!el) throw new Error(${JSON.stringify(`élément introuvable : ${selector} n° ${index}`)});
    window.__bench.observe(el);
    const box = el.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + 8 };
  })()`;

/** Resolves when `expression` (evaluated in the page each few ms) is true; rejects after `timeoutMs`. */
export const waitInPage = (expression: string, timeoutMs: number, what: string): string =>
  `new Promise((resolve, reject) => {
    const until = performance.now() + ${timeoutMs};
    const test = () => (${expression}) ? resolve(true) : performance.now() > until ? reject(new Error(${JSON.stringify(what)})) : setTimeout(test, 2);
    test();
  })`;

/** Puts the caret at the end of the element's text (the editor takes it in on `selectionchange`). */
export const caretAtEnd = (selector: string, index: number): string =>
  `new Promise((resolve) => {
    const el = document.querySelectorAll(${JSON.stringify(selector)})[${index}];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let last = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) last = n;
    if (last) getSelection().collapse(last, last.data.length);
    requestAnimationFrame(() => setTimeout(resolve, 30));
  })`;
