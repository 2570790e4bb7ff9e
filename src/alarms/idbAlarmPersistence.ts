import { unwrap } from 'idb';
import { getDb } from '../storage';
import type { PersistedInstance } from './AlarmInstance';
import type { AlarmPersistence, AlarmSnapshot } from './alarmPersistence';
import type { JournalEntry } from './types';

/** Keys in the `alarmState` store: instances, out-of-service rules, journal bookkeeping. */
const INSTANCE = 'i:';
const SERVICE = 's:';
const JOURNAL_META = 'meta:journal';

interface JournalMetaRecord {
  pruned: number;
  lastPrunedAt: number | null;
}

/** Prune in batches: let the journal grow this much over its bound before trimming it back. */
const PRUNE_SLACK = 0.05;

/** IndexedDB persistence (stores `alarmState` and `journal` of src/storage/db.ts). */
export class IdbAlarmPersistence implements AlarmPersistence {
  private count = 0;
  private meta: JournalMetaRecord = { pruned: 0, lastPrunedAt: null };

  async load(): Promise<AlarmSnapshot> {
    const db = await getDb();
    const tx = db.transaction(['alarmState', 'journal'], 'readonly');
    const state = tx.objectStore('alarmState');
    const [keys, values, count] = await Promise.all([state.getAllKeys(), state.getAll(), tx.objectStore('journal').count()]);
    await tx.done;
    const instances: PersistedInstance[] = [];
    const outOfService: { ruleId: string; reason: string }[] = [];
    keys.forEach((key, i) => {
      const value = values[i];
      if (key.startsWith(INSTANCE)) instances.push(value as PersistedInstance);
      else if (key.startsWith(SERVICE)) outOfService.push({ ruleId: key.slice(SERVICE.length), reason: String(value ?? '') });
      else if (key === JOURNAL_META) this.meta = value as JournalMetaRecord;
    });
    this.count = count;
    return { instances, outOfService, journalCount: count, journalPruned: this.meta.pruned, lastPrunedAt: this.meta.lastPrunedAt };
  }

  async save(instances: ReadonlyMap<string, PersistedInstance | null>, services: ReadonlyMap<string, string | null>): Promise<void> {
    const db = await getDb();
    const tx = db.transaction('alarmState', 'readwrite');
    // The raw store: idb's wrapper makes a promise and two listeners per request, which was most
    // of the worker's time in an alarm storm (5 000 puts); the transaction's `done` is enough.
    const store = unwrap(tx.store);
    for (const [key, record] of instances) {
      if (record) store.put(record, INSTANCE + key);
      else store.delete(INSTANCE + key);
    }
    for (const [ruleId, reason] of services) {
      if (reason !== null) store.put(reason, SERVICE + ruleId);
      else store.delete(SERVICE + ruleId);
    }
    await tx.done;
  }

  async appendJournal(entries: readonly JournalEntry[], max: number): Promise<number> {
    const db = await getDb();
    const tx = db.transaction(['journal', 'alarmState'], 'readwrite');
    const journal = tx.objectStore('journal');
    // Raw adds, as in save(): no promise per entry.
    const raw = unwrap(journal);
    for (const e of entries) raw.add(e);
    this.count += entries.length;
    let pruned = 0;
    if (this.count > max * (1 + PRUNE_SLACK)) {
      const excess = this.count - max;
      let cursor = await journal.openCursor();
      while (cursor && pruned < excess) {
        void cursor.delete();
        pruned++;
        cursor = await cursor.continue();
      }
      this.count -= pruned;
      this.meta = { pruned: this.meta.pruned + pruned, lastPrunedAt: entries.at(-1)?.at ?? null };
      void tx.objectStore('alarmState').put(this.meta, JOURNAL_META);
    }
    await tx.done;
    return pruned;
  }

  async readJournal(from: number | null, to: number | null): Promise<JournalEntry[]> {
    const range =
      from !== null && to !== null ? IDBKeyRange.bound(from, to) : from !== null ? IDBKeyRange.lowerBound(from) : to !== null ? IDBKeyRange.upperBound(to) : undefined;
    const db = await getDb();
    return (await db.getAllFromIndex('journal', 'at', range)) as unknown as JournalEntry[];
  }
}
