import type { AlarmRuleConfig } from '../../../src/config';
import type { SeriesFrame, SeriesLatest } from '../../../src/series';
import { PRIORITY_INK, seriesColour, type ChartPalette } from '../../theme/chartPalette';
import { formatValue } from '../common/format';
import { PRIORITY_COLOURS, type Priority } from '../common/settings';
import type { WidgetSeries } from '../types';
import { extentWithSetpoints } from './yExtent';

/** Room around the plot; the watch asks for as many points as the plot area is wide. */
export const GRID = { left: 52, right: 14, top: 10, bottom: 24 };

export interface LineLook {
  readonly unit: string;
  readonly decimals?: number;
  readonly min?: number;
  readonly max?: number;
  /** A coarse pointer (tablet): no drag-to-pan, so the page still scrolls under a finger. */
  readonly touch?: boolean;
  /** The theme's chart colours (app/theme/chartPalette.ts). */
  readonly palette: ChartPalette;
}

/** True when the newest value is beyond the rule's setpoint (the line then takes the priority colour). */
export function exceeds(rule: AlarmRuleConfig, value: number | null | undefined): boolean {
  if (typeof rule.setpoint !== 'number' || value === null || value === undefined) return false;
  if (rule.condition === 'above') return value > rule.setpoint;
  if (rule.condition === 'below') return value < rule.setpoint;
  return false;
}

const drawnRules = (rules: readonly AlarmRuleConfig[]) => rules.filter((r) => typeof r.setpoint === 'number' && (r.condition === 'above' || r.condition === 'below'));

/**
 * Setpoint lines for a series' alarm rules (ISA-101: colour only for abnormal). The line is the
 * theme's grey, ≥ 3:1 on the panel in every theme; an alarm colour as a thin dashed line is not
 * (amber on light grey is 1.4:1, red on dark grey 2.1:1). When the value is beyond the setpoint
 * the line thickens and its label becomes a chip in the priority colour with legible ink, so the
 * abnormal state has colour, text and shape, and can be read in any theme.
 */
export function alarmMarkLine(rules: readonly AlarmRuleConfig[], latest: SeriesLatest | undefined, look: LineLook) {
  const grey = look.palette.muted;
  const data = drawnRules(rules).map((r) => {
    const priority = (r.priority ?? 'medium') as Priority;
    const over = exceeds(r, latest?.value);
    const chip = over ? { color: PRIORITY_INK[priority], backgroundColor: PRIORITY_COLOURS[priority], padding: [2, 4], lineHeight: 15, borderRadius: 2 } : { color: grey };
    return {
      yAxis: r.setpoint as number,
      name: r.name || r.id,
      lineStyle: { color: grey, type: 'dashed' as const, width: over ? 2 : 1 },
      label: { formatter: `${r.name || r.id} ${formatValue(r.setpoint as number, look.decimals, look.unit)}${over ? ` (${priority})` : ''}`, position: 'insideEndTop' as const, fontSize: 11, ...chip },
    };
  });
  return data.length ? { silent: true, symbol: 'none', animation: false, data } : undefined;
}

/** The y axis' min and max: fixed when configured, else auto, stretched to hold every setpoint drawn. */
function yRange(series: readonly WidgetSeries[], look: LineLook) {
  const setpoints = series.flatMap((s) => drawnRules(s.alarms).map((r) => r.setpoint as number));
  if (!setpoints.length) return { min: look.min, max: look.max };
  const range = (e: { min: number; max: number }) => extentWithSetpoints(e.min, e.max, setpoints);
  return { min: look.min ?? ((e: { min: number; max: number }) => range(e).min), max: look.max ?? ((e: { min: number; max: number }) => range(e).max) };
}

/** The chart's full option (without points): time axis, no animation, gaps kept as gaps. */
export function lineBaseOption(series: readonly WidgetSeries[], latest: readonly (SeriesLatest | undefined)[], look: LineLook) {
  const auto = look.min === undefined && look.max === undefined;
  const p = look.palette;
  return {
    animation: false,
    grid: { ...GRID, containLabel: false },
    tooltip: {
      trigger: 'axis',
      confine: true,
      backgroundColor: p.raised,
      borderColor: p.border,
      textStyle: { color: p.text },
      valueFormatter: (v: unknown) => (typeof v === 'number' ? formatValue(v, look.decimals, look.unit) : '—'),
    },
    xAxis: {
      type: 'time',
      axisLine: { lineStyle: { color: p.muted } },
      axisLabel: { color: p.muted, hideOverlap: true, fontSize: 11 },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      scale: auto,
      ...yRange(series, look),
      axisLabel: { color: p.muted, fontSize: 11, formatter: (v: number) => formatValue(v, undefined, look.unit) },
      splitLine: { lineStyle: { color: p.grid } },
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
      lineStyle: { width: 1.5, color: seriesColour(p, i) },
      itemStyle: { color: seriesColour(p, i) },
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
