import { create } from 'zustand';
import type { SeriesDelta, SeriesExport, SeriesFrame, SeriesLatest, SeriesStats, TopicSuggestion } from '../../src/series';

/**
 * What the series feature last told the UI: newest values (for text and gauges), statistics and
 * autocomplete suggestions. Chart frames do not go through React state: they are routed by
 * watch id to the one chart that asked (and replayed to it when it re-subscribes).
 */
export interface SeriesState {
  latest: Record<string, SeriesLatest>;
  stats: SeriesStats | null;
  suggestions: { reqId: number; items: readonly TopicSuggestion[] } | null;
}

export const useSeriesStore = create<SeriesState>(() => ({ latest: {}, stats: null, suggestions: null }));

type FrameListener = (frame: SeriesFrame) => void;
const frameListeners = new Map<string, FrameListener>();
const lastFrames = new Map<string, SeriesFrame>();
const exportWaiters = new Map<number, (e: SeriesExport) => void>();
let framesHandedOut = 0;

/** Chart frames handed to widgets so far (the bench divides drawing time by it). */
export const chartFramesDelivered = (): number => framesHandedOut;

export function applySeriesDelta(d: SeriesDelta): void {
  const patch: Partial<SeriesState> = {};
  if (d.latest) {
    const latest = { ...useSeriesStore.getState().latest };
    for (const l of d.latest) latest[l.key] = l;
    patch.latest = latest;
  }
  if (d.stats) patch.stats = d.stats;
  if (d.suggestions) patch.suggestions = d.suggestions;
  if (Object.keys(patch).length) useSeriesStore.setState(patch);
  for (const f of d.frames ?? []) {
    if (!frameListeners.has(f.id)) continue;
    lastFrames.set(f.id, f);
    framesHandedOut++;
    frameListeners.get(f.id)!(f);
  }
  for (const e of d.exports ?? []) {
    exportWaiters.get(e.reqId)?.(e);
    exportWaiters.delete(e.reqId);
  }
}

/** Listens for one watch's frames; the last frame is replayed at once. */
export function subscribeFrames(id: string, listener: FrameListener): () => void {
  frameListeners.set(id, listener);
  const last = lastFrames.get(id);
  if (last) listener(last);
  return () => {
    if (frameListeners.get(id) === listener) frameListeners.delete(id);
  };
}

/** Forgets a watch's last frame (it was unwatched: a new watch starts from a fresh frame). */
export function forgetFrames(id: string): void {
  lastFrames.delete(id);
}

/** Resolves with the export answered under `reqId` (sent by `requestExport` in seriesActions). */
export function awaitExport(reqId: number): Promise<SeriesExport> {
  return new Promise((resolve) => exportWaiters.set(reqId, resolve));
}
