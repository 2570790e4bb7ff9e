import type { EngineFeature, EngineHost, FeatureCommand, FeatureFactory, MessageContext, TimerId } from '../engine';
import type { ConnectionStatus } from '../mqtt';
import { ChartWatches } from './ChartWatches';
import { seriesKey } from './seriesKey';
import { loadHistory, saveHistory, type SeriesPersistence } from './seriesPersistence';
import { TopicFields } from './TopicFields';
import { TrackedSeries } from './TrackedSeries';
import type { SeriesCommand, SeriesDelta, SeriesExport, SeriesLatest, SeriesSpec, SeriesStats, TimeRange, TopicSuggestion } from './types';

export interface SeriesOptions {
  /** Where history goes to survive a reload; null keeps it in memory only. */
  readonly persistence?: SeriesPersistence | null;
  /** Points per series: 36 000 = 1 h at 10 Hz (issue 4). */
  readonly capacity?: number;
  /** Points over all series; per-series capacity shrinks to fit (16 bytes per point). */
  readonly budgetPoints?: number;
  /** Saved history older than this is deleted. */
  readonly retentionMs?: number;
  readonly saveEveryMs?: number;
  /** Shortest interval between two frames of one live chart (≈4 per second). */
  readonly frameIntervalMs?: number;
  /** Shortest interval between two batches of newest values. */
  readonly latestIntervalMs?: number;
  readonly maxTopics?: number;
}

export const DEFAULT_CAPACITY = 36_000;
export const DEFAULT_BUDGET_POINTS = 8_000_000;

const SWEEP_EVERY_MS = 10 * 60_000;

/** Series recording, downsampling and history (issue 4). Runs in the engine worker. */
export class SeriesFeature implements EngineFeature<'series'> {
  readonly key = 'series' as const;
  private readonly series = new Map<string, TrackedSeries>();
  private readonly byTopic = new Map<string, TrackedSeries[]>();
  private readonly watches: ChartWatches;
  private readonly fields: TopicFields;
  private readonly latestDirty = new Set<TrackedSeries>();
  private lastLatestAt = -Infinity;
  private suggestions: { reqId: number; items: TopicSuggestion[] } | null = null;
  private exports: SeriesExport[] = [];
  private statsDue = false;
  private capacity: number;
  private perSeries: number;
  private droppedPoints = 0;
  private outOfOrder = 0;
  private persistErrors = 0;
  private nextSaveAt: number;
  private nextSweepAt: number;
  private wakeTimer: TimerId | null = null;
  private wakeAt = Infinity;
  private readonly connState = new Map<string, ConnectionStatus['state']>();
  private readonly opts: Required<Omit<SeriesOptions, 'persistence'>>;
  private readonly persistence: SeriesPersistence | null;

  constructor(
    private readonly host: EngineHost,
    options: SeriesOptions = {},
  ) {
    this.opts = {
      capacity: DEFAULT_CAPACITY,
      budgetPoints: DEFAULT_BUDGET_POINTS,
      retentionMs: 3_600_000,
      saveEveryMs: 5000,
      frameIntervalMs: 250,
      latestIntervalMs: 200,
      maxTopics: 20_000,
      ...options,
    };
    this.persistence = options.persistence ?? null;
    this.capacity = this.opts.capacity;
    this.perSeries = this.capacity;
    this.fields = new TopicFields(this.opts.maxTopics);
    this.watches = new ChartWatches(this.opts.frameIntervalMs);
    const now = host.clock.now();
    this.nextSaveAt = now + this.opts.saveEveryMs;
    this.nextSweepAt = now;
  }

  handle(cmd: FeatureCommand): boolean {
    if (!cmd.type.startsWith('series/')) return false;
    const c = cmd as SeriesCommand;
    switch (c.type) {
      case 'series/track':
        this.track(c.series, c.capacity);
        break;
      case 'series/watch':
        this.watches.watch(c);
        break;
      case 'series/unwatch':
        this.watches.unwatch(c.id);
        return true;
      case 'series/suggest':
        this.suggestions = { reqId: c.reqId, items: this.fields.suggest(c.text, Math.min(200, c.limit ?? 50)) };
        break;
      case 'series/export':
        this.exports.push(this.exportOf(c.reqId, c.keys, c.range ?? null));
        break;
      default:
        return false;
    }
    this.host.wake();
    return true;
  }

  onMessage(ctx: MessageContext): void {
    this.fields.observe(ctx.connectionId, ctx.topic, ctx.decoded, ctx.now);
    const list = this.byTopic.get(ctx.topic);
    if (!list) return;
    for (let i = 0; i < list.length; i++) {
      const s = list[i];
      if (s.spec.connection && s.spec.connection !== ctx.connectionId) continue;
      const result = s.ingest(ctx.connectionId, ctx.decoded, ctx.now);
      if (result === 'late') this.outOfOrder++;
      else if (result !== 'none') this.latestDirty.add(s);
    }
  }

  onConnectionStatus(status: ConnectionStatus): void {
    const before = this.connState.get(status.id);
    this.connState.set(status.id, status.state);
    if (before !== 'connected' || status.state === 'connected') return;
    // The broker went away: break every line it fed, so the outage shows as a gap.
    for (const s of this.series.values()) {
      if ((s.spec.connection || s.lastConn) === status.id) s.markGap();
    }
    this.host.wake();
  }

  onTick(now: number): void {
    this.statsDue = true;
    if (this.persistence && now >= this.nextSaveAt) {
      this.nextSaveAt = now + this.opts.saveEveryMs;
      for (const s of this.series.values()) {
        if (s.pending) void saveHistory(this.persistence, s, this.perSeries).catch(() => this.persistErrors++);
      }
    }
    if (this.persistence && now >= this.nextSweepAt) {
      this.nextSweepAt = now + SWEEP_EVERY_MS;
      void this.persistence.sweep(now - this.opts.retentionMs).catch(() => this.persistErrors++);
    }
  }

  flush(now: number): SeriesDelta | undefined {
    let latest: SeriesLatest[] | undefined;
    if (this.latestDirty.size) {
      if (now - this.lastLatestAt >= this.opts.latestIntervalMs) {
        latest = [];
        for (const s of this.latestDirty) if (s.latest) latest.push(s.latest);
        this.latestDirty.clear();
        this.lastLatestAt = now;
      } else this.wakeIn(this.lastLatestAt + this.opts.latestIntervalMs - now);
    }
    const { frames, nextDueMs } = this.watches.due(now, this.series);
    if (nextDueMs < Infinity) this.wakeIn(nextDueMs);
    const out: { -readonly [K in keyof SeriesDelta]: SeriesDelta[K] } = {};
    if (latest?.length) out.latest = latest;
    if (frames.length) out.frames = frames;
    if (this.suggestions) out.suggestions = this.suggestions;
    if (this.exports.length) out.exports = this.exports;
    if (this.statsDue) out.stats = this.stats();
    this.suggestions = null;
    this.exports = [];
    this.statsDue = false;
    return Object.keys(out).length ? out : undefined;
  }

  stats(): SeriesStats {
    let points = 0;
    let bytes = 0;
    for (const s of this.series.values()) {
      points += s.ring.size;
      bytes += s.ring.bytes;
    }
    return {
      series: this.series.size,
      points,
      bytes,
      capacityPerSeries: this.perSeries,
      droppedPoints: this.droppedPoints,
      outOfOrder: this.outOfOrder,
      droppedTopics: this.fields.dropped,
      persistErrors: this.persistErrors,
    };
  }

  private track(specs: readonly SeriesSpec[], capacity: number | undefined): void {
    if (capacity && capacity > 1) this.capacity = Math.floor(capacity);
    const wanted = new Map<string, SeriesSpec>();
    for (const spec of specs) wanted.set(seriesKey(spec.connection, spec.topic, spec.path), spec);
    for (const key of [...this.series.keys()]) if (!wanted.has(key)) this.series.delete(key);
    this.perSeries = Math.max(2, Math.min(this.capacity, Math.floor(this.opts.budgetPoints / Math.max(1, wanted.size))));
    for (const [key, spec] of wanted) {
      const existing = this.series.get(key);
      if (existing) {
        existing.spec = spec;
        this.droppedPoints += existing.ring.setCapacity(this.perSeries);
        continue;
      }
      const s = new TrackedSeries(key, spec, this.perSeries);
      this.series.set(key, s);
      const last = this.fields.lastOf(spec.connection, spec.topic);
      if (last && s.ingest(last.connection, last.decoded, last.at) !== 'none') this.latestDirty.add(s);
      if (this.persistence) this.restore(s);
    }
    this.byTopic.clear();
    for (const s of this.series.values()) {
      const list = this.byTopic.get(s.spec.topic);
      if (list) list.push(s);
      else this.byTopic.set(s.spec.topic, [s]);
    }
  }

  private restore(s: TrackedSeries): void {
    s.restoring = true;
    loadHistory(this.persistence!, s, this.host.clock.now() - this.opts.retentionMs)
      .then((restoredLatest) => {
        s.restoring = false;
        if (this.series.get(s.key) !== s) return;
        if (restoredLatest && !s.latest) {
          s.latest = restoredLatest;
          this.latestDirty.add(s);
        }
        this.host.wake();
      })
      .catch(() => {
        s.restoring = false;
        this.persistErrors++;
      });
  }

  private exportOf(reqId: number, keys: readonly string[], range: TimeRange | null): SeriesExport {
    return {
      reqId,
      series: keys.map((key) => {
        const ring = this.series.get(key)?.ring;
        if (!ring) return { key, t: new Float64Array(0), v: new Float64Array(0) };
        return { key, ...ring.slice(range ? ring.lowerBound(range.from) : 0, range ? ring.upperBound(range.to) : ring.size) };
      }),
    };
  }

  private wakeIn(ms: number): void {
    const at = this.host.clock.now() + Math.max(1, ms);
    if (this.wakeTimer !== null && this.wakeAt <= at) return;
    if (this.wakeTimer !== null) this.host.clock.clearTimer(this.wakeTimer);
    this.wakeAt = at;
    this.wakeTimer = this.host.clock.setTimer(() => {
      this.wakeTimer = null;
      this.wakeAt = Infinity;
      this.host.wake();
    }, Math.max(1, ms));
  }
}

export function seriesFeature(options: SeriesOptions = {}): FeatureFactory {
  return (host) => new SeriesFeature(host, options);
}
