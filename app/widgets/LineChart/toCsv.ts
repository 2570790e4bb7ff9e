import { csvDocument, type CsvValue } from '../../../src/format';
import type { SeriesExport } from '../../../src/series';

/**
 * A chart's points as CSV: one row per timestamp (ISO 8601 UTC and ms since epoch), one column
 * per series; a series with no point at that time leaves its cell empty. Gap markers are left out.
 * A series may hold several points at one millisecond (messages handled in the same tick of the
 * worker's clock): each gets a row of its own, never overwrites the one before, so every point
 * recorded is exported. Series are merged row by row within a shared time.
 */
export function toCsv(labels: readonly string[], exported: SeriesExport['series']): string {
  const rows = new Map<number, (number | undefined)[][]>();
  exported.forEach((s, col) => {
    let lastT = NaN;
    let nth = 0;
    for (let i = 0; i < s.t.length; i++) {
      const value = s.v[i];
      if (Number.isNaN(value)) continue;
      const t = s.t[i];
      nth = t === lastT ? nth + 1 : 0;
      lastT = t;
      let atTime = rows.get(t);
      if (!atTime) rows.set(t, (atTime = []));
      atTime[nth] ??= new Array<number | undefined>(exported.length);
      atTime[nth][col] = value;
    }
  });
  const times = [...rows.keys()].sort((a, b) => a - b);
  const lines: CsvValue[][] = [['time', 'time_ms', ...labels]];
  for (const t of times) {
    for (const row of rows.get(t)!) {
      lines.push([new Date(t).toISOString(), t, ...Array.from({ length: exported.length }, (_, i) => row[i])]);
    }
  }
  return csvDocument(lines);
}
