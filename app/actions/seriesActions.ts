import type { SiteConfig } from '../../src/config';
import { specsFromConfig, type SeriesExport, type TimeRange } from '../../src/series';
import { engine } from '../engine/engineClient';
import { awaitExport, forgetFrames } from '../state/seriesStore';
import { useSiteStore, type SiteState } from '../state/siteStore';
import { resolveSiteConfig } from '../dashboards/variables';
import { useVariablesStore } from '../dashboards/variablesStore';

// Series actions (UI → worker). Answers come back in the series part of the next delta.

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
  forgetFrames(id);
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
  const answer = awaitExport(reqId);
  engine.send({ type: 'series/export', reqId, keys, range });
  return answer;
}

/** Optional site-wide points per series (`series.capacity` in the site config). */
function capacityOf(config: SiteConfig): number | undefined {
  const capacity = (config as { series?: { capacity?: unknown } }).series?.capacity;
  return typeof capacity === 'number' && capacity > 1 ? capacity : undefined;
}

let lastTracked = '';
function syncTracked(s: SiteState): void {
  if (!s.loaded) return;
  // Templated dashboards record the picked value's topics (issue 15: `${vehicle}`).
  const series = specsFromConfig(resolveSiteConfig(s.config, useVariablesStore.getState().values));
  const capacity = capacityOf(s.config);
  const sig = JSON.stringify([series, capacity]);
  if (sig === lastTracked) return;
  lastTracked = sig;
  engine.send({ type: 'series/track', series, capacity });
}

let started = false;

/**
 * Keeps the engine's tracked set in step with the dashboards, from the moment the site config is
 * loaded: history records even while the Topics view is open. Called once by `startApp()`.
 */
export function startSeriesSync(): void {
  if (started) return;
  started = true;
  useSiteStore.subscribe(syncTracked);
  useVariablesStore.subscribe(() => syncTracked(useSiteStore.getState()));
  syncTracked(useSiteStore.getState());
}
