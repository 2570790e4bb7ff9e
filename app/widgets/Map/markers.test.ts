import { describe, expect, it } from 'vitest';
import type { RowView } from '../../../src/rows';
import { colorByPriority, filterMarkers, formatCoord, markerBounds, toMarkers, watchPaths, worst } from './markers';
import type { ColorBy } from './types';

const row = (key: string, values: (number | string | null)[], extra: Partial<RowView> = {}): RowView => ({
  connectionId: 'plant',
  topic: `fleet/${key}/gps`,
  key,
  values,
  lastSeen: 1000,
  ...extra,
});
const colorBy: ColorBy = { path: 'state', values: { fault: 'alarm', low_fuel: 'low', ok: 'normal' } };
const noAlarms = () => undefined;

describe('toMarkers', () => {
  it('makes a marker per row with a valid position, sorted by id (truck-2 before truck-10)', () => {
    const { markers, withoutPosition } = toMarkers(
      [row('truck-10', [48.1, 16.3]), row('truck-2', [48.2, 16.4]), row('truck-3', [null, null]), row('truck-4', ['n/a', 16]), row('truck-5', [91, 0])],
      ['lat', 'lon'],
      undefined,
      noAlarms,
    );
    expect(markers.map((m) => [m.id, m.lat, m.lon])).toEqual([
      ['truck-2', 48.2, 16.4],
      ['truck-10', 48.1, 16.3],
    ]);
    expect(withoutPosition).toBe(3);
  });

  it.each([
    ['a colorBy value mapped to alarm', 'fault', undefined, 'high'],
    ['a colorBy value mapped to a priority', 'low_fuel', undefined, 'low'],
    ['a normal value stays grey', 'ok', undefined, undefined],
    ['an unknown value stays grey', 'parked', undefined, undefined],
    ["the topic's active alarm", 'ok', 'medium', 'medium'],
    ['the worse of both', 'low_fuel', 'critical', 'critical'],
  ] as const)('%s', (_name, state, alarm, expected) => {
    const { markers } = toMarkers([row('t1', [1, 2, state])], ['lat', 'lon', 'state'], colorBy, () => alarm);
    expect(markers[0].priority).toBe(expected);
  });

  it('lists the other paths as details and keeps the trail', () => {
    const trail = new Float64Array([1, 2, 1.5, 2.5]);
    const { markers } = toMarkers([row('t1', [1.5, 2.5, 'ok', 42], { trail })], ['lat', 'lon', 'state', 'fuel'], colorBy, noAlarms);
    expect(markers[0].fields).toEqual([
      { path: 'state', value: 'ok' },
      { path: 'fuel', value: 42 },
    ]);
    expect(markers[0].trail).toBe(trail);
  });
});

describe('helpers', () => {
  it('watchPaths puts lat and lon first, then colorBy and extras once', () => {
    expect(watchPaths('pos.lat', 'pos.lon', colorBy, ['fuel', 'state'])).toEqual(['pos.lat', 'pos.lon', 'state', 'fuel']);
    expect(watchPaths('lat', 'lon', undefined)).toEqual(['lat', 'lon']);
  });
  it('colorByPriority without a config or value is normal', () => {
    expect(colorByPriority(undefined, 'fault')).toBeUndefined();
    expect(colorByPriority(colorBy, null)).toBeUndefined();
    expect(colorByPriority({ path: 'code', values: { '3': 'critical' } }, 3)).toBe('critical');
  });
  it('worst picks the most urgent', () => {
    expect(worst('low', 'high')).toBe('high');
    expect(worst(undefined, 'low')).toBe('low');
    expect(worst(undefined, undefined)).toBeUndefined();
  });
  it('markerBounds spans every marker', () => {
    const { markers } = toMarkers([row('a', [10, -5]), row('b', [-3, 20])], ['lat', 'lon'], undefined, noAlarms);
    expect(markerBounds(markers)).toEqual([-3, -5, 10, 20]);
    expect(markerBounds([])).toBeNull();
  });
  it('formatCoord gives at least 4 decimals', () => {
    expect(formatCoord(48.2)).toBe('48.20000');
    expect(formatCoord(-0.123456)).toBe('-0.12346');
  });
  it('filterMarkers finds any id by part, case-insensitive', () => {
    const { markers } = toMarkers([row('Truck-07', [1, 1]), row('van-1', [1, 1])], ['lat', 'lon'], undefined, noAlarms);
    expect(filterMarkers(markers, 'truck').map((m) => m.id)).toEqual(['Truck-07']);
    expect(filterMarkers(markers, ' ')).toHaveLength(2);
  });
});
