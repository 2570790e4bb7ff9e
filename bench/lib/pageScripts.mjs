// Code the bench runs inside pages with Runtime.evaluate (or before the page's own scripts).
// Everything is measured with the page's own clock (performance.now / event.timeStamp / rAF time).

/** Starts recording frame intervals from requestAnimationFrame. */
export const START_FRAMES = `(() => {
  const rec = { intervals: [], last: 0, on: true };
  window.__benchFrames = rec;
  const loop = (t) => {
    if (!rec.on) return;
    if (rec.last) rec.intervals.push(t - rec.last);
    if (rec.intervals.length > 200000) rec.intervals.length = 0;
    rec.last = t;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  return true;
})()`;

/** Stops the frame recorder and returns the intervals (ms). */
export const STOP_FRAMES = `(() => { const r = window.__benchFrames; r.on = false; return r.intervals; })()`;

/**
 * Arms a one-shot click probe: the next click on a tree item is timed from the input event
 * (event.timeStamp) to the end of the first animation frame in which that item shows as selected
 * (aria-selected=true): "acknowledged, next frame painted". The end of a frame is taken as a task
 * posted from its requestAnimationFrame callback, which runs after that frame's paint. Likewise
 * to the frame where the Message region shows the topic (a round trip through the engine).
 */
export const ARM_CLICK = `(() => {
  window.__benchClick = new Promise((resolve) => {
    const afterPaint = (fn) => { const ch = new MessageChannel(); ch.port1.onmessage = () => fn(performance.now()); ch.port2.postMessage(0); };
    const onClick = (e) => {
      const item = e.target.closest && e.target.closest('[role="treeitem"]');
      if (!item) return;
      document.removeEventListener('click', onClick, true);
      const t0 = e.timeStamp;
      const id = item.id;
      const name = item.querySelector('span:nth-child(2)')?.textContent ?? '';
      let ackMs = NaN;
      let ackSeen = false;
      const loop = () => {
        const el = document.getElementById(id);
        const acked = el && el.getAttribute('aria-selected') === 'true';
        const shown = (document.querySelector('[aria-label="Topic name"]')?.textContent ?? '').endsWith(name);
        if (!ackSeen && acked) { ackSeen = true; afterPaint((t) => { ackMs = t - t0; }); }
        if (ackSeen && shown) return afterPaint((t) => resolve({ ackMs: Number.isNaN(ackMs) ? t - t0 : ackMs, detailMs: t - t0 }));
        if (performance.now() - t0 > 3000) return afterPaint(() => resolve({ ackMs, detailMs: NaN }));
        requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    };
    document.addEventListener('click', onClick, true);
    setTimeout(() => { document.removeEventListener('click', onClick, true); resolve({ ackMs: NaN, detailMs: NaN, missed: true }); }, 8000);
  });
  return true;
})()`;

/**
 * Centre of the index-th tree item that is not selected and is fully in view, or null.
 * @param {number} index
 */
export const treeItemPoint = (index) => `(() => {
  const tree = document.querySelector('[role="tree"]');
  if (!tree) return null;
  const box = tree.getBoundingClientRect();
  const items = [...tree.querySelectorAll('[role="treeitem"]')].filter((el) => {
    const r = el.getBoundingClientRect();
    return el.getAttribute('aria-selected') !== 'true' && el.getAttribute('aria-level') !== '1' && r.top >= box.top && r.bottom <= box.bottom && r.height > 0;
  });
  const el = items[${index} % Math.max(1, items.length)];
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { x: Math.round(r.left + Math.min(120, r.width / 2)), y: Math.round(r.top + r.height / 2) };
})()`;

/**
 * Arms a one-shot filter probe on the "Filter topics" box (and focuses/selects it so typed text
 * replaces it): timed from the input event to the end of the first frame after the engine sent a
 * new row list (tree version changed). Includes the UI's own input debounce.
 */
export const ARM_FILTER = `(() => {
  const input = document.querySelector('input[aria-label="Filter topics"]');
  const p = window.__sightglass;
  const v0 = p.tree().version;
  input.focus();
  input.select();
  window.__benchFilter = new Promise((resolve) => {
    let t0 = null;
    input.addEventListener('input', (e) => { t0 = e.timeStamp; }, { once: true });
    const start = performance.now();
    const loop = () => {
      if (t0 !== null && p.tree().version !== v0) {
        // The end of this frame (after its paint): a task posted from the rAF callback.
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve({ ms: performance.now() - t0, total: p.tree().total });
        return ch.port2.postMessage(0);
      }
      if (performance.now() - start > 15000) return resolve({ ms: NaN, total: p.tree().total });
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  return true;
})()`;

/**
 * Installed before the app's own scripts (Page.addScriptToEvaluateOnNewDocument): long tasks,
 * when the UI's first control appears, and when the probe first reports the connection as up.
 */
export const STARTUP_OBSERVER = `(() => {
  const s = { longTasks: [], uiReadyAt: null, connectedAt: null };
  window.__benchStartup = s;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) s.longTasks.push([e.startTime, e.startTime + e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const check = () => {
    if (s.uiReadyAt === null && document.querySelector('input[aria-label="Filter topics"]')) s.uiReadyAt = performance.now();
    const p = window.__sightglass;
    if (s.connectedAt === null && p) {
      const c = Object.values(p.connections())[0];
      if (c && c.state === 'connected') s.connectedAt = performance.now();
    }
    if (s.uiReadyAt === null || s.connectedAt === null) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;

/** Reads the start-up figures (after the page settled). */
export const READ_STARTUP = `(() => {
  const s = window.__benchStartup;
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
  const fp = performance.getEntriesByName('first-paint')[0]?.startTime ?? null;
  const nav = performance.getEntriesByType('navigation')[0];
  // Interactive: from when the UI is up, the first 500 ms window without a long task.
  let t = Math.max(fcp ?? 0, s.uiReadyAt ?? 0);
  for (const [a, b] of [...s.longTasks].sort((x, y) => x[0] - y[0])) if (b > t && a < t + 500) t = b;
  const js = performance.getEntriesByType('resource').filter((e) => /\\.m?js(\\?|$)/.test(e.name)).map((e) => e.name);
  return { fp, fcp, uiReadyAt: s.uiReadyAt, interactive: t, connectedAt: s.connectedAt,
    domContentLoaded: nav ? nav.domContentLoadedEventEnd : null, longTasks: s.longTasks.length, js };
})()`;
