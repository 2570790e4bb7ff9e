import type { PersistedInstance } from './AlarmInstance';
import type { JournalEntry } from './types';

export interface AlarmSnapshot {
  readonly instances: readonly PersistedInstance[];
  readonly outOfService: readonly { ruleId: string; reason: string }[];
  readonly journalCount: number;
  readonly journalPruned: number;
  readonly lastPrunedAt: number | null;
}

/**
 * Where alarm states and the journal live. The worker owns the writes (IndexedDB works in
 * workers): states change in the worker, so persisting there needs no round trip through a
 * possibly busy or hidden UI. The UI asks the worker for the journal (`alarms/journalQuery`).
 */
export interface AlarmPersistence {
  load(): Promise<AlarmSnapshot>;
  /** Instance puts (record) and deletes (null), out-of-service changes, in one transaction. */
  save(instances: ReadonlyMap<string, PersistedInstance | null>, services: ReadonlyMap<string, string | null>): Promise<void>;
  /** Appends entries, then removes the oldest beyond `max`; resolves with how many were removed. */
  appendJournal(entries: readonly JournalEntry[], max: number): Promise<number>;
  /** Journal entries with `from ≤ at ≤ to` (null = open), oldest first. */
  readJournal(from: number | null, to: number | null): Promise<JournalEntry[]>;
}

/** In-memory persistence: unit tests, and the fallback when IndexedDB is unavailable. */
export class MemoryAlarmPersistence implements AlarmPersistence {
  readonly instances = new Map<string, PersistedInstance>();
  readonly services = new Map<string, string>();
  journal: JournalEntry[] = [];
  pruned = 0;
  lastPrunedAt: number | null = null;
  private nextId = 1;

  async load(): Promise<AlarmSnapshot> {
    return {
      instances: [...this.instances.values()],
      outOfService: [...this.services].map(([ruleId, reason]) => ({ ruleId, reason })),
      journalCount: this.journal.length,
      journalPruned: this.pruned,
      lastPrunedAt: this.lastPrunedAt,
    };
  }

  async save(instances: ReadonlyMap<string, PersistedInstance | null>, services: ReadonlyMap<string, string | null>): Promise<void> {
    for (const [k, v] of instances) if (v) this.instances.set(k, v);
    else this.instances.delete(k);
    for (const [k, v] of services) if (v !== null) this.services.set(k, v);
    else this.services.delete(k);
  }

  async appendJournal(entries: readonly JournalEntry[], max: number): Promise<number> {
    for (const e of entries) this.journal.push({ ...e, id: this.nextId++ });
    const over = this.journal.length - max;
    if (over <= 0) return 0;
    this.journal.splice(0, over);
    this.pruned += over;
    this.lastPrunedAt = entries.at(-1)?.at ?? null;
    return over;
  }

  async readJournal(from: number | null, to: number | null): Promise<JournalEntry[]> {
    return this.journal.filter((e) => (from === null || e.at >= from) && (to === null || e.at <= to));
  }
}
