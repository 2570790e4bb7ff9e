import { downsampleMinMax } from './downsample';
import type { TrackedSeries } from './TrackedSeries';
import type { SeriesCommand, SeriesFrame, TimeRange } from './types';

type WatchCommand = Extract<SeriesCommand, { type: 'series/watch' }>;

interface Watch {
  keys: readonly string[];
  windowMs: number;
  range: TimeRange | null;
  widthPx: number;
  lastSentAt: number;
  sentVersion: number;
  force: boolean;
}

/** A live chart is redrawn at least this often even without data, so its time axis moves. */
export const LIVE_IDLE_MS = 1000;
const PAUSED_REFRESH_MS = 2000;
/** When more charts are due than one delta should carry, the rest follow this much later. */
export const FRAME_SPREAD_MS = 16;
/** All live charts together are redrawn at most this often per second. */
const MAX_REDRAWS_PER_S = 40;

/**
 * The charts on screen (`series/watch`) and when each is due for a new downsampled frame
 * (issue 4): often enough that the time axis moves smoothly, rarely enough that many charts do
 * not make the UI's frames long.
 */
export class ChartWatches {
  private readonly watches = new Map<string, Watch>();

  /** `frameIntervalMs`: shortest interval between two frames of one live chart. */
  constructor(private readonly frameIntervalMs: number) {}

  watch(c: WatchCommand): void {
    const old = this.watches.get(c.id);
    this.watches.set(c.id, {
      keys: [...c.keys],
      windowMs: Math.max(0, c.windowMs),
      range: c.range ?? null,
      widthPx: Math.max(1, Math.min(8192, Math.round(c.widthPx))),
      lastSentAt: old?.lastSentAt ?? -Infinity,
      sentVersion: -1,
      force: true,
    });
  }

  unwatch(id: string): void {
    this.watches.delete(id);
  }

  /** The frames due at `now`, and in how many ms the next one will be (Infinity: none waiting). */
  due(now: number, series: ReadonlyMap<string, TrackedSeries>): { frames: SeriesFrame[]; nextDueMs: number } {
    const due: [string, Watch, number][] = [];
    let nextDue = Infinity;
    // Many live charts share a budget of redraws per second (each redraw costs the UI a few ms).
    const interval = Math.max(this.frameIntervalMs, (this.watches.size * 1000) / MAX_REDRAWS_PER_S);
    for (const [id, w] of this.watches) {
      let version = 0;
      for (const k of w.keys) version += series.get(k)?.version ?? 0;
      const changed = version !== w.sentVersion;
      const since = now - w.lastSentAt;
      // A live chart need not redraw faster than its time axis moves by a pixel (1 h on 600 px: 6 s),
      // but does at least once a second.
      const every = w.range ? PAUSED_REFRESH_MS : Math.min(LIVE_IDLE_MS, Math.max(interval, w.windowMs / w.widthPx));
      const isDue = w.force || (changed && since >= every) || (!w.range && since >= Math.max(LIVE_IDLE_MS, interval));
      if (isDue) due.push([id, w, version]);
      else if (changed) nextDue = Math.min(nextDue, every - since);
    }
    // Spread the charts over the frames of one interval instead of redrawing all of them in the
    // same frame (20 charts at once make one long frame 4 times a second): new watches first,
    // then the longest-waiting.
    const perFlush = Math.max(2, Math.ceil(this.watches.size / 12));
    if (due.length > perFlush) {
      due.sort((a, b) => Number(b[1].force) - Number(a[1].force) || a[1].lastSentAt - b[1].lastSentAt);
      due.length = perFlush;
      nextDue = Math.min(nextDue, FRAME_SPREAD_MS);
    }
    const frames: SeriesFrame[] = [];
    for (const [id, w, version] of due) {
      frames.push(frameOf(series, id, w, now));
      w.force = false;
      w.lastSentAt = now;
      w.sentVersion = version;
    }
    return { frames, nextDueMs: nextDue };
  }
}

function frameOf(series: ReadonlyMap<string, TrackedSeries>, id: string, w: Watch, now: number): SeriesFrame {
  const list = w.keys.map((k) => series.get(k));
  let to = now;
  let from: number;
  if (w.range) {
    ({ from, to } = w.range);
  } else {
    // A device clock slightly ahead of ours must not push its newest points off the chart.
    for (const s of list) if (s?.ring.size && s.ring.lastTime > to && s.ring.lastTime < now + 60_000) to = s.ring.lastTime;
    if (w.windowMs > 0) from = to - w.windowMs;
    else {
      from = to;
      for (const s of list) if (s?.ring.size && s.ring.firstTime < from) from = s.ring.firstTime;
      if (from === to) from = to - 60_000;
    }
  }
  const buckets = Math.ceil(w.widthPx / 2);
  return {
    id,
    from,
    to,
    series: w.keys.map((key, i) => ({ key, xy: list[i] ? downsampleMinMax(list[i]!.ring.view(), from, to, buckets) : new Float64Array(0) })),
  };
}
