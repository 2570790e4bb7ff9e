/** A series: one number in one topic's payloads on one connection. */
export interface SeriesSpec {
  /** Connection id; `''` matches the topic on any connection. */
  readonly connection: string;
  readonly topic: string;
  /** Where the number is (ui-contract.md `path`): `''`, `v`, `a.b[0].c`. */
  readonly path: string;
  /** The payload's own time field (`ts`, ms since epoch or ISO text); receive time when absent. */
  readonly timePath?: string;
  /** Counter handling (ui-contract.md): per-second `rate`, or `increase` per `interval`; both survive counter resets. */
  readonly transform?: SeriesTransform;
  /** Bucket size for `increase`, e.g. `15m`, `1h`, `1d`; buckets aligned to local time. */
  readonly interval?: string;
  /** Topic with wildcards: one series combining every matching topic's (transformed) value. */
  readonly aggregate?: SeriesAggregate;
  /** A counter's wrap boundary (e.g. 65536 for a 16-bit register); 2^32 and 2^64 are inferred. */
  readonly wrapAt?: number;
  /** A factor applied last, after transform and aggregate (3600: kWh/s → kW). */
  readonly scale?: number;
}

export type SeriesTransform = 'rate' | 'increase';
export type SeriesAggregate = 'sum' | 'avg' | 'min' | 'max';

/** A time range in ms since epoch. */
export interface TimeRange {
  readonly from: number;
  readonly to: number;
}

/** Commands from the UI to the series feature (see protocol.ts FeatureCommand). */
export type SeriesCommand =
  /** The full set of series to record (all dashboards' series). Series not listed are freed. */
  | { readonly type: 'series/track'; readonly series: readonly SeriesSpec[]; readonly capacity?: number }
  /**
   * A visible chart: send downsampled points of `keys` for the last `windowMs` (0 = all)
   * ending now, or for `range` (paused, zoomed), at about `widthPx` points per series.
   */
  | {
      readonly type: 'series/watch';
      readonly id: string;
      readonly keys: readonly string[];
      readonly windowMs: number;
      readonly range?: TimeRange | null;
      readonly widthPx: number;
    }
  | { readonly type: 'series/unwatch'; readonly id: string }
  /** Topics (with their numeric fields) whose name contains `text`, for autocomplete. */
  | { readonly type: 'series/suggest'; readonly reqId: number; readonly text: string; readonly limit?: number }
  /** Full-resolution points, for CSV export. */
  | { readonly type: 'series/export'; readonly reqId: number; readonly keys: readonly string[]; readonly range?: TimeRange | null };

/** A series' newest value. */
export interface SeriesLatest {
  readonly key: string;
  /** The number, or null when the newest payload had none there (e.g. a state text). */
  readonly value: number | null;
  /** The leaf as text (lamps map states like "RUNNING"). */
  readonly text?: string;
  /** Series time of the value (payload time when configured). */
  readonly t: number;
  /** When it was received (engine clock); staleness is judged from this. */
  readonly at: number;
  /** True when this value came from history restored after a reload. */
  readonly restored?: boolean;
}

export interface SeriesFrameItem {
  readonly key: string;
  /** Interleaved `[t0, v0, t1, v1, …]`; a NaN value is a gap. */
  readonly xy: Float64Array;
}

/** Points for one watch, downsampled to its pixel width. */
export interface SeriesFrame {
  readonly id: string;
  readonly from: number;
  readonly to: number;
  readonly series: readonly SeriesFrameItem[];
}

export interface TopicSuggestion {
  readonly connection: string;
  readonly topic: string;
  /** Numeric fields seen so far (contract paths; `''` = the whole payload). */
  readonly fields: readonly string[];
  /** Text fields seen so far (states for lamps). */
  readonly textFields: readonly string[];
  /** The newest payload's text when short (≤ 1 KiB): a new gauge suggests its unit and range from it. */
  readonly last?: string;
}

export interface SeriesExport {
  readonly reqId: number;
  readonly series: readonly { readonly key: string; readonly t: Float64Array; readonly v: Float64Array }[];
}

export interface SeriesStats {
  readonly series: number;
  readonly points: number;
  /** Typed-array bytes held by all ring buffers. */
  readonly bytes: number;
  readonly capacityPerSeries: number;
  /** Points lost because the global memory budget shrank per-series capacity. */
  readonly droppedPoints: number;
  /**
   * Points refused for their time: older than everything a full ring holds, or a counter
   * reading older than its source's previous one (a rate needs readings in order).
   */
  readonly outOfOrder: number;
  /** Points older than a series' newest, inserted in time order (store-and-forward backfill). */
  readonly backfilled?: number;
  /** Topics not indexed for autocomplete because the index was full. */
  readonly droppedTopics: number;
  /** History write failures (IndexedDB unavailable or full). */
  readonly persistErrors: number;
}

/** The series feature's part of a delta. */
export interface SeriesDelta {
  readonly latest?: readonly SeriesLatest[];
  readonly frames?: readonly SeriesFrame[];
  readonly suggestions?: { readonly reqId: number; readonly items: readonly TopicSuggestion[] };
  readonly exports?: readonly SeriesExport[];
  readonly stats?: SeriesStats;
}
