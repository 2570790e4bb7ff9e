import type { JournalEntry, Priority } from '../../src/alarms';
import { getDb } from '../../src/storage';

export interface JournalFilter {
  /** Inclusive bounds in ms; null = open. */
  from: number | null;
  to: number | null;
  priority: Priority | '';
  text: string;
}

/**
 * Journal entries matching the filter, newest first. The worker writes the journal; the UI only
 * reads it (same IndexedDB database), by the `at` index for the time range.
 */
export async function queryJournal(filter: JournalFilter): Promise<JournalEntry[]> {
  const db = await getDb();
  const range =
    filter.from !== null && filter.to !== null
      ? IDBKeyRange.bound(filter.from, filter.to)
      : filter.from !== null
        ? IDBKeyRange.lowerBound(filter.from)
        : filter.to !== null
          ? IDBKeyRange.upperBound(filter.to)
          : undefined;
  const rows = (await db.getAllFromIndex('journal', 'at', range)) as unknown as JournalEntry[];
  const text = filter.text.trim().toLowerCase();
  const out = rows.filter(
    (e) =>
      (!filter.priority || e.priority === filter.priority) &&
      (!text || `${e.ruleId} ${e.ruleName} ${e.topic} ${e.action} ${e.from} ${e.to} ${e.reason} ${e.value} ${e.station} ${e.connectionId}`.toLowerCase().includes(text)),
  );
  return out.sort((a, b) => b.at - a.at || (b.id ?? 0) - (a.id ?? 0));
}
