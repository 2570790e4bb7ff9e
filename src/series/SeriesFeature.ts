import { assertNever, type EngineFeature, type EngineHost, type FeatureFactory, type MessageContext } from '../engine';
import type { ConnectionStatus } from '../mqtt';
import { ChartWatches } from './ChartWatches';
import { exportSeries } from './exportSeries';
import { LatestBatch } from './LatestBatch';
import { SeriesHistory } from './SeriesHistory';
import type { SeriesPersistence } from './seriesPersistence';
import { SeriesSet } from './SeriesSet';
import { TopicFields } from './TopicFields';
import type { TrackedSeries } from './TrackedSeries';
import { WakeTimer } from './WakeTimer';
import type { SeriesCommand, SeriesDelta, SeriesExport, SeriesStats, TopicSuggestion } from './types';

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

/**
 * Series recording, downsampling and history (issue 4), as an engine feature in the worker.
 * The parts: SeriesSet (what is recorded, the hot path), LatestBatch (newest values, paced),
 * ChartWatches (charts on screen and their frames), SeriesHistory (saving and restoring),
 * TopicFields (autocomplete), exportSeries (CSV). This class routes commands and builds the delta.
 */
export class SeriesFeature implements EngineFeature<'series'> {
  readonly key = 'series' as const;
  private readonly set: SeriesSet;
  private readonly latest: LatestBatch;
  private readonly watches: ChartWatches;
  private readonly fields: TopicFields;
  private readonly history: SeriesHistory | null;
  private readonly wakeTimer: WakeTimer;
  private suggestions: { reqId: number; items: TopicSuggestion[] } | null = null;
  private exports: SeriesExport[] = [];
  private statsDue = false;
  private readonly connState = new Map<string, ConnectionStatus['state']>();
  /** Bound once: the hot path passes it for every message. */
  private readonly markLatest = (s: TrackedSeries): void => this.latest.mark(s);

  constructor(
    private readonly host: EngineHost,
    options: SeriesOptions = {},
  ) {
    const opts = {
      capacity: DEFAULT_CAPACITY,
      budgetPoints: DEFAULT_BUDGET_POINTS,
      retentionMs: 3_600_000,
      saveEveryMs: 5000,
      frameIntervalMs: 250,
      latestIntervalMs: 200,
      maxTopics: 20_000,
      ...options,
    };
    this.set = new SeriesSet(opts.capacity, opts.budgetPoints);
    this.latest = new LatestBatch(opts.latestIntervalMs);
    this.watches = new ChartWatches(opts.frameIntervalMs);
    this.fields = new TopicFields(opts.maxTopics);
    this.history = options.persistence ? new SeriesHistory(options.persistence, opts, host.clock.now()) : null;
    this.wakeTimer = new WakeTimer(host.clock, () => host.wake());
  }

  handle(cmd: SeriesCommand): boolean {
    switch (cmd.type) {
      case 'series/track':
        this.track(cmd);
        break;
      case 'series/watch':
        this.watches.watch(cmd);
        break;
      case 'series/unwatch':
        this.watches.unwatch(cmd.id);
        return true;
      case 'series/suggest':
        this.suggestions = { reqId: cmd.reqId, items: this.fields.suggest(cmd.text, Math.min(200, cmd.limit ?? 50)) };
        break;
      case 'series/export':
        this.exports.push(exportSeries(this.set.all, cmd.reqId, cmd.keys, cmd.range ?? null));
        break;
      default:
        return assertNever(cmd, 'series command');
    }
    this.host.wake();
    return true;
  }

  onMessage(ctx: MessageContext): void {
    this.fields.observe(ctx.connectionId, ctx.topic, ctx.decoded, ctx.now);
    this.set.ingest(ctx.connectionId, ctx.topic, ctx.decoded, ctx.now, this.markLatest);
  }

  onConnectionStatus(status: ConnectionStatus): void {
    const before = this.connState.get(status.id);
    this.connState.set(status.id, status.state);
    if (before !== 'connected' || status.state === 'connected') return;
    // The broker went away: break every line it fed, so the outage shows as a gap.
    this.set.markGaps(status.id);
    this.host.wake();
  }

  onTick(now: number): void {
    this.statsDue = true;
    this.history?.tick(now, this.set.all.values(), this.set.perSeries);
  }

  flush(now: number): SeriesDelta | undefined {
    const { latest, waitMs } = this.latest.take(now);
    if (waitMs !== undefined) this.wakeTimer.in(waitMs);
    const { frames, nextDueMs } = this.watches.due(now, this.set.all);
    if (nextDueMs < Infinity) this.wakeTimer.in(nextDueMs);
    const out: { -readonly [K in keyof SeriesDelta]: SeriesDelta[K] } = {};
    if (latest) out.latest = latest;
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
    return {
      series: this.set.all.size,
      ...this.set.usage(),
      capacityPerSeries: this.set.perSeries,
      droppedPoints: this.set.droppedPoints,
      outOfOrder: this.set.outOfOrder,
      backfilled: this.set.backfilled,
      droppedTopics: this.fields.dropped,
      persistErrors: this.history?.errors ?? 0,
    };
  }

  private track(cmd: Extract<SeriesCommand, { type: 'series/track' }>): void {
    for (const s of this.set.track(cmd.series, cmd.capacity)) {
      // A new series starts from its topic's newest payload (a retained state, a slow sensor).
      const last = this.fields.lastOf(s.spec.connection, s.spec.topic);
      if (last && s.ingest(last.connection, s.spec.topic, last.decoded, last.at) !== 'none') this.latest.mark(s);
      this.history?.restore(s, this.host.clock.now(), (restoredLatest) => {
        if (this.set.all.get(s.key) !== s) return;
        if (restoredLatest) s.carryFrom(restoredLatest);
        if (restoredLatest && !s.latest) {
          s.latest = restoredLatest;
          this.latest.mark(s);
        }
        this.host.wake();
      });
    }
  }
}

export function seriesFeature(options: SeriesOptions = {}): FeatureFactory {
  return (host) => new SeriesFeature(host, options);
}
