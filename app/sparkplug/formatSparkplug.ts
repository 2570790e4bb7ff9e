import type { SparkplugMetricView, SparkplugTarget } from './types';

/** Wall-clock time to the second (the table has room for no more; the title carries the milliseconds). */
export function shortTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  return new Date(ms).toLocaleTimeString(undefined, { hour12: false });
}

/** `G / Edge1 / Pump1`: where a target sits, in the order of its topic. */
export function targetPath(t: SparkplugTarget): string {
  return [t.group, t.node, t.device].filter((x) => x !== undefined).join(' / ');
}

/** What the row's "State" cell says, in words (never colour alone, ISA-101). */
export function metricStateText(m: SparkplugMetricView): string {
  const parts: string[] = [];
  if (m.stale) parts.push('stale');
  if (m.historical) parts.push('historical');
  if (m.transient) parts.push('transient');
  const w = m.write;
  if (w) {
    if (w.state === 'pending') parts.push(`write ${w.value} pending`);
    else if (w.state === 'timed-out') parts.push(`write ${w.value} timed out${w.reason ? `: ${w.reason}` : ''}`);
    else if (w.state === 'failed') parts.push(`write failed${w.reason ? `: ${w.reason}` : ''}`);
    else parts.push(`written ${w.value}`);
  }
  return parts.join(', ');
}

/** The value as shown: null metrics say so instead of showing an empty cell. */
export function metricValueText(m: SparkplugMetricView): string {
  return m.isNull ? '(null)' : m.value;
}
