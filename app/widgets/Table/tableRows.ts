import type { RowView } from '../../../src/rows';
import { naturalCompare } from '../../../src/topics';
import type { Band, Priority } from '../common/settings';
import { formatValue } from '../common/format';
import type { SortState, TableColumn } from './types';

/** A cell as text: numbers with the column's decimals, text as sent, '—' for nothing. */
export function cellText(value: number | string | null | undefined, column: TableColumn | undefined): string {
  if (typeof value === 'number') return formatValue(value, column?.decimals);
  return value === null || value === undefined || value === '' ? '—' : value;
}

/** A column header: its title (else its path) with the unit, e.g. `Fuel (%)`. */
export function columnHeader(column: TableColumn): string {
  const title = column.title || column.path || 'Value';
  return column.unit ? `${title} (${column.unit})` : title;
}

/** The rows whose name or any cell holds `text` (case-insensitive); all rows for no text. */
export function filterRows(rows: readonly RowView[], text: string, columns: readonly TableColumn[]): RowView[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [...rows];
  return rows.filter((r) => r.key.toLowerCase().includes(needle) || r.values.some((v, i) => v !== null && cellText(v, columns[i]).toLowerCase().includes(needle)));
}


/** Each row's place in name order (natural: truck-2 < truck-10), ties broken by topic. */
export function keyRanks(rows: readonly RowView[]): Map<string, number> {
  const sorted = [...rows].sort((a, b) => naturalCompare(a.key, b.key) || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
  return new Map(sorted.map((r, i) => [r.topic, i]));
}

/**
 * Empty cells last whatever the direction; numbers before text; ties in name order. `ranks`
 * (keyRanks, kept while the set of rows is the same) turns name comparisons into integer ones:
 * 5 000 rows re-sort 4×/s, and most cells tie (a state, a rounded number).
 */
export function sortRows(rows: RowView[], sort: SortState, ranks: ReadonlyMap<string, number> = keyRanks(rows)): RowView[] {
  const sign = sort.dir === 'ascending' ? 1 : -1;
  const by = sort.by;
  const byKey = (a: RowView, b: RowView) => (ranks.get(a.topic) ?? 0) - (ranks.get(b.topic) ?? 0);
  if (by.kind === 'key') return rows.sort((a, b) => sign * byKey(a, b));
  if (by.kind === 'lastSeen') return rows.sort((a, b) => sign * (a.lastSeen - b.lastSeen) || byKey(a, b));
  const i = by.index;
  return rows.sort((a, b) => {
    const va = a.values[i] ?? null;
    const vb = b.values[i] ?? null;
    if (va === null || vb === null) return va === vb ? byKey(a, b) : va === null ? 1 : -1;
    let c: number;
    if (typeof va === 'number' && typeof vb === 'number') c = va - vb;
    else if (typeof va === 'number') c = -1;
    else if (typeof vb === 'number') c = 1;
    else c = naturalCompare(va, vb);
    return sign * c || byKey(a, b);
  });
}

/** The abnormal band (one with a priority) a numeric cell is in. */
export function abnormalBand(bands: readonly Band[] | undefined, value: number | string | null | undefined): Priority | undefined {
  if (typeof value !== 'number' || !bands) return undefined;
  return bands.find((b) => b.priority && value >= b.from && value <= b.to)?.priority;
}

/** Columns, one per line: `Title | path | unit` (path and unit optional). */
export function parseColumns(text: string): TableColumn[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [title = '', path = '', unit = ''] = line.split('|').map((p) => p.trim());
      if (!title && !path) throw new Error(`Column "${line}": write it as Title | path | unit`);
      return { title: title || path, path, ...(unit ? { unit } : {}) };
    });
}

export function formatColumns(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return (value as TableColumn[]).map((c) => [c.title ?? '', c.path ?? '', c.unit ?? ''].join(' | ').replace(/( \| )+$/, '')).join('\n');
}
