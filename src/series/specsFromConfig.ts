import type { SiteConfig } from '../config';
import { seriesKey } from './seriesKey';
import type { SeriesSpec } from './types';

/** The connection a series ref means: its own, else the only connection, else any (''). */
export function resolveConnection(config: Pick<SiteConfig, 'connections'>, connection: string | undefined): string {
  if (connection) return connection;
  return config.connections.length === 1 ? config.connections[0].id : '';
}

/** Every series any dashboard shows, once each: the engine records these (and only these). */
export function specsFromConfig(config: Pick<SiteConfig, 'connections' | 'dashboards'>): SeriesSpec[] {
  const out = new Map<string, SeriesSpec>();
  for (const d of config.dashboards) {
    for (const w of d.widgets) {
      for (const s of w.series) {
        const connection = resolveConnection(config, s.connection);
        const path = s.path ?? '';
        const key = seriesKey(connection, s.topic, path);
        if (!out.has(key) || s.timePath) out.set(key, { connection, topic: s.topic, path, ...(s.timePath ? { timePath: s.timePath } : {}) });
      }
    }
  }
  return [...out.values()];
}
