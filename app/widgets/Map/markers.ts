import type { RowView } from '../../../src/rows';
import type { Bounds, ColorBy, MarkerView, Priority } from './types';

const RANK: Readonly<Record<Priority, number>> = { critical: 0, high: 1, medium: 2, low: 3 };

/** The most urgent of two priorities (either may be absent). */
export function worst(a: Priority | undefined, b: Priority | undefined): Priority | undefined {
  if (!a) return b;
  if (!b) return a;
  return RANK[a] <= RANK[b] ? a : b;
}

/** The look `colorBy` gives a state value: `alarm` is high; `normal` and unknown values none. */
export function colorByPriority(colorBy: ColorBy | undefined, value: number | string | null | undefined): Priority | undefined {
  if (!colorBy || value === null || value === undefined) return undefined;
  const look = colorBy.values[String(value)];
  if (!look || look === 'normal') return undefined;
  return look === 'alarm' ? 'high' : look;
}

const validLat = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= -90 && v <= 90;
const validLon = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= -180 && v <= 180;

/** One collator for every sort: `localeCompare` with options builds one per call (20 % of the fleet bench's main thread). */
const byId = new Intl.Collator(undefined, { numeric: true }).compare;

/**
 * Markers from rows whose cells are `[lat, lon, ...extra]` (`paths` names them). A row without a
 * valid position (no fix yet, text, out of range) has no marker; the count says how many.
 * `alarmOf(topic)` is the topic's worst active alarm priority.
 */
export function toMarkers(
  rows: Iterable<RowView>,
  paths: readonly string[],
  colorBy: ColorBy | undefined,
  alarmOf: (connectionId: string, topic: string) => Priority | undefined,
): { markers: MarkerView[]; withoutPosition: number } {
  const markers: MarkerView[] = [];
  let withoutPosition = 0;
  const colorIndex = colorBy ? paths.indexOf(colorBy.path, 2) : -1;
  for (const r of rows) {
    const [lat, lon] = r.values;
    if (!validLat(lat) || !validLon(lon)) {
      withoutPosition++;
      continue;
    }
    const state = colorIndex >= 2 ? r.values[colorIndex] : undefined;
    markers.push({
      id: r.key || r.topic,
      topic: r.topic,
      connectionId: r.connectionId,
      lat,
      lon,
      priority: worst(colorByPriority(colorBy, state), alarmOf(r.connectionId, r.topic)),
      lastSeen: r.lastSeen,
      ...(r.trail ? { trail: r.trail } : {}),
      fields: paths.slice(2).map((path, i) => ({ path, value: r.values[i + 2] ?? null })),
    });
  }
  markers.sort((a, b) => byId(a.id, b.id));
  return { markers, withoutPosition };
}

/** The row paths a map watches: lat, lon, then colorBy's path and any extra detail paths, once each. */
export function watchPaths(lat: string, lon: string, colorBy: ColorBy | undefined, extra: readonly string[] = []): string[] {
  const out = [lat, lon];
  for (const p of [...(colorBy ? [colorBy.path] : []), ...extra]) if (p && !out.slice(2).includes(p)) out.push(p);
  return out;
}

/** The box around every marker, or null when there are none. */
export function markerBounds(markers: readonly MarkerView[]): Bounds | null {
  if (markers.length === 0) return null;
  let s = 90;
  let w = 180;
  let n = -90;
  let e = -180;
  for (const m of markers) {
    s = Math.min(s, m.lat);
    n = Math.max(n, m.lat);
    w = Math.min(w, m.lon);
    e = Math.max(e, m.lon);
  }
  return [s, w, n, e];
}

/** Text of a coordinate: 5 decimals (about 1 m), enough for the contract's "at least 4". */
export const formatCoord = (v: number): string => v.toFixed(5);

/** Markers whose id contains `text` (case-insensitive); all when empty. */
export function filterMarkers(markers: readonly MarkerView[], text: string): readonly MarkerView[] {
  const q = text.trim().toLowerCase();
  return q ? markers.filter((m) => m.id.toLowerCase().includes(q)) : markers;
}
