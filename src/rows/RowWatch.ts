import type { DecodedPayload } from '../payload';
import { cellValue } from './cellValue';
import { TrailRing } from './TrailRing';
import type { RowsSpec, RowsUpdate, RowView } from './types';
import { wildcardKey } from './wildcardKey';

/** Rows per watch before new topics are only counted (a table or map of 20 000 is already a lot). */
export const DEFAULT_MAX_ROWS = 20_000;
/** Longest trail kept per row, whatever a spec asks for. */
const MAX_TRAIL = 1_000;

interface Row {
  connectionId: string;
  readonly topic: string;
  readonly key: string;
  values: readonly (number | string | null)[];
  lastSeen: number;
  readonly trail: TrailRing | null;
}

/**
 * One `rows/watch`: a row per topic matching its filter (keyed by topic, so with connection `''`
 * the newest message from any connection wins), the rows changed since the last delta, and the
 * topics dropped at the cap.
 */
export class RowWatch {
  private readonly rows = new Map<string, Row>();
  private readonly dirty = new Set<Row>();
  private readonly removed = new Set<string>();
  private readonly filterLevels: readonly string[];
  private readonly trail: number;
  private full = true;
  private dropped = 0;
  private droppedTopics: Set<string> | null = null;
  private droppedChanged = false;

  constructor(
    readonly spec: RowsSpec,
    private readonly maxRows = DEFAULT_MAX_ROWS,
  ) {
    this.filterLevels = spec.topic.split('/');
    this.trail = Math.min(MAX_TRAIL, Math.max(0, Math.floor(spec.trail ?? 0)));
  }

  accepts(connectionId: string): boolean {
    return this.spec.connection === '' || this.spec.connection === connectionId;
  }

  /** A message on a matching topic; `at` is when it arrived. */
  update(connectionId: string, topic: string, decoded: DecodedPayload, at: number): void {
    let row = this.rows.get(topic);
    if (decoded.kind === 'empty') {
      // An empty payload clears a retained topic (MQTT 3.3.1.3): its row goes too.
      if (row) {
        this.rows.delete(topic);
        this.dirty.delete(row);
        this.removed.add(topic);
      }
      return;
    }
    if (!row) {
      if (this.rows.size >= this.maxRows) {
        // Count each topic once: a dropped topic sending at 1 Hz is one row missing, not one a second.
        this.droppedTopics ??= new Set();
        if (!this.droppedTopics.has(topic) && this.droppedTopics.size < this.maxRows) {
          this.droppedTopics.add(topic);
          this.dropped++;
          this.droppedChanged = true;
        }
        return;
      }
      row = { connectionId, topic, key: wildcardKey(this.filterLevels, topic), values: [], lastSeen: at, trail: this.trail ? new TrailRing(this.trail) : null };
      this.rows.set(topic, row);
      this.removed.delete(topic);
    }
    const paths = this.spec.paths;
    const values: (number | string | null)[] = new Array<number | string | null>(paths.length);
    for (let i = 0; i < paths.length; i++) values[i] = cellValue(decoded, paths[i]);
    row.connectionId = connectionId;
    row.values = values;
    row.lastSeen = at;
    if (row.trail && typeof values[0] === 'number' && typeof values[1] === 'number') row.trail.push(values[0], values[1]);
    this.dirty.add(row);
  }

  /** The rows for the next delta: every row on the first one, then only those that changed. */
  flush(): RowsUpdate | undefined {
    const changedDrops = this.droppedChanged;
    this.droppedChanged = false;
    if (this.full) {
      this.full = false;
      this.dirty.clear();
      this.removed.clear();
      return this.result(true, [...this.rows.values()].map(viewOf), undefined);
    }
    if (this.dirty.size === 0 && this.removed.size === 0 && !changedDrops) return undefined;
    const rows = [...this.dirty].map(viewOf);
    const removed = this.removed.size ? [...this.removed] : undefined;
    this.dirty.clear();
    this.removed.clear();
    return this.result(false, rows, removed);
  }

  private result(full: boolean, rows: RowView[], removed: string[] | undefined): RowsUpdate {
    const out: { -readonly [K in keyof RowsUpdate]: RowsUpdate[K] } = { full, rows, total: this.rows.size };
    if (removed) out.removed = removed;
    if (this.dropped) out.dropped = this.dropped;
    return out;
  }
}

function viewOf(row: Row): RowView {
  const view: { -readonly [K in keyof RowView]: RowView[K] } = {
    connectionId: row.connectionId,
    topic: row.topic,
    key: row.key,
    values: row.values,
    lastSeen: row.lastSeen,
  };
  if (row.trail) view.trail = row.trail.toArray();
  return view;
}
