import type { Clock, TimerId } from '../engine';
import type { PersistedInstance } from './AlarmInstance';
import type { AlarmPersistence } from './alarmPersistence';
import { queryJournal } from './queryJournal';
import type { JournalEntry, JournalFilter, JournalMeta } from './types';

/** Journal entries waiting for IndexedDB; beyond this the oldest are dropped and counted. */
export const MAX_JOURNAL_QUEUE = 10_000;
export const DEFAULT_JOURNAL_MAX = 20_000;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Alarm persistence off the hot path: instance states, out-of-service reasons and journal
 * entries are collected and written in one batch on the next task (a reload right after an
 * alarm should find it stored). The write queue is bounded; what it drops is counted and shown.
 */
export class AlarmWriter {
  private saveInstances = new Map<string, PersistedInstance | null>();
  private saveServices = new Map<string, string | null>();
  private journalBuf: JournalEntry[] = [];
  private writeTimer: TimerId | null = null;
  private writing = false;
  private currentWrite: Promise<void> | null = null;
  private readonly meta: Mutable<JournalMeta> = { version: 0, pruned: 0, lastPrunedAt: null, dropped: 0, max: DEFAULT_JOURNAL_MAX };
  private metaDirty = true;
  private error: string | null = null;

  constructor(
    private readonly clock: Clock,
    public persistence: AlarmPersistence,
    /** Something for the UI changed (journal meta, an error). */
    private readonly wake: () => void,
  ) {}

  /** Bookkeeping restored from the last session. */
  restoreMeta(pruned: number, lastPrunedAt: number | null): void {
    this.meta.pruned = pruned;
    this.meta.lastPrunedAt = lastPrunedAt;
  }

  set journalMax(max: number) {
    this.meta.max = max;
  }

  persist(key: string, record: PersistedInstance | null): void {
    this.saveInstances.set(key, record);
    this.scheduleWrite();
  }

  persistService(ruleId: string, reason: string | null): void {
    this.saveServices.set(ruleId, reason);
    this.scheduleWrite();
  }

  journal(entry: JournalEntry): void {
    if (this.journalBuf.length >= MAX_JOURNAL_QUEUE) {
      const drop = Math.ceil(MAX_JOURNAL_QUEUE / 10);
      this.journalBuf.splice(0, drop);
      this.meta.dropped += drop;
      this.metaDirty = true;
    }
    this.journalBuf.push(entry);
    this.scheduleWrite();
  }

  /** Entries already stored (not those still queued), newest first. */
  queryJournal(filter: JournalFilter, limit?: number): Promise<JournalEntry[]> {
    return queryJournal(this.persistence, filter, limit);
  }

  /** Persistence trouble, in words: shown once. */
  fail(message: string): void {
    this.error = message;
  }

  /** The UI starts over: send the journal bookkeeping again. */
  resendMeta(): void {
    this.metaDirty = true;
  }

  takeMeta(): JournalMeta | undefined {
    if (!this.metaDirty) return undefined;
    this.metaDirty = false;
    return { ...this.meta };
  }

  takeError(): string | undefined {
    const e = this.error;
    this.error = null;
    return e ?? undefined;
  }

  /** Resolves when everything queued so far is stored (tests, benchmarks). */
  async settled(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      if (this.writeTimer !== null) {
        this.clock.clearTimer(this.writeTimer);
        this.writeTimer = null;
        this.startWrite();
      }
      if (!this.currentWrite) return;
      await this.currentWrite;
    }
  }

  private scheduleWrite(): void {
    if (this.writeTimer !== null || this.writing) return;
    // Next task, not next frame: a reload right after an alarm should find it stored.
    this.writeTimer = this.clock.setTimer(() => {
      this.writeTimer = null;
      this.startWrite();
    }, 0);
  }

  private startWrite(): void {
    const p: Promise<void> = this.write().finally(() => {
      if (this.currentWrite === p) this.currentWrite = null;
    });
    this.currentWrite = p;
  }

  private async write(): Promise<void> {
    if (!this.saveInstances.size && !this.saveServices.size && !this.journalBuf.length) return;
    this.writing = true;
    const instances = this.saveInstances;
    const services = this.saveServices;
    const entries = this.journalBuf;
    this.saveInstances = new Map();
    this.saveServices = new Map();
    this.journalBuf = [];
    try {
      if (instances.size || services.size) await this.persistence.save(instances, services);
      if (entries.length) {
        const pruned = await this.persistence.appendJournal(entries, this.meta.max);
        if (pruned) {
          this.meta.pruned += pruned;
          this.meta.lastPrunedAt = this.clock.now();
        }
        this.meta.version++;
        this.metaDirty = true;
        this.wake();
      }
    } catch (e) {
      this.meta.dropped += entries.length;
      this.metaDirty = true;
      this.error = `Alarm storage failed (${(e as Error)?.message ?? e}).`;
      this.wake();
    } finally {
      this.writing = false;
    }
    if (this.saveInstances.size || this.saveServices.size || this.journalBuf.length) this.scheduleWrite();
  }
}
