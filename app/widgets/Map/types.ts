import type { Priority } from '../../../src/alarms';

export type { Priority };

/** `colorBy.values`: `alarm` is the high-priority look; `normal` (or no match) stays grey. */
export type ColorByLook = 'alarm' | Priority | 'normal';

export interface ColorBy {
  readonly path: string;
  readonly values: Readonly<Record<string, ColorByLook>>;
}

export interface MapPositions {
  readonly connection?: string;
  readonly topic: string;
  readonly lat?: string;
  readonly lon?: string;
  readonly fields?: readonly string[];
}

/** One marker, ready to draw and to list. */
export interface MarkerView {
  /** What the wildcard stood for (e.g. `truck-07`): the marker's id. */
  readonly id: string;
  readonly topic: string;
  readonly connectionId: string;
  readonly lat: number;
  readonly lon: number;
  /** Abnormal look (ISA-101: colour only when abnormal); undefined = normal, grey. */
  readonly priority?: Priority;
  readonly lastSeen: number;
  /** Interleaved `[lat, lon, …]`, oldest first. */
  readonly trail?: Float64Array;
  /** The other configured paths' values, by path (details). */
  readonly fields: readonly { readonly path: string; readonly value: number | string | null }[];
}

/** [south, west, north, east] in degrees. */
export type Bounds = readonly [number, number, number, number];

/** Default trail length when the config does not say. */
export const DEFAULT_TRAIL = 20;
