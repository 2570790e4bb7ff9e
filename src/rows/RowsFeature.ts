import { assertNever, type EngineFeature, type EngineHost, type FeatureFactory, type MessageContext } from '../engine';
import { decodePayload } from '../payload';
import { isValidFilter } from '../topics';
import { FilterIndex } from './FilterIndex';
import { DEFAULT_MAX_ROWS, RowWatch } from './RowWatch';
import type { RowsCommand, RowsDelta, RowsUpdate } from './types';

export interface RowsOptions {
  /** Rows per watch before new topics are only counted. */
  readonly maxRows?: number;
}

/**
 * Wildcard rows (issue 15): for each watch, a row per topic matching an MQTT filter, with cells
 * from payload paths — what tables, maps and dashboard variables show. A message finds its
 * watches through a filter index (O(levels), not O(watches)); a new watch starts from the topics
 * the connection's tree already holds; deltas carry the whole set once, then changed rows only.
 */
export class RowsFeature implements EngineFeature<'rows'> {
  readonly key = 'rows' as const;
  private readonly watches = new Map<string, RowWatch>();
  private readonly index = new FilterIndex<RowWatch>();
  private readonly pending = new Set<RowWatch>();
  private ctx: MessageContext | null = null;
  /** Bound once: the hot path passes it for every matching watch. */
  private readonly onMatch = (watch: RowWatch): void => {
    const ctx = this.ctx!;
    if (!watch.accepts(ctx.connectionId)) return;
    watch.update(ctx.connectionId, ctx.topic, ctx.decoded, ctx.now);
    this.pending.add(watch);
  };

  constructor(
    private readonly host: EngineHost,
    private readonly options: RowsOptions = {},
  ) {}

  handle(cmd: RowsCommand): boolean {
    switch (cmd.type) {
      case 'rows/watch':
        this.unwatch(cmd.id);
        if (!isValidFilter(cmd.spec.topic)) return false;
        this.watch(cmd.id, new RowWatch(cmd.spec, this.options.maxRows ?? DEFAULT_MAX_ROWS));
        return true;
      case 'rows/unwatch':
        return this.unwatch(cmd.id);
      default:
        return assertNever(cmd, 'rows command');
    }
  }

  onMessage(ctx: MessageContext): void {
    if (this.watches.size === 0) return;
    this.ctx = ctx;
    this.index.match(ctx.topic, this.onMatch);
    this.ctx = null;
  }

  flush(): RowsDelta | undefined {
    if (this.pending.size === 0) return undefined;
    const watches: Record<string, RowsUpdate> = {};
    let any = false;
    for (const [id, watch] of this.watches) {
      if (!this.pending.has(watch)) continue;
      const update = watch.flush();
      if (update) {
        watches[id] = update;
        any = true;
      }
    }
    this.pending.clear();
    return any ? { watches } : undefined;
  }

  private watch(id: string, watch: RowWatch): void {
    this.watches.set(id, watch);
    this.index.add(watch.spec.topic, watch);
    // The topics already received fill the rows at once (their last message, as received).
    this.host.forEachTopic?.(watch.spec.connection, watch.spec.topic, (connectionId, topic, last) => {
      watch.update(connectionId, topic, decodePayload(last.payload), last.receivedAt);
    });
    // The first delta carries the whole set, even an empty one: the UI then knows the watch is live.
    this.pending.add(watch);
    this.host.wake();
  }

  private unwatch(id: string): boolean {
    const watch = this.watches.get(id);
    if (!watch) return false;
    this.watches.delete(id);
    this.index.remove(watch.spec.topic, watch);
    this.pending.delete(watch);
    return true;
  }
}

export const rowsFeature =
  (options: RowsOptions = {}): FeatureFactory =>
  (host) =>
    new RowsFeature(host, options);
