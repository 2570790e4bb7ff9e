import type { RowsDelta, RowView } from '../../src/rows';

/** One watch's rows as the UI holds them. `rows` is updated in place; `version` says it changed. */
export interface RowsSnapshot {
  readonly rows: ReadonlyMap<string, RowView>;
  /** Rows the worker holds (equal to rows.size once the first delta came). */
  readonly total: number;
  /** Topics the worker did not keep (row cap). */
  readonly dropped: number;
  /** Bumped on every change; 0 until the first delta (the watch is not live yet). */
  readonly version: number;
}

interface Entry {
  readonly rows: Map<string, RowView>;
  snapshot: RowsSnapshot;
  readonly listeners: Set<() => void>;
}

/**
 * Rows per watch id, outside React state: a table of 5 000 rows updating at 1 Hz changes a few
 * rows per frame, so rows are patched in place and only that watch's subscribers hear of it
 * (style.md: widgets subscribe by id). Written only by applyRowsDelta and the rows actions.
 */
const entries = new Map<string, Entry>();
const EMPTY: RowsSnapshot = { rows: new Map(), total: 0, dropped: 0, version: 0 };

function entry(id: string): Entry {
  let e = entries.get(id);
  if (!e) {
    const rows = new Map<string, RowView>();
    e = { rows, snapshot: { ...EMPTY, rows }, listeners: new Set() };
    entries.set(id, e);
  }
  return e;
}

export function applyRowsDelta(d: RowsDelta): void {
  for (const [id, u] of Object.entries(d.watches)) {
    const e = entries.get(id);
    // An update for a watch nobody holds any more (unwatched while the delta was on its way).
    if (!e) continue;
    if (u.full) e.rows.clear();
    for (const r of u.rows) e.rows.set(r.topic, r);
    for (const t of u.removed ?? []) e.rows.delete(t);
    e.snapshot = { rows: e.rows, total: u.total, dropped: u.dropped ?? 0, version: e.snapshot.version + 1 };
    for (const l of e.listeners) l();
  }
}

export function rowsSnapshot(id: string): RowsSnapshot {
  return entries.get(id)?.snapshot ?? EMPTY;
}

/** Starts holding rows for `id` (before the watch goes to the worker), empty. */
export function openRows(id: string): void {
  const e = entry(id);
  e.rows.clear();
  e.snapshot = { ...EMPTY, rows: e.rows };
  for (const l of e.listeners) l();
}

export function closeRows(id: string): void {
  const e = entries.get(id);
  if (!e) return;
  e.rows.clear();
  if (e.listeners.size === 0) entries.delete(id);
  else {
    e.snapshot = { ...EMPTY, rows: e.rows };
    for (const l of e.listeners) l();
  }
}

export function subscribeRows(id: string, listener: () => void): () => void {
  const e = entry(id);
  e.listeners.add(listener);
  return () => {
    e.listeners.delete(listener);
    if (e.listeners.size === 0 && e.snapshot.version === 0 && e.rows.size === 0) entries.delete(id);
  };
}
