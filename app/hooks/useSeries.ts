import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SeriesFrame, SeriesLatest } from '../../src/series';
import { unwatchSeries, watchSeries, type WatchRequest } from '../actions/seriesActions';
import { subscribeFrames, useSeriesStore } from '../state/seriesStore';

/** Read-only series views for widgets (they never touch the store directly). */

/** Newest values of several series; re-renders only when one of them changes. */
export const useLatestMany = (keys: readonly string[]): (SeriesLatest | undefined)[] =>
  useSeriesStore(useShallow((s) => keys.map((k) => s.latest[k])));

export const useSeriesStats = () => useSeriesStore((s) => s.stats);
export const useSuggestions = () => useSeriesStore((s) => s.suggestions);

/**
 * Watches series while `enabled` (on screen, tab visible, measured) and hands each frame to
 * `onFrame` without a React render. The engine stops computing frames once unwatched.
 */
export function useSeriesWatch(id: string, req: WatchRequest, enabled: boolean, onFrame: (f: SeriesFrame) => void): void {
  const onFrameRef = useRef(onFrame);
  onFrameRef.current = onFrame;
  const keysSig = req.keys.join('\u0002');
  const { windowMs, widthPx } = req;
  const from = req.range?.from;
  const to = req.range?.to;
  useEffect(() => {
    if (!enabled) return;
    const unsubscribe = subscribeFrames(id, (f) => onFrameRef.current(f));
    watchSeries(id, { keys: keysSig ? keysSig.split('\u0002') : [], windowMs, widthPx, range: from !== undefined && to !== undefined ? { from, to } : null });
    return () => {
      unsubscribe();
      unwatchSeries(id);
    };
  }, [id, enabled, keysSig, windowMs, widthPx, from, to]);
}

// One shared one-second clock for stale looks: widgets re-render at most once a second for it.
let now = Date.now();
const nowListeners = new Set<() => void>();
let nowTimer = 0;
function subscribeNow(cb: () => void): () => void {
  nowListeners.add(cb);
  if (!nowTimer) {
    nowTimer = window.setInterval(() => {
      now = Date.now();
      for (const l of nowListeners) l();
    }, 1000);
  }
  return () => {
    nowListeners.delete(cb);
    if (!nowListeners.size) {
      clearInterval(nowTimer);
      nowTimer = 0;
    }
  };
}

/** Wall-clock time, refreshed every second. */
export const useNow = (): number => useSyncExternalStore(subscribeNow, () => now);

const visibilitySubscribe = (cb: () => void) => {
  document.addEventListener('visibilitychange', cb);
  return () => document.removeEventListener('visibilitychange', cb);
};

/** False while the browser tab is hidden: charts stop asking for frames. */
export const usePageVisible = (): boolean => useSyncExternalStore(visibilitySubscribe, () => document.visibilityState !== 'hidden');
