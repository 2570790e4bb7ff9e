import type { AlarmRuleConfig } from '../../../src/config';
import type { SeriesFrame, SeriesLatest } from '../../../src/series';
import { THEME, SERIES_COLOURS } from '../common/echarts';
import { formatValue } from '../common/format';
import { PRIORITY_COLOURS, type Priority } from '../common/settings';
import type { WidgetSeries } from '../types';

/** Room around the plot; the watch asks for as many points as the plot area is wide. */
export const GRID = { left: 52, right: 14, top: 10, bottom: 24 };

export interface LineLook {
  readonly unit: string;
  readonly decimals?: number;
  readonly min?: number;
  readonly max?: number;
  /** A coarse pointer (tablet): no drag-to-pan, so the page still scrolls under a finger. */
  readonly touch?: boolean;
}

/** True when the newest value is beyond the rule's setpoint (the line then takes the priority colour). */
export function exceeds(rule: AlarmRuleConfig, value: number | null | undefined): boolean {
  if (typeof rule.setpoint !== 'number' || value === null || value === undefined) return false;
  if (rule.condition === 'above') return value > rule.setpoint;
  if (rule.condition === 'below') return value < rule.setpoint;
  return false;
}

/** Setpoint lines for a series' alarm rules: grey while normal, the priority colour when exceeded (ISA-101). */
export function alarmMarkLine(rules: readonly AlarmRuleConfig[], latest: SeriesLatest | undefined, look: LineLook) {
  const data = rules
    .filter((r) => typeof r.setpoint === 'number' && (r.condition === 'above' || r.condition === 'below'))
    .map((r) => {
      const colour = exceeds(r, latest?.value) ? PRIORITY_COLOURS[(r.priority ?? 'medium') as Priority] : THEME.muted;
      return {
        yAxis: r.setpoint as number,
        name: r.name || r.id,
        lineStyle: { color: colour, type: 'dashed' as const, width: 1 },
        label: { formatter: `${r.name || r.id} ${formatValue(r.setpoint as number, look.decimals, look.unit)}`, position: 'insideEndTop' as const, color: colour, fontSize: 11 },
      };
    });
  return data.length ? { silent: true, symbol: 'none', animation: false, data } : undefined;
}

export const colourOf = (i: number) => SERIES_COLOURS[i % SERIES_COLOURS.length];

/** The chart's full option (without points): time axis, no animation, gaps kept as gaps. */
export function lineBaseOption(series: readonly WidgetSeries[], latest: readonly (SeriesLatest | undefined)[], look: LineLook) {
  const auto = look.min === undefined && look.max === undefined;
  return {
    animation: false,
    grid: { ...GRID, containLabel: false },
    tooltip: {
      trigger: 'axis',
      confine: true,
      valueFormatter: (v: unknown) => (typeof v === 'number' ? formatValue(v, look.decimals, look.unit) : '—'),
    },
    xAxis: {
      type: 'time',
      axisLine: { lineStyle: { color: THEME.border } },
      axisLabel: { color: THEME.muted, hideOverlap: true, fontSize: 11 },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      scale: auto,
      min: look.min,
      max: look.max,
      axisLabel: { color: THEME.muted, fontSize: 11, formatter: (v: number) => formatValue(v, undefined, look.unit) },
      splitLine: { lineStyle: { color: THEME.grid } },
    },
    // Ctrl+wheel zooms (a plain wheel keeps scrolling the dashboard), dragging pans. On touch a
    // finger drag must scroll the dashboard, so only pinching zooms there.
    dataZoom: [{ type: 'inside', xAxisIndex: 0, filterMode: 'none', zoomOnMouseWheel: 'ctrl', moveOnMouseWheel: false, moveOnMouseMove: !look.touch, preventDefaultMouseMove: !look.touch }],
    series: series.map((s, i) => ({
      id: s.key,
      name: s.label,
      type: 'line',
      showSymbol: false,
      symbol: 'none',
      connectNulls: false,
      emphasis: { disabled: true },
      lineStyle: { width: 1.5, color: colourOf(i) },
      itemStyle: { color: colourOf(i) },
      data: [] as unknown,
      markLine: alarmMarkLine(s.alarms, latest[i], look),
    })),
  };
}

/** The part of the option one frame changes: axis range and points (interleaved typed arrays). */
export function frameOption(frame: SeriesFrame, hidden: ReadonlySet<string>) {
  return {
    xAxis: { min: frame.from, max: frame.to },
    series: frame.series.filter((s) => !hidden.has(s.key)).map((s) => ({ id: s.key, data: s.xy })),
  };
}
