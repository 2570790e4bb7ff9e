import type { SeriesRef, SiteConfig } from '../config';
import { seriesKey, seriesVariant } from './seriesKey';
import type { SeriesSpec } from './types';

/** The connection a series ref means: its own, else the only connection, else any (''). */
export function resolveConnection(config: Pick<SiteConfig, 'connections'>, connection: string | undefined): string {
  if (connection) return connection;
  return config.connections.length === 1 ? config.connections[0].id : '';
}

/** A config series ref as the engine records it (connection resolved, optional fields only when set). */
export function specOf(config: Pick<SiteConfig, 'connections'>, s: SeriesRef): SeriesSpec {
  return {
    connection: resolveConnection(config, s.connection),
    topic: s.topic,
    path: s.path ?? '',
    ...(s.timePath ? { timePath: s.timePath } : {}),
    ...(s.transform ? { transform: s.transform } : {}),
    ...(s.transform === 'increase' && s.interval ? { interval: s.interval } : {}),
    ...(s.aggregate ? { aggregate: s.aggregate } : {}),
    ...(s.wrapAt ? { wrapAt: s.wrapAt } : {}),
    ...(s.scale !== undefined && s.scale !== 1 ? { scale: s.scale } : {}),
  };
}

/** A series ref's key, as the engine records it. */
export function specKey(spec: SeriesSpec): string {
  return seriesKey(spec.connection, spec.topic, spec.path, seriesVariant(spec));
}

/** Every series any dashboard shows, once each: the engine records these (and only these). */
export function specsFromConfig(config: Pick<SiteConfig, 'connections' | 'dashboards'>): SeriesSpec[] {
  const out = new Map<string, SeriesSpec>();
  for (const d of config.dashboards) {
    for (const w of d.widgets) {
      for (const s of w.series) {
        const spec = specOf(config, s);
        const key = specKey(spec);
        if (!out.has(key) || s.timePath) out.set(key, spec);
      }
    }
  }
  return [...out.values()];
}
