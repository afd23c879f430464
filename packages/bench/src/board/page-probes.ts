/**
 * Scripts that run inside the page. Plain strings, not functions: tsx rewrites functions
 * (name helpers) in ways that do not exist in the browser.
 */

/**
 * Installed before any page script: records when each note article reaches the screen. A
 * note counts as rendered after the first frame that follows its insertion (a rAF, then
 * a task, so the frame has been produced).
 */
export const RECORD_NOTE_PAINTS = `(() => {
  const painted = new Map();
  let pending = [];
  let scheduled = false;
  const flush = () => requestAnimationFrame(() => setTimeout(() => {
    const t = performance.now();
    for (const id of pending) if (!painted.has(id)) painted.set(id, t);
    pending = [];
    scheduled = false;
  }));
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (!(n instanceof Element)) continue;
      if (n.matches('article[data-note-id]')) pending.push(n.getAttribute('data-note-id'));
      for (const a of n.querySelectorAll('article[data-note-id]')) pending.push(a.getAttribute('data-note-id'));
    }
    if (pending.length && !scheduled) { scheduled = true; flush(); }
  }).observe(document, { childList: true, subtree: true });
  const frames = { on: false, times: [] };
  const tick = (t) => { if (!frames.on) return; frames.times.push(t); requestAnimationFrame(tick); };
  window.__boardBench = {
    painted,
    startFrames() { frames.on = true; frames.times = []; requestAnimationFrame(tick); },
    stopFrames() { frames.on = false; return frames.times; },
  };
})();`;

export interface ViewportReport {
  /** Notes whose article overlaps the board surface on screen. */
  visibleIds: string[];
  /** Articles in the DOM (culling keeps far-away notes out). */
  mounted: number;
  firstVisibleMs: number;
  allVisibleMs: number;
  surface: { left: number; top: number; width: number; height: number };
}

/** Evaluated once the board has settled: which notes are on screen and when they appeared. */
export const READ_VIEWPORT = `(() => {
  const bench = window.__boardBench;
  const surface = document.querySelector('.board__surface').getBoundingClientRect();
  const articles = [...document.querySelectorAll('article[data-note-id]')];
  const visible = articles.filter((a) => {
    const r = a.getBoundingClientRect();
    return r.right > surface.left && r.left < surface.right && r.bottom > surface.top && r.top < surface.bottom;
  }).map((a) => a.getAttribute('data-note-id'));
  const times = visible.map((id) => bench.painted.get(id)).filter((t) => t !== undefined);
  return {
    visibleIds: visible,
    mounted: articles.length,
    firstVisibleMs: Math.min(...times),
    allVisibleMs: times.length === visible.length ? Math.max(...times) : NaN,
    surface: { left: surface.left, top: surface.top, width: surface.width, height: surface.height },
  };
})()`;

export const PAINTED_COUNT = `window.__boardBench.painted.size`;
export const START_FRAMES = `window.__boardBench.startFrames()`;
export const STOP_FRAMES = `window.__boardBench.stopFrames()`;
