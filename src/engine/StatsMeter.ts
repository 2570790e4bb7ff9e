import { compileFilter, type TopicMatcher } from '../topics';
import type { BusyTopic, ConnectionStats, FilterCost } from './protocol';

const BUSIEST = 10;
const NO_FILTERS: readonly number[] = [];

/**
 * Per-connection traffic meter: msgs/s and bytes/s in and out over the last full second, and the
 * topics that cost the most. Topics are counted by their tree node id in typed arrays, so a
 * message costs two array increments and no allocation (issue 9); ranking happens once a second
 * over the topics seen in that second, and only the top ones are named.
 *
 * Cost per subscription filter: a message counts for every filter of its connection it matches.
 * Which filters a topic matches is worked out once per topic node and cached by node id, so the
 * hot path does not match strings per message; new filters (a reconnect with other settings,
 * a refused SUBACK) drop the cache.
 */
export class StatsMeter {
  private inMsgs = 0;
  private inBytes = 0;
  private outMsgs = 0;
  private outBytes = 0;
  private perN = new Uint32Array(1024);
  private perBytes = new Uint32Array(1024);
  private touched: number[] = [];
  totalIn = 0;
  totalOut = 0;
  /** Node ids of the busiest topics in the last closed window, busiest first. */
  topIds: readonly number[] = [];
  private filters: readonly string[] = [];
  private matchers: readonly TopicMatcher[] = [];
  private filterN = new Float64Array(0);
  private filterBytes = new Float64Array(0);
  /** Per node id: indices of the filters its topic matches (undefined until first seen). */
  private matchCache: (readonly number[] | undefined)[] = [];
  /**
   * One array per distinct set of hits, shared by every topic with that set: an array per topic
   * cost ~80 bytes each (issue 17: a quarter of a million topics' memory).
   */
  private hitSets = new Map<string, readonly number[]>();

  constructor(readonly connectionId: string) {}

  /** The connection's subscription filters, whose cost is reported per filter. */
  setFilters(filters: readonly string[]): void {
    if (filters.length === this.filters.length && filters.every((f, i) => f === this.filters[i])) return;
    this.filters = [...filters];
    // `$share/group/filter` receives what `filter` matches (MQTT 5.0 §4.8.2).
    this.matchers = filters.map((f) => compileFilter(f.startsWith('$share/') ? f.split('/').slice(2).join('/') : f));
    this.filterN = new Float64Array(filters.length);
    this.filterBytes = new Float64Array(filters.length);
    this.matchCache = [];
    this.hitSets = new Map();
  }

  /**
   * @param id the topic's node id (dense, small), or -1 when the topic is not in the tree (topic cap).
   * @param topic the topic name, matched against the filters only the first time a node id is seen.
   */
  countIn(id: number, bytes: number, topic?: string): void {
    this.inMsgs++;
    this.inBytes += bytes;
    this.totalIn++;
    if (topic !== undefined && this.filters.length) {
      const hits = id < 0 ? this.match(topic) : (this.matchCache[id] ??= this.match(topic));
      for (let k = 0; k < hits.length; k++) {
        this.filterN[hits[k]]++;
        this.filterBytes[hits[k]] += bytes;
      }
    }
    if (id < 0) return;
    if (id >= this.perN.length) this.grow(id);
    if (this.perN[id] === 0) this.touched.push(id);
    this.perN[id]++;
    this.perBytes[id] += bytes;
  }

  countOut(bytes: number): void {
    this.outMsgs++;
    this.outBytes += bytes;
    this.totalOut++;
  }

  /** Closes the current window of `elapsedMs` and returns the figures per second. */
  roll(elapsedMs: number, topics: number, nameOf: (id: number) => string): ConnectionStats {
    const per = 1000 / Math.max(1, elapsedMs);
    // Partial selection of the top N: cheap even with many distinct topics in one second.
    const top: number[] = [];
    for (const id of this.touched) {
      if (top.length < BUSIEST || this.perN[id] > this.perN[top[top.length - 1]]) {
        top.push(id);
        top.sort((a, b) => this.perN[b] - this.perN[a]);
        if (top.length > BUSIEST) top.pop();
      }
    }
    this.topIds = top;
    const busiest: BusyTopic[] = top.map((id) => ({ topic: nameOf(id), rate: this.perN[id] * per, bytesRate: this.perBytes[id] * per }));
    for (const id of this.touched) {
      this.perN[id] = 0;
      this.perBytes[id] = 0;
    }
    this.touched = [];
    const filters: FilterCost[] = this.filters.map((filter, i) => ({ filter, msgsPerSec: this.filterN[i] * per, bytesPerSec: this.filterBytes[i] * per }));
    this.filterN.fill(0);
    this.filterBytes.fill(0);
    const stats: ConnectionStats = {
      connectionId: this.connectionId,
      msgsInPerSec: this.inMsgs * per,
      bytesInPerSec: this.inBytes * per,
      msgsOutPerSec: this.outMsgs * per,
      bytesOutPerSec: this.outBytes * per,
      totalIn: this.totalIn,
      totalOut: this.totalOut,
      topics,
      busiest,
      filters,
    };
    this.inMsgs = this.inBytes = this.outMsgs = this.outBytes = 0;
    return stats;
  }

  private match(topic: string): readonly number[] {
    let hits: number[] | undefined;
    for (let i = 0; i < this.matchers.length; i++) if (this.matchers[i](topic)) (hits ??= []).push(i);
    if (!hits) return NO_FILTERS;
    const key = hits.join(',');
    let shared = this.hitSets.get(key);
    if (!shared) this.hitSets.set(key, (shared = hits.slice()));
    return shared;
  }

  private grow(id: number): void {
    const size = Math.max(id + 1, this.perN.length * 2);
    const n = new Uint32Array(size);
    n.set(this.perN);
    const b = new Uint32Array(size);
    b.set(this.perBytes);
    this.perN = n;
    this.perBytes = b;
  }
}
