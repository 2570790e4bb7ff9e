import type { SeriesFrame } from '../../../src/series';
import { parseInterval } from '../../../src/series';
import { seriesColour, type ChartPalette } from '../../theme/chartPalette';
import { formatValue } from '../common/format';
import type { WidgetSeries } from '../types';

export const GRID = { left: 52, right: 14, top: 10, bottom: 24 };

const DAY_MS = 86_400_000;

/** An interval's length in ms (a calendar day counted as 24 h: only for sizing the window). */
export function intervalMs(text: string): number {
  const iv = parseInterval(text);
  if (!iv) return 3_600_000;
  if (iv.unit === 'ms') return iv.ms;
  return iv.unit === 'day' ? iv.days * DAY_MS : iv.weeks * 7 * DAY_MS;
}

/** The watch window for `bars` bars: they start at bucket boundaries, so one more interval covers the oldest. */
export const barWindowMs = (interval: string, bars: number): number => (Math.max(1, bars) + 1) * intervalMs(interval);

/** A bar's axis label in local time: hours for sub-day intervals, dates for days and weeks. */
export function bucketLabel(t: number, interval: string): string {
  const d = new Date(t);
  if (intervalMs(interval) < DAY_MS) return d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return d.toLocaleDateString(undefined, { weekday: intervalMs(interval) === DAY_MS ? 'short' : undefined, day: 'numeric', month: 'short' });
}

/**
 * The frame's points as bars on a category axis: one category per bucket start seen in any
 * series (at most `bars`, newest last), each series' value there or null. Points are already
 * one per bucket (`increase` stores them at bucket start).
 */
export function barData(frame: SeriesFrame, keys: readonly string[], bars: number): { times: number[]; values: (number | null)[][] } {
  const set = new Set<number>();
  for (const s of frame.series) for (let i = 0; i < s.xy.length; i += 2) if (!Number.isNaN(s.xy[i + 1])) set.add(s.xy[i]);
  const times = [...set].sort((a, b) => a - b).slice(-Math.max(1, bars));
  const index = new Map(times.map((t, i) => [t, i]));
  const values = keys.map((key) => {
    const row: (number | null)[] = times.map(() => null);
    const xy = frame.series.find((s) => s.key === key)?.xy;
    if (xy) {
      for (let i = 0; i < xy.length; i += 2) {
        const at = index.get(xy[i]);
        if (at !== undefined && !Number.isNaN(xy[i + 1])) row[at] = xy[i + 1];
      }
    }
    return row;
  });
  return { times, values };
}

/** The full ECharts option for bars: the theme's calm series colours and text, no animation. */
export function barOption(series: readonly WidgetSeries[], data: { times: number[]; values: (number | null)[][] }, look: { unit: string; decimals?: number; interval: string; palette: ChartPalette }) {
  const colours = look.palette;
  return {
    animation: false,
    grid: { ...GRID, containLabel: false },
    tooltip: { trigger: 'axis', confine: true, backgroundColor: colours.raised, borderColor: colours.border, textStyle: { color: colours.text }, valueFormatter: (v: unknown) => (typeof v === 'number' ? formatValue(v, look.decimals, look.unit) : '—') },
    xAxis: {
      type: 'category',
      data: data.times.map((t) => bucketLabel(t, look.interval)),
      axisLine: { lineStyle: { color: colours.muted } },
      axisLabel: { color: colours.muted, hideOverlap: true, fontSize: 11 },
      axisTick: { alignWithLabel: true },
    },
    yAxis: {
      type: 'value',
      axisLabel: { color: colours.muted, fontSize: 11, formatter: (v: number) => formatValue(v, undefined, look.unit) },
      splitLine: { lineStyle: { color: colours.grid } },
    },
    series: series.map((s, i) => ({
      id: s.key,
      name: s.label,
      type: 'bar',
      barMaxWidth: 28,
      emphasis: { disabled: true },
      // An outline in the theme's muted colour keeps dark series colours visible on a dark panel.
      itemStyle: { color: seriesColour(colours, i), borderColor: colours.muted, borderWidth: 1 },
      data: data.values[i] ?? [],
    })),
  };
}
