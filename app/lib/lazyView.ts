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
export function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 5000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 2000);
  return () => clearTimeout(handle);
}
