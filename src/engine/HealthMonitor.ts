import { topicOf, type HistoryBudget, type NodeRegistry } from '../topics';
import type { Conn } from './Connections';
import { DataAge } from './DataAge';
import { applyShedding, LoadShedder } from './LoadShedder';
import type { ConnectionStats, EngineHealth } from './protocol';

/** The engine's once-a-second tick; timers that fire later than this measure loop lag. */
export const TICK_MS = 1000;

/**
 * The once-a-second figures: traffic per connection, and the engine's own health (data age,
 * loop lag, load shedding, what the memory caps dropped). Shedding is decided here too, since
 * it acts on the same second's figures.
 */
export class HealthMonitor {
  private readonly dataAge = new DataAge();
  private readonly shedder = new LoadShedder();
  private truncated = 0;
  private lastTickAt: number;

  constructor(
    now: number,
    private readonly registry: NodeRegistry,
    private readonly budget: HistoryBudget,
  ) {
    this.lastTickAt = now;
  }

  /** Per message: was it cut for display, and how old was its own timestamp (if any) when processed. */
  onMessage(truncated: boolean, ageMs: number | undefined): void {
    if (truncated) this.truncated++;
    if (ageMs !== undefined) this.dataAge.add(ageMs);
  }

  /** Closes the second that ends at `now`. */
  roll(now: number, conns: readonly Conn[]): { stats: ConnectionStats[]; health: EngineHealth } {
    const elapsed = now - this.lastTickAt;
    this.lastTickAt = now;
    const nameOf = (id: number) => {
      const node = this.registry.get(id);
      return node ? topicOf(node) : '';
    };
    const stats = conns.map((c) => c.stats.roll(elapsed, c.trie.topics, nameOf));
    const age = this.dataAge.roll();
    const loopLagMs = Math.max(0, elapsed - TICK_MS);
    this.shedder.update(now, loopLagMs, age.p50);
    const shedTopics = applyShedding(this.shedder.mode, conns, this.registry);
    const health: EngineHealth = {
      dataAgeMs: age.p50,
      dataAgeP95Ms: age.p95,
      loopLagMs,
      shedding: this.shedder.state(shedTopics),
      droppedHistory: this.budget.dropped,
      droppedTopics: conns.reduce((n, c) => n + c.trie.droppedTopics, 0),
      truncatedPayloads: this.truncated,
      historyBytes: this.budget.bytes,
    };
    return { stats, health };
  }
}
