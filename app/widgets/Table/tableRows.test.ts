import { describe, expect, it } from 'vitest';
import type { RowView } from '../../../src/rows';
import { abnormalBand, cellText, columnHeader, filterRows, formatColumns, parseColumns, sortRows } from './tableRows';

const row = (key: string, values: (number | string | null)[], lastSeen = 0): RowView => ({ connectionId: 'p', topic: `fleet/${key}/status`, key, values, lastSeen });
const ROWS = [row('truck-10', [12, 'LOW'], 3), row('truck-2', [40, 'DRIVING'], 1), row('truck-1', [null, 'PARKED'], 2), row('truck-3', ['n/a', null], 4)];
const keys = (rows: RowView[]) => rows.map((r) => r.key);

describe('table rows', () => {
  it('sorts names naturally, numbers before text, empty cells last in both directions', () => {
    expect(keys(sortRows([...ROWS], { by: { kind: 'key' }, dir: 'ascending' }))).toEqual(['truck-1', 'truck-2', 'truck-3', 'truck-10']);
    expect(keys(sortRows([...ROWS], { by: { kind: 'column', index: 0 }, dir: 'ascending' }))).toEqual(['truck-10', 'truck-2', 'truck-3', 'truck-1']);
    expect(keys(sortRows([...ROWS], { by: { kind: 'column', index: 0 }, dir: 'descending' }))).toEqual(['truck-3', 'truck-2', 'truck-10', 'truck-1']);
    expect(keys(sortRows([...ROWS], { by: { kind: 'lastSeen' }, dir: 'descending' }))).toEqual(['truck-3', 'truck-10', 'truck-1', 'truck-2']);
  });

  it('filters on the name and on any cell as shown, case-insensitively', () => {
    const columns = [{ title: 'Fuel', path: 'fuel', decimals: 1 }, { title: 'State', path: 'state' }];
    expect(keys(filterRows(ROWS, 'low', columns))).toEqual(['truck-10']);
    expect(keys(filterRows(ROWS, '40.0', columns))).toEqual(['truck-2']);
    expect(keys(filterRows(ROWS, 'TRUCK-1', columns))).toEqual(['truck-10', 'truck-1']);
    expect(filterRows(ROWS, '  ', columns)).toHaveLength(4);
  });

  it('shows cells, headers and bands as operators read them', () => {
    expect(cellText(61.456, { title: 'Fuel', path: 'fuel', decimals: 1 })).toBe('61.5');
    expect(cellText(null, undefined)).toBe('—');
    expect(cellText('DRIVING', undefined)).toBe('DRIVING');
    expect(columnHeader({ title: 'Fuel', path: 'fuel', unit: '%' })).toBe('Fuel (%)');
    expect(columnHeader({ title: '', path: 'speed' })).toBe('speed');
    const bands = [{ from: 0, to: 10, priority: 'high' as const }, { from: 10, to: 100 }];
    expect(abnormalBand(bands, 5)).toBe('high');
    expect(abnormalBand(bands, 50)).toBeUndefined();
    expect(abnormalBand(bands, 'LOW')).toBeUndefined();
  });

  it('reads and writes the dialog\'s columns, one per line', () => {
    const columns = parseColumns('Fuel | fuel | %\nSpeed | speed\n\n state ');
    expect(columns).toEqual([{ title: 'Fuel', path: 'fuel', unit: '%' }, { title: 'Speed', path: 'speed' }, { title: 'state', path: '' }]);
    expect(formatColumns(columns)).toBe('Fuel | fuel | %\nSpeed | speed\nstate');
    expect(() => parseColumns(' | ')).toThrow(/Title \| path \| unit/);
  });
});
