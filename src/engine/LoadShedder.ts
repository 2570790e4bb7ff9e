import type { NodeRegistry, TopicNode, TopicTrie } from '../topics';
import type { ShedMode, SheddingState } from './protocol';
import type { StatsMeter } from './StatsMeter';

/**
 * Deliberate load shedding (issue 9): when the engine falls behind live — its timers fire late
 * (loop lag) or payloads are older than usual when processed (data age) — for 2 s in a row, it stops
 * keeping message history, first for the busiest topics, then, if that is not enough, for every
 * topic. Live values, charts and alarms are never shed. Each level is left again after 10 s of
 * keeping up. The current state goes to the UI in `EngineHealth.shedding`, which shows it.
 */


/** Loop lag above this means the worker cannot keep up. */
const BEHIND_LAG_MS = 250;
/** Data older than this when processed means messages queue up before the engine gets to them. */
const BEHIND_AGE_MS = 1000;
/** Seconds of data age kept to tell a device's clock offset from a growing delay. */
const AGE_BASELINE_S = 60;
/** Behind this long before shedding (more). */
const ESCALATE_AFTER_MS = 2000;
/** Keeping up this long before shedding less. */
export const RECOVER_AFTER_MS = 10_000;

export class LoadShedder {
  private level = 0;
  private behindSince: number | null = null;
  private okSince: number | null = null;
  private startedAt = 0;
  private reason = '';
  private readonly ages: number[] = [];

  /**
   * Once a second, with that second's figures. Returns the shedding level: 0 none, 1 busiest
   * topics, 2 all topics.
   */
  update(now: number, loopLagMs: number, dataAgeMs: number | null): number {
    // A device whose clock is off makes data look old (or young) for ever: judge the age against
    // the lowest age of the last minute, which is that offset plus the real delay when keeping up.
    let excessAge = 0;
    if (dataAgeMs !== null) {
      this.ages.push(dataAgeMs);
      if (this.ages.length > AGE_BASELINE_S) this.ages.shift();
      excessAge = dataAgeMs - Math.min(...this.ages);
    }
    const why = loopLagMs > BEHIND_LAG_MS
      ? `engine timers ${(loopLagMs / 1000).toFixed(1)} s late`
      : excessAge > BEHIND_AGE_MS
        ? `data ${(excessAge / 1000).toFixed(1)} s older than usual when processed`
        : null;
    if (why) {
      this.okSince = null;
      this.behindSince ??= now;
      if (now - this.behindSince >= ESCALATE_AFTER_MS && this.level < 2) {
        if (this.level === 0) this.startedAt = now;
        this.level++;
        this.reason = why;
        // The next level needs another full period behind.
        this.behindSince = now;
      }
    } else {
      this.behindSince = null;
      this.okSince ??= now;
      if (now - this.okSince >= RECOVER_AFTER_MS && this.level > 0) {
        this.level--;
        this.okSince = now;
      }
    }
    return this.level;
  }

  get mode(): ShedMode | null {
    return this.level === 0 ? null : this.level === 1 ? 'busiest' : 'all';
  }

  state(topics: number): SheddingState | null {
    const mode = this.mode;
    return mode ? { mode, since: this.startedAt, reason: this.reason, topics } : null;
  }
}

/**
 * Points each trie at the topics whose history is off for `mode`: the busiest topics of the last
 * second per connection, or all. Returns how many topics that is.
 */
export function applyShedding(mode: ShedMode | null, conns: Iterable<{ readonly trie: TopicTrie; readonly stats: StatsMeter }>, registry: NodeRegistry): number {
  let topics = 0;
  for (const { trie, stats } of conns) {
    if (mode === null) trie.shed = null;
    else if (mode === 'all') trie.shed = { all: true, nodes: new Set() };
    else {
      const nodes = new Set<TopicNode>();
      for (const id of stats.topIds) {
        const node = registry.get(id);
        if (node) nodes.add(node);
      }
      trie.shed = { all: false, nodes };
    }
    topics += mode === 'all' ? trie.topics : (trie.shed?.nodes.size ?? 0);
  }
  return topics;
}
