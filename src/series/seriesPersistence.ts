import { getDb } from '../storage';
import type { RingBuffer } from './RingBuffer';
import type { SeriesLatest } from './types';

/**
 * Where recent series history goes so charts survive a reload (issue 4). History is written
 * as append-only chunks (a few seconds of points each), so a save costs only the new points;
 * old chunks are deleted by count per series and by age overall, which keeps the store bounded.
 */
export interface HistoryChunk {
  readonly id: string;
  readonly t: Float64Array;
  readonly v: Float64Array;
}

export interface SeriesPersistence {
  /** All chunks of a series, oldest first. */
  load(seriesKey: string): Promise<HistoryChunk[]>;
  /** Stores points (time-ordered) as a new chunk; returns its id. */
  append(seriesKey: string, t: Float64Array, v: Float64Array): Promise<string>;
  remove(chunkIds: readonly string[]): Promise<void>;
  /** Deletes every chunk whose last point is older than `olderThan` (ms since epoch). */
  sweep(olderThan: number): Promise<number>;
}

/** Chunk ids sort by series, then end time: `<seriesKey>\u0001<end time, 15 digits>-<n>`. */
const CHUNK_SEP = '\u0001';
let chunkSeq = 0;

export function chunkId(seriesKey: string, endTime: number): string {
  const end = Math.max(0, Math.min(999_999_999_999_999, Math.floor(endTime)));
  return `${seriesKey}${CHUNK_SEP}${String(end).padStart(15, '0')}-${(chunkSeq++ % 1e6).toString().padStart(6, '0')}`;
}

export function chunkEndTime(id: string): number {
  const i = id.lastIndexOf(CHUNK_SEP);
  return i < 0 ? NaN : Number(id.slice(i + 1, i + 16));
}

const lastTime = (t: Float64Array) => (t.length ? t[t.length - 1] : 0);

/** For tests and for when IndexedDB is unavailable. */
export function memoryPersistence(): SeriesPersistence & { readonly chunks: Map<string, HistoryChunk> } {
  const chunks = new Map<string, HistoryChunk>();
  return {
    chunks,
    async load(seriesKey) {
      const prefix = seriesKey + CHUNK_SEP;
      return [...chunks.values()].filter((c) => c.id.startsWith(prefix)).sort((a, b) => (a.id < b.id ? -1 : 1));
    },
    async append(seriesKey, t, v) {
      const id = chunkId(seriesKey, lastTime(t));
      chunks.set(id, { id, t: t.slice(), v: v.slice() });
      return id;
    },
    async remove(ids) {
      for (const id of ids) chunks.delete(id);
    },
    async sweep(olderThan) {
      let n = 0;
      for (const id of [...chunks.keys()]) {
        if (chunkEndTime(id) < olderThan) {
          chunks.delete(id);
          n++;
        }
      }
      return n;
    },
  };
}

/** The `series` store of the app's IndexedDB (src/storage/db.ts); works inside the worker. */
export function indexedDbPersistence(dbName?: string): SeriesPersistence {
  const db = () => getDb(dbName);
  return {
    async load(seriesKey) {
      const range = IDBKeyRange.bound(seriesKey + CHUNK_SEP, seriesKey + CHUNK_SEP + '\uffff');
      const tx = (await db()).transaction('series');
      const [keys, values] = await Promise.all([tx.store.getAllKeys(range), tx.store.getAll(range)]);
      return keys.map((id, i) => {
        const value = values[i] as { t: Float64Array; v: Float64Array };
        return { id, t: value.t, v: value.v };
      });
    },
    async append(seriesKey, t, v) {
      const id = chunkId(seriesKey, lastTime(t));
      await (await db()).put('series', { t, v }, id);
      return id;
    },
    async remove(ids) {
      if (!ids.length) return;
      const tx = (await db()).transaction('series', 'readwrite');
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
    },
    async sweep(olderThan) {
      const tx = (await db()).transaction('series', 'readwrite');
      let n = 0;
      for (let cursor = await tx.store.openKeyCursor(); cursor; cursor = await cursor.continue()) {
        if (chunkEndTime(cursor.key) < olderThan) {
          await tx.store.delete(cursor.key);
          n++;
        }
      }
      await tx.done;
      return n;
    },
  };
}

/** What loadHistory/saveHistory need of a series (TrackedSeries). */
export interface PersistedSeries {
  readonly key: string;
  readonly ring: RingBuffer;
  version: number;
  pending: number;
  persistedPoints: number;
  readonly chunks: { id: string; n: number }[];
  /** True until this session's first chunk is written: that chunk starts with a gap marker. */
  sessionStart?: boolean;
  /** Backfilled points older than the saved ones (TrackedSeries): saved as a chunk of their own. */
  readonly backfill?: { t: number[]; v: number[] };
  /** An `increase` series holds bucket totals, not a line: no gap after restored history. */
  readonly spec?: { readonly transform?: string };
}

/**
 * Writes the points pushed since the last save as one chunk, then deletes the oldest chunks
 * beyond `capacity` points. A session's first chunk starts with a gap marker: the time
 * between the previous page and this one has no data and must not be drawn as a line.
 */
export async function saveHistory(p: SeriesPersistence, s: PersistedSeries, capacity: number): Promise<void> {
  if (s.backfill?.t.length) await saveBackfill(p, s);
  const n = Math.min(s.pending, s.ring.size);
  s.pending = 0;
  if (!n) return;
  let { t, v } = s.ring.slice(s.ring.size - n);
  // An `increase` series holds bucket totals, not a line: no gap marker between sessions.
  const lineGap = s.spec?.transform !== 'increase';
  if (s.sessionStart !== false && !lineGap) s.sessionStart = false;
  if (s.sessionStart !== false) {
    s.sessionStart = false;
    const gt = new Float64Array(n + 1);
    const gv = new Float64Array(n + 1);
    gt[0] = t[0];
    gv[0] = NaN;
    gt.set(t, 1);
    gv.set(v, 1);
    t = gt;
    v = gv;
  }
  await appendChunk(p, s, t, v);
  const drop: string[] = [];
  while (s.persistedPoints > capacity && s.chunks.length > 1) {
    const c = s.chunks.shift()!;
    s.persistedPoints -= c.n;
    drop.push(c.id);
  }
  if (drop.length) await p.remove(drop);
}

async function appendChunk(p: SeriesPersistence, s: PersistedSeries, t: Float64Array, v: Float64Array): Promise<void> {
  const id = await p.append(s.key, t, v);
  s.chunks.push({ id, n: t.length });
  s.persistedPoints += t.length;
}

/** Backfilled points (store-and-forward) as one time-ordered chunk; loading merges chunks by time. */
async function saveBackfill(p: SeriesPersistence, s: PersistedSeries): Promise<void> {
  const bf = s.backfill!;
  const order = bf.t.map((_, i) => i).sort((a, b) => bf.t[a] - bf.t[b]);
  const t = Float64Array.from(order, (i) => bf.t[i]);
  const v = Float64Array.from(order, (i) => bf.v[i]);
  bf.t.length = 0;
  bf.v.length = 0;
  await appendChunk(p, s, t, v);
}

/**
 * Chunks' points in time order. Chunks are time-ordered each and usually follow each other;
 * backfill chunks overlap others, so then the points are merged by time (stable: a later chunk's
 * point at the same time follows, and replaces an earlier value there, e.g. a live `increase`
 * bucket saved twice). Gap markers (NaN) are kept.
 */
export function mergeChunks(chunks: readonly { t: Float64Array; v: Float64Array }[]): { t: Float64Array; v: Float64Array } {
  let n = 0;
  for (const c of chunks) n += c.t.length;
  const t = new Float64Array(n);
  const v = new Float64Array(n);
  let o = 0;
  let sorted = true;
  for (const c of chunks) {
    if (o && c.t.length && c.t[0] < t[o - 1]) sorted = false;
    t.set(c.t, o);
    v.set(c.v, o);
    o += c.t.length;
  }
  if (sorted && !hasRepeats(t, v)) return { t, v };
  const order = Array.from(t, (_, i) => i).sort((a, b) => t[a] - t[b]);
  const mt: number[] = [];
  const mv: number[] = [];
  for (const i of order) {
    const last = mt.length - 1;
    if (last >= 0 && mt[last] === t[i] && !Number.isNaN(mv[last]) && !Number.isNaN(v[i])) mv[last] = v[i];
    else {
      mt.push(t[i]);
      mv.push(v[i]);
    }
  }
  return { t: Float64Array.from(mt), v: Float64Array.from(mv) };
}

/** True when two neighbouring values share a time (a value saved again after it changed). */
function hasRepeats(t: Float64Array, v: Float64Array): boolean {
  for (let i = 1; i < t.length; i++) if (t[i] === t[i - 1] && !Number.isNaN(v[i]) && !Number.isNaN(v[i - 1])) return true;
  return false;
}

/**
 * Puts a series' saved history (chunks ending after `olderThan`) before its live points, with a
 * gap after it. Returns the newest restored value, for widgets to show (as stale) until data comes.
 */
export async function loadHistory(p: SeriesPersistence, s: PersistedSeries, olderThan: number): Promise<SeriesLatest | null> {
  const all = await p.load(s.key);
  const old = all.filter((c) => chunkEndTime(c.id) < olderThan);
  const fresh = all.filter((c) => !(chunkEndTime(c.id) < olderThan));
  if (old.length) await p.remove(old.map((c) => c.id));
  const merged = mergeChunks(fresh);
  const n = merged.t.length;
  if (!n) return null;
  // A line gets a gap after restored history (nothing is known between the two pages).
  const gap = s.spec?.transform !== 'increase';
  const t = new Float64Array(n + (gap ? 1 : 0));
  const v = new Float64Array(t.length);
  t.set(merged.t);
  v.set(merged.v);
  if (gap) {
    t[n] = t[n - 1];
    v[n] = NaN;
  }
  // Points older than the first live one go in front; newer ones (a backfill saved before the
  // reload that reaches past it) are inserted in time order.
  const first = s.ring.size ? s.ring.firstTime : Infinity;
  let end = t.length;
  while (end > 0 && !(t[end - 1] < first)) end--;
  s.ring.prepend(t.subarray(0, end), v.subarray(0, end));
  for (let i = end; i < t.length; i++) s.ring.insert(t[i], v[i]);
  s.version++;
  s.chunks.unshift(...fresh.map((c) => ({ id: c.id, n: c.t.length })));
  for (const c of fresh) s.persistedPoints += c.t.length;
  for (let i = n - 1; i >= 0; i--) {
    if (!Number.isNaN(v[i])) return { key: s.key, value: v[i], t: t[i], at: t[i], restored: true };
  }
  return null;
}
