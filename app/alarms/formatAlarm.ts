import type { AlarmValue, AlarmView } from '../../src/alarms';
import { formatClock, formatDate } from '../lib/formatLocale';
import { formatSpan } from '../lib/formatSpan';

export function formatValue(value: AlarmValue, unit = ''): string {
  if (value === null) return '—';
  const text = typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : String(value);
  return unit ? `${text} ${unit}` : text;
}

// Alarm times (table, journal) follow the UI language through formatLocale's formatters, built
// once per locale: `toLocaleTimeString` builds one per call, which was most of the table's cost
// in an alarm storm (issue 17 #4).

/** Local midnight of the day `ms` falls on (a day key: equal for times on the same day). */
export function dayStart(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Local time; with the date when not on the day starting at `today` (see dayStart). */
export function formatWhen(ms: number, today = dayStart(Date.now())): string {
  if (!ms) return '—';
  const time = formatClock(ms);
  return dayStart(ms) === today ? time : `${formatDate(ms)} ${time}`;
}

/** A shelved alarm's countdown in the UI language's units (Intl): "4 min 5 sec", "4分钟5秒". */
export const remaining = (until: number, now: number): string => formatSpan(Math.max(0, until - now), true);

export const matchesText = (a: AlarmView, text: string) =>
  !text || `${a.name} ${a.topic} ${a.message} ${a.priority} ${a.ruleId}`.toLowerCase().includes(text.toLowerCase());
