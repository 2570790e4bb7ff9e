import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A view loaded with import() when first shown, and `prefetch()` to fetch its code earlier. */
export interface LazyView<P> {
  readonly Component: LazyExoticComponent<ComponentType<P>>;
  prefetch(): void;
}

/**
 * `React.lazy` for a named export, sharing one import() between `prefetch` (on idle, so the
 * next view opens at once) and the first render (start-up JavaScript, issue 17).
 */
export function lazyView<P, M>(load: () => Promise<M>, pick: (module: M) => ComponentType<P>): LazyView<P> {
  let loading: Promise<{ default: ComponentType<P> }> | null = null;
  const once = () => (loading ??= load().then((m) => ({ default: pick(m) })));
  return {
    Component: lazy(once),
    prefetch: () => {
      // A failed prefetch is retried by the render that needs it.
      once().catch(() => {
        loading = null;
      });
    },
  };
}

/** Runs `task` when the main thread is idle after start-up (a timeout where requestIdleCallback is missing). */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 5000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 2000);
  return () => clearTimeout(handle);
}

/** How long after the load event background work waits: the first screen's tasks and the connection come first. */
export const AFTER_STARTUP_MS = 2000;

/**
 * Runs `task` once the page has loaded, `AFTER_STARTUP_MS` passed and the main thread is idle: for
 * work the first screen does not need (the service worker's install downloads every chunk; the
 * other views' code), which would otherwise compete with it for the CPU (issue 17 "Start-up").
 */
export function afterStartup(task: () => void): () => void {
  let cancel = () => {};
  const settle = () => {
    const timer = setTimeout(() => {
      cancel = whenIdle(task);
    }, AFTER_STARTUP_MS);
    cancel = () => clearTimeout(timer);
  };
  if (document.readyState === 'complete') settle();
  else {
    window.addEventListener('load', settle, { once: true });
    cancel = () => window.removeEventListener('load', settle);
  }
  return () => cancel();
}
