import type { SeriesRef } from '../../src/config';
import { updateSection, useSiteStore } from '../state/siteStore';
import { lineChartWidget } from '../widgets/LineChart';
import * as edits from './dashboardEdits';

/**
 * The dashboard edits the first screen makes (plot from the Message region, a new dashboard from
 * the list). Apart from dashboardActions.ts so start-up does not load the widget registry: every
 * widget type's dialog settings (issue 17's start-up budget).
 */
const dashboards = () => useSiteStore.getState().config.dashboards;
const lineSize = () => lineChartWidget.defaultSize;

export function createDashboard(name: string): string {
  const { dashboards: next, id } = edits.addDashboard(dashboards(), name);
  updateSection('dashboards', next);
  return id;
}

export function plot(target: { dashboardId: string | null; widgetId: string | null }, ref: SeriesRef, title: string) {
  const result = edits.plotSeries(dashboards(), target, ref, title, lineSize);
  updateSection('dashboards', result.dashboards);
  const dashboard = result.dashboards.find((d) => d.id === result.dashboardId);
  const chart = dashboard?.widgets.find((w) => w.id === result.widgetId);
  return { dashboardId: result.dashboardId, dashboardName: dashboard?.name || result.dashboardId, chartTitle: chart?.title || result.widgetId };
}
