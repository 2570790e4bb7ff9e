import type { DashboardConfig, WidgetConfig } from '../../src/config';

/** Widget types whose first series is one number or state worth showing on a dashboard's card. */
const PREVIEW_TYPES: ReadonlySet<string> = new Set(['stat', 'gauge', 'lamp', 'line', 'bar']);
export const CARD_VALUES = 4;

/**
 * The widgets a dashboard's card shows a live value for: the first few with a plain series, stats,
 * gauges and lamps before charts (they are one number by design). Series whose topic needs a
 * dashboard variable (`${vehicle}`) are left out: the card has no variable picker.
 */
export function cardPreview(dashboard: Pick<DashboardConfig, 'widgets'>, max = CARD_VALUES): WidgetConfig[] {
  const usable = dashboard.widgets.filter((w) => PREVIEW_TYPES.has(w.type) && w.series[0] && !w.series[0].topic.includes('${'));
  const rank = (w: WidgetConfig) => (w.type === 'line' || w.type === 'bar' ? 1 : 0);
  return usable
    .map((w, i) => ({ w, i }))
    .sort((a, b) => rank(a.w) - rank(b.w) || a.i - b.i)
    .slice(0, max)
    .map(({ w }) => ({ ...w, series: w.series.slice(0, 1) }));
}
