import type { DecodedPayload } from '../payload';
import { compileFilter, isWildcardFilter, type TopicMatcher } from '../topics';
import { seriesKey, seriesVariant } from './seriesKey';
import { TrackedSeries } from './TrackedSeries';
import type { SeriesSpec } from './types';

/**
 * The series being recorded, indexed by topic for the hot path, and the memory budget they
 * share: with many series, each one's capacity shrinks so that all of them fit (issue 4).
 */
export class SeriesSet {
  private readonly byKey = new Map<string, TrackedSeries>();
  private readonly byTopic = new Map<string, TrackedSeries[]>();
  /** Series whose topic is a wildcard filter (aggregates): checked against every message's topic. */
  private wildcards: { readonly match: TopicMatcher; readonly s: TrackedSeries }[] = [];
  private capacity: number;
  /** Points per series: the capacity, or less when the budget is shared by many series. */
  perSeries: number;
  /** Points lost because the budget shrank per-series capacity. */
  droppedPoints = 0;
  /** Points refused for their time (older than a full ring holds, or an out-of-order counter reading). */
  outOfOrder = 0;
  /** Older points inserted in time order (store-and-forward backfill). */
  backfilled = 0;

  constructor(
    capacity: number,
    private readonly budgetPoints: number,
  ) {
    this.capacity = capacity;
    this.perSeries = capacity;
  }

  /** Read-only view by series key (watches, exports). */
  get all(): ReadonlyMap<string, TrackedSeries> {
    return this.byKey;
  }

  /**
   * Makes `specs` the full set of recorded series (`series/track`): series not listed are freed,
   * kept ones take the new spec and capacity. Returns the series that are new.
   */
  track(specs: readonly SeriesSpec[], capacity: number | undefined): TrackedSeries[] {
    if (capacity && capacity > 1) this.capacity = Math.floor(capacity);
    const wanted = new Map<string, SeriesSpec>();
    for (const spec of specs) wanted.set(seriesKey(spec.connection, spec.topic, spec.path, seriesVariant(spec)), spec);
    for (const key of [...this.byKey.keys()]) if (!wanted.has(key)) this.byKey.delete(key);
    this.perSeries = Math.max(2, Math.min(this.capacity, Math.floor(this.budgetPoints / Math.max(1, wanted.size))));
    const added: TrackedSeries[] = [];
    for (const [key, spec] of wanted) {
      const existing = this.byKey.get(key);
      if (existing) {
        existing.setSpec(spec);
        this.droppedPoints += existing.ring.setCapacity(this.perSeries);
        continue;
      }
      const s = new TrackedSeries(key, spec, this.perSeries);
      this.byKey.set(key, s);
      added.push(s);
    }
    this.byTopic.clear();
    this.wildcards = [];
    for (const s of this.byKey.values()) {
      if (isWildcardFilter(s.spec.topic)) {
        this.wildcards.push({ match: compileFilter(s.spec.topic), s });
        continue;
      }
      const list = this.byTopic.get(s.spec.topic);
      if (list) list.push(s);
      else this.byTopic.set(s.spec.topic, [s]);
    }
    return added;
  }

  /**
   * Hot path: records the message in every series of its topic (and connection), calling
   * `changed` for each series whose newest value changed. Allocation-free when nothing is tracked.
   */
  ingest(connectionId: string, topic: string, decoded: DecodedPayload, now: number, changed: (s: TrackedSeries) => void): void {
    const list = this.byTopic.get(topic);
    if (list) for (let i = 0; i < list.length; i++) this.feed(list[i], connectionId, topic, decoded, now, changed);
    const wild = this.wildcards;
    for (let i = 0; i < wild.length; i++) if (wild[i].match(topic)) this.feed(wild[i].s, connectionId, topic, decoded, now, changed);
  }

  private feed(s: TrackedSeries, connectionId: string, topic: string, decoded: DecodedPayload, now: number, changed: (s: TrackedSeries) => void): void {
    if (s.spec.connection && s.spec.connection !== connectionId) return;
    const result = s.ingest(connectionId, topic, decoded, now);
    if (result === 'late') this.outOfOrder++;
    else if (result === 'backfill') {
      this.backfilled++;
      // The newest value is unchanged, but charts on screen must redraw (their version moved).
    } else if (result !== 'none') changed(s);
  }

  /** Breaks every line the connection fed, so an outage shows as a gap. */
  markGaps(connectionId: string): void {
    for (const s of this.byKey.values()) {
      if ((s.spec.connection || s.lastConn) === connectionId) s.markGap();
    }
  }

  /** Points held and their typed-array bytes, over all series. */
  usage(): { points: number; bytes: number } {
    let points = 0;
    let bytes = 0;
    for (const s of this.byKey.values()) {
      points += s.ring.size;
      bytes += s.ring.bytes;
    }
    return { points, bytes };
  }
}
