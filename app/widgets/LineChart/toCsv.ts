import { csvDocument, type CsvValue } from '../../../src/format';
import type { SeriesExport } from '../../../src/series';

/**
 * A chart's points as CSV: one row per timestamp (ISO 8601 UTC and ms since epoch), one column
 * per series; a series with no point at that time leaves its cell empty. Gap markers are left out.
 */
export function toCsv(labels: readonly string[], exported: SeriesExport['series']): string {
  const rows = new Map<number, (number | undefined)[]>();
  exported.forEach((s, col) => {
    for (let i = 0; i < s.t.length; i++) {
      const value = s.v[i];
      if (Number.isNaN(value)) continue;
      let row = rows.get(s.t[i]);
      if (!row) rows.set(s.t[i], (row = new Array(exported.length)));
      row[col] = value;
    }
  });
  const times = [...rows.keys()].sort((a, b) => a - b);
  const lines: CsvValue[][] = [['time', 'time_ms', ...labels]];
  for (const t of times) {
    const row = rows.get(t)!;
    lines.push([new Date(t).toISOString(), t, ...Array.from({ length: exported.length }, (_, i) => row[i])]);
  }
  return csvDocument(lines);
}
