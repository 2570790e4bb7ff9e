import type { JournalEntry } from './types';

/** CSV columns, in order (RFC 4180 quoting; times as ISO 8601 UTC plus local text). */
export const JOURNAL_COLUMNS = ['time', 'kind', 'rule', 'name', 'priority', 'connection', 'topic', 'value', 'from', 'to', 'action', 'trigger', 'reason', 'station'] as const;

function cell(value: string): string {
  // Cells starting with = + - @ are quoted with a leading ' so spreadsheets do not run them as formulas.
  const formula = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(value);
  const safe = formula ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function journalToCsv(entries: readonly JournalEntry[]): string {
  const lines = [JOURNAL_COLUMNS.join(',')];
  for (const e of entries) {
    lines.push(
      [new Date(e.at).toISOString(), e.kind, e.ruleId, e.ruleName, e.priority, e.connectionId, e.topic, e.value, e.from, e.to, e.action, e.trigger, e.reason, e.station]
        .map((v) => cell(String(v ?? '')))
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
