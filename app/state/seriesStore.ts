import { create } from 'zustand';
import type { SiteConfig } from '../../src/config';
import { specsFromConfig, type SeriesDelta, type SeriesExport, type SeriesFrame, type SeriesLatest, type SeriesStats, type TimeRange, type TopicSuggestion } from '../../src/series';
import { engine } from '../engine/engineClient';
import { useSiteStore } from './siteStore';

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

export interface WatchRequest {
  readonly keys: readonly string[];
  readonly windowMs: number;
  readonly range: TimeRange | null;
  readonly widthPx: number;
}

export function watchSeries(id: string, req: WatchRequest): void {
  engine.send({ type: 'series/watch', id, keys: req.keys, windowMs: req.windowMs, range: req.range, widthPx: req.widthPx });
}

export function unwatchSeries(id: string): void {
  lastFrames.delete(id);
  engine.send({ type: 'series/unwatch', id });
}

let suggestReq = 0;
export function requestSuggestions(text: string, limit = 50): void {
  engine.send({ type: 'series/suggest', reqId: ++suggestReq, text, limit });
}

let exportReq = 0;
/** Full-resolution points of `keys` (within `range`), for CSV export. */
export function requestExport(keys: readonly string[], range: TimeRange | null): Promise<SeriesExport> {
  const reqId = ++exportReq;
  return new Promise((resolve) => {
    exportWaiters.set(reqId, resolve);
    engine.send({ type: 'series/export', reqId, keys, range });
  });
}

/** Optional site-wide points per series (`series.capacity` in the site config). */
function capacityOf(config: SiteConfig): number | undefined {
  const capacity = (config as { series?: { capacity?: unknown } }).series?.capacity;
  return typeof capacity === 'number' && capacity > 1 ? capacity : undefined;
}

// Keep the engine's tracked set in step with the dashboards, from the moment the site
// config is loaded: history records even while the Topics view is open.
let lastTracked = '';
useSiteStore.subscribe((s) => {
  if (!s.loaded) return;
  const series = specsFromConfig(s.config);
  const capacity = capacityOf(s.config);
  const sig = JSON.stringify([series, capacity]);
  if (sig === lastTracked) return;
  lastTracked = sig;
  engine.send({ type: 'series/track', series, capacity });
});
