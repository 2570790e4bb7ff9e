import type { Trend } from './types';

/**
 * Direction over the sparkline's window: the newest value against the first, as a share of the
 * window's range. Changes under `threshold` of the range (noise) count as steady.
 */
export function trendOf(xy: Float64Array, threshold = 0.1): Trend | null {
  let first = NaN;
  let last = NaN;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 1; i < xy.length; i += 2) {
    const v = xy[i];
    if (Number.isNaN(v)) continue;
    if (Number.isNaN(first)) first = v;
    last = v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (Number.isNaN(first)) return null;
  const range = max - min;
  const delta = last - first;
  if (range === 0 || Math.abs(delta) < range * threshold) return 'steady';
  return delta > 0 ? 'rising' : 'falling';
}

/** An SVG path for interleaved points, scaled into width × height; NaN starts a new segment. */
export function sparkPath(xy: Float64Array, from: number, to: number, width: number, height: number): string {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 1; i < xy.length; i += 2) {
    const v = xy[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(max >= min) || to <= from) return '';
  const span = max - min || 1;
  const pad = 2;
  const h = height - pad * 2;
  let d = '';
  let pen = false;
  for (let i = 0; i < xy.length; i += 2) {
    const v = xy[i + 1];
    if (Number.isNaN(v)) {
      pen = false;
      continue;
    }
    const x = ((xy[i] - from) / (to - from)) * width;
    const y = pad + h - ((v - min) / span) * h;
    d += `${pen ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
    pen = true;
  }
  return d;
}
