import type { AlarmValue, AlarmView } from '../../src/alarms';

export function formatValue(value: AlarmValue, unit = ''): string {
  if (value === null) return '—';
  const text = typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : String(value);
  return unit ? `${text} ${unit}` : text;
}

/** Local time; with the date when not today. */
export function formatWhen(ms: number, now = Date.now()): string {
  if (!ms) return '—';
  const d = new Date(ms);
  const time = d.toLocaleTimeString(undefined, { hour12: false });
  return new Date(now).toDateString() === d.toDateString() ? time : `${d.toLocaleDateString()} ${time}`;
}

export function remaining(until: number, now: number): string {
  const s = Math.max(0, Math.round((until - now) / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

export const matchesText = (a: AlarmView, text: string) =>
  !text || `${a.name} ${a.topic} ${a.message} ${a.priority} ${a.ruleId}`.toLowerCase().includes(text.toLowerCase());
