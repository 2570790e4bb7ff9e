import { formatClock } from './formatLocale';

/** Display formatting shared by components. */
export function formatRate(n: number): string {
  if (n >= 10_000) return `${(n / 1000).toFixed(0)} k`;
  if (n >= 1000) return `${(n / 1000).toFixed(1)} k`;
  return n >= 10 ? n.toFixed(0) : n.toFixed(1);
}

export function formatBytes(n: number): string {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${Math.round(n)} B`;
}

export function formatTime(ms: number): string {
  return `${formatClock(ms)}.${String(new Date(ms).getMilliseconds()).padStart(3, '0')}`;
}
