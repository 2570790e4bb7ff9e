import type { Priority } from '../widgets/common/settings';
import type { ThemeId } from './themes';

/**
 * Every colour a canvas or SVG widget draws with, per theme (issue 16 #3: charts and gauges
 * follow the theme). CSS classes do not reach ECharts' canvas, so this typed table mirrors the
 * theme's custom properties of app/index.css (`panel`, `text`, `muted`, `border`, `indicator`;
 * chartPalette.test.ts keeps them equal) and adds what only charts need.
 *
 * Contrast (WCAG 2.1, 1.4.3 and 1.4.11) against `panel`, the widget background: text ≥ 4.5:1,
 * lines, needles and setpoint lines ≥ 3:1. Grid lines and the gauge's empty track stay faint
 * on purpose: ISA-101 keeps background structure low in salience, and neither carries a value.
 *
 * Series colours: ISA-101 reserves saturated colour, above all red, orange, amber and yellow, for
 * abnormal states, yet several lines on one chart must be told apart. So series take a calm
 * set of blues, greys, one violet and one teal, no alarm hue, each ≥ 3:1 on the panel and at
 * least ΔE 15 (CIE76) from every other series colour in the same theme. The first series is the
 * darkest (light) or brightest (dark) so a one-line trend reads like ink.
 */
export interface ChartPalette {
  /** The widget background (`--color-hmi-panel`). */
  readonly panel: string;
  /** Value text, gauge needle (`--color-hmi-text`). */
  readonly text: string;
  /** Axis labels, axis lines, setpoint lines and labels while normal (`--color-hmi-muted`). */
  readonly muted: string;
  /** Tooltip border (`--color-hmi-border`). */
  readonly border: string;
  /** The tooltip's background (`--color-hmi-raised`). */
  readonly raised: string;
  /** Faint grid lines (decoration, no contrast requirement). */
  readonly grid: string;
  /** Needles, lines and sparklines of stale data (`--color-stale`): dimmer than live, ≥ 4.5:1 as it colours text too. */
  readonly stale: string;
  /** The gauge's empty track (decoration). */
  readonly track: string;
  /** A gauge band without a priority, and a lamp in a normal state (`--color-hmi-indicator`). */
  readonly indicator: string;
  readonly series: readonly string[];
}

export const CHART_PALETTES: Readonly<Record<ThemeId, ChartPalette>> = {
  light: {
    panel: '#e8e9ea',
    text: '#1d2125',
    muted: '#555b61',
    border: '#a9adb1',
    raised: '#f4f4f5',
    grid: '#d6d8da',
    stale: '#595e64',
    track: '#c3cad3',
    indicator: '#767b81',
    series: ['#1f4e8c', '#2b2f33', '#6b4c9a', '#2f7d6d', '#4f7fb8', '#6e747a'],
  },
  dark: {
    panel: '#353a3f',
    text: '#e3e5e7',
    muted: '#a4aab0',
    border: '#5c636a',
    raised: '#40464c',
    grid: '#464c52',
    stale: '#afb4b9',
    track: '#4d5862',
    indicator: '#8a8f94',
    series: ['#8fb4e8', '#e3e5e7', '#c3a9ec', '#7fcdbb', '#4d94d6', '#9ea4aa'],
  },
  contrast: {
    panel: '#17191c',
    text: '#ffffff',
    muted: '#d2d6da',
    border: '#b8bdc2',
    raised: '#22262a',
    grid: '#33383d',
    stale: '#8a8f94',
    track: '#3d4852',
    indicator: '#a4aab0',
    series: ['#9cc2f7', '#ffffff', '#d4c1f5', '#8fe0cc', '#5aa0ea', '#b0b5ba'],
  },
};

export const chartPalette = (theme: ThemeId): ChartPalette => CHART_PALETTES[theme];

export const seriesColour = (p: ChartPalette, i: number): string => p.series[i % p.series.length];

/**
 * Text on an alarm-coloured chip. The alarm colours cannot pass 4.5:1 as text on every panel
 * (amber on light grey, red on dark grey), so an exceeded setpoint's label is a filled chip in
 * the priority colour (PRIORITY_COLOURS, app/widgets/common/settings.ts) with this ink on it, ≥ 4.5:1 in every theme.
 */
export const PRIORITY_INK: Readonly<Record<Priority, string>> = {
  critical: '#ffffff',
  high: '#ffffff',
  medium: '#000000',
  low: '#000000',
};
