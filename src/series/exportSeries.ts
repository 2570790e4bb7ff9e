import type { TrackedSeries } from './TrackedSeries';
import type { SeriesExport, TimeRange } from './types';

/**
 * The answer to `series/export`: every point of `keys` in `range` (all points without one), at
 * full resolution, for CSV. A key not recorded is answered with no points rather than left out,
 * so the UI's columns match what it asked for.
 */
export function exportSeries(series: ReadonlyMap<string, TrackedSeries>, reqId: number, keys: readonly string[], range: TimeRange | null): SeriesExport {
  return {
    reqId,
    series: keys.map((key) => {
      const ring = series.get(key)?.ring;
      if (!ring) return { key, t: new Float64Array(0), v: new Float64Array(0) };
      return { key, ...ring.slice(range ? ring.lowerBound(range.from) : 0, range ? ring.upperBound(range.to) : ring.size) };
    }),
  };
}
