import type { Rect, Virtualizer } from '@tanstack/react-virtual';

/** The last size of each named scroll area, kept across mounts. */
const lastRects = new Map<string, Rect>();

/**
 * Virtualizer options that size a scroll area without a layout in the commit: the first render
 * uses the size the area had when last shown, and a ResizeObserver (which runs after the
 * browser's own layout) reports changes. The default reads `clientHeight` during the commit,
 * which forced a layout of the whole new view, and then rendered the rows in a second pass:
 * half of a 100–300 ms "Topics" click during a big broker's retained flood (issue 17 #3).
 */
export function cachedRect(name: string, fallback: Rect) {
  return {
    initialRect: lastRects.get(name) ?? fallback,
    observeElementRect: (instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: Rect) => void) => {
      const el = instance.scrollElement;
      if (!el || typeof ResizeObserver === 'undefined') return;
      // Reading the size inside the observer's callback is free: layout has just run.
      const observer = new ResizeObserver(() => {
        const rect = { width: el.clientWidth, height: el.clientHeight };
        lastRects.set(name, rect);
        cb(rect);
      });
      observer.observe(el);
      return () => observer.disconnect();
    },
  };
}
