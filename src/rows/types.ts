// Type-only (no runtime code): part of the worker⇄UI contract (src/engine/protocol.ts).
// Wildcard rows: one row per topic matching a filter, for tables, maps and dashboard variables.

export interface RowsSpec {
  /** Connection id; `''` matches on any connection. */
  readonly connection: string;
  /** MQTT filter with `+`/`#`, e.g. `fleet/+/status`. */
  readonly topic: string;
  /** Payload paths (contract `path`s) whose values become the row's cells, in order. */
  readonly paths: readonly string[];
  /** Map trails: keep the last `trail` values of paths[0] and paths[1] (lat, lon) per row. */
  readonly trail?: number;
}

export interface RowView {
  readonly connectionId: string;
  readonly topic: string;
  /** What the wildcards stood for, joined with '/', e.g. `truck-07`. */
  readonly key: string;
  /** A cell per spec path: number, text, or null when the newest payload had nothing there. */
  readonly values: readonly (number | string | null)[];
  /** Engine time of the newest message. */
  readonly lastSeen: number;
  /** Interleaved `[lat0, lon0, lat1, lon1, …]`, oldest first (only with `trail`). */
  readonly trail?: Float64Array;
}

export type RowsCommand =
  | { readonly type: 'rows/watch'; readonly id: string; readonly spec: RowsSpec }
  | { readonly type: 'rows/unwatch'; readonly id: string };

export interface RowsUpdate {
  /** True when `rows` is the whole set (first delta after a watch), else only changed rows. */
  readonly full: boolean;
  readonly rows: readonly RowView[];
  /** Topics whose rows are gone (e.g. the topic's retained message was cleared). */
  readonly removed?: readonly string[];
  readonly total: number;
  /** Rows not kept because the watch hit its row cap (counted, shown). */
  readonly dropped?: number;
}

export interface RowsDelta {
  readonly watches: Readonly<Record<string, RowsUpdate>>;
}
