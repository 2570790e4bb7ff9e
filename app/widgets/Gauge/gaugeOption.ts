import type { ChartPalette } from '../../theme/chartPalette';
import { PRIORITY_COLOURS } from '../common/settings';
import type { Band } from './types';

/**
 * ECharts gauge axis colours: `[end fraction, colour]` stops covering min..max. The theme's faint
 * track, its indicator grey for normal bands; colour only for abnormal ones (ISA-101).
 */
export function bandStops(bands: readonly Band[] | undefined, min: number, max: number, palette: ChartPalette): [number, string][] {
  const TRACK = palette.track;
  const NORMAL_BAND = palette.indicator;
  const span = max - min;
  if (!(span > 0)) return [[1, TRACK]];
  const frac = (x: number) => Math.min(1, Math.max(0, (x - min) / span));
  const sorted = [...(bands ?? [])].filter((b) => b.to > b.from).sort((a, b) => a.from - b.from);
  const stops: [number, string][] = [];
  let at = 0;
  for (const b of sorted) {
    const from = frac(b.from);
    const to = frac(b.to);
    if (to <= at) continue;
    if (from > at) stops.push([from, TRACK]);
    stops.push([to, b.priority ? PRIORITY_COLOURS[b.priority] : NORMAL_BAND]);
    at = to;
  }
  if (at < 1) stops.push([1, TRACK]);
  return stops;
}

/**
 * The abnormal band a value is in, if any (its priority is shown as text too). A value off the
 * dial counts as being at its end, so 143 bar on a 0–50 dial is in a 45..50 band.
 */
export function abnormalBandAt(bands: readonly Band[] | undefined, value: number | null | undefined, min = -Infinity, max = Infinity): Band | undefined {
  if (value === null || value === undefined) return undefined;
  const v = Math.min(max, Math.max(min, value));
  return bands?.find((b) => b.priority && v >= b.from && v <= b.to);
}

export function gaugeOption(value: number | null | undefined, min: number, max: number, bands: readonly Band[] | undefined, stale: boolean, palette: ChartPalette) {
  const needle = stale ? palette.stale : palette.text;
  return {
    animation: false,
    series: [
      {
        type: 'gauge',
        min,
        max,
        startAngle: 210,
        endAngle: -30,
        radius: '95%',
        center: ['50%', '58%'],
        splitNumber: 4,
        axisLine: { lineStyle: { width: 10, color: bandStops(bands, min, max, palette) } },
        axisTick: { show: false },
        splitLine: { length: 10, lineStyle: { color: palette.muted, width: 1 } },
        axisLabel: { color: palette.muted, distance: 14, fontSize: 10 },
        pointer: { width: 4, itemStyle: { color: needle } },
        anchor: { show: true, size: 8, itemStyle: { color: needle } },
        title: { show: false },
        // The number is HTML text under the dial (readable, and in the figure's text).
        detail: { show: false },
        data: value === null || value === undefined ? [] : [{ value: Math.min(max, Math.max(min, value)) }],
      },
    ],
  };
}
