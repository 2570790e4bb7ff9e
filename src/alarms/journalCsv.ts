import { csvDocument } from '../format';
import type { JournalEntry } from './types';

/** CSV columns, in order (RFC 4180 quoting; times as ISO 8601 UTC plus local text). */
export const JOURNAL_COLUMNS = ['time', 'kind', 'rule', 'name', 'priority', 'connection', 'topic', 'value', 'from', 'to', 'action', 'trigger', 'reason', 'station'] as const;

export function journalToCsv(entries: readonly JournalEntry[]): string {
  const rows = entries.map((e) => [
    new Date(e.at).toISOString(), e.kind, e.ruleId, e.ruleName, e.priority, e.connectionId, e.topic, e.value, e.from, e.to, e.action, e.trigger, e.reason, e.station,
  ]);
  return csvDocument([JOURNAL_COLUMNS, ...rows]);
}
