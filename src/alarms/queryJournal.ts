import type { AlarmPersistence } from './alarmPersistence';
import type { JournalEntry, JournalFilter } from './types';

/** The entry matches the filter's priority and text (the time range is the store's index). */
export function matchesJournalFilter(e: JournalEntry, filter: JournalFilter, text = filter.text.trim().toLowerCase()): boolean {
  if (filter.priority && e.priority !== filter.priority) return false;
  if (!text) return true;
  return `${e.ruleId} ${e.ruleName} ${e.topic} ${e.action} ${e.from} ${e.to} ${e.reason} ${e.value} ${e.station} ${e.connectionId}`.toLowerCase().includes(text);
}

/**
 * Journal entries matching the filter, newest first (at most `limit`). Runs in the worker,
 * against whatever persistence it uses, so the journal shows also when it fell back to memory.
 */
export async function queryJournal(persistence: AlarmPersistence, filter: JournalFilter, limit = Infinity): Promise<JournalEntry[]> {
  const rows = await persistence.readJournal(filter.from, filter.to);
  const text = filter.text.trim().toLowerCase();
  const out = rows.filter((e) => matchesJournalFilter(e, filter, text));
  out.sort((a, b) => b.at - a.at || (b.id ?? 0) - (a.id ?? 0));
  return out.length > limit ? out.slice(0, limit) : out;
}
