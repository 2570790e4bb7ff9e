import type { SeriesRef, WidgetConfig } from '../../src/config';
import { updateSection, useSiteStore } from '../state/siteStore';
import { widgetType } from '../widgets/registry';
import * as edits from './dashboardEdits';
import type { WidgetDraft } from './dashboardEdits';
import type { Cell } from './layout';

/** Dashboard commands: the pure edits in dashboardEdits.ts applied to the site config. */
const sizeOf = (type: string) => widgetType(type)?.defaultSize ?? { w: 4, h: 6 };
const dashboards = () => useSiteStore.getState().config.dashboards;

export function createDashboard(name: string): string {
  const { dashboards: next, id } = edits.addDashboard(dashboards(), name);
  updateSection('dashboards', next);
  return id;
}

export const renameDashboard = (id: string, name: string) => updateSection('dashboards', edits.renameDashboard(dashboards(), id, name));
export const deleteDashboard = (id: string) => updateSection('dashboards', edits.removeDashboard(dashboards(), id));

/** Adds a widget (no id yet) or replaces one (same id); returns its id. */
export function saveWidget(dashboardId: string, widget: WidgetDraft, isNew: boolean): string {
  if (isNew) {
    const { dashboards: next, widgetId } = edits.addWidget(dashboards(), dashboardId, widget, sizeOf);
    updateSection('dashboards', next);
    return widgetId;
  }
  updateSection('dashboards', edits.replaceWidget(dashboards(), dashboardId, widget as WidgetConfig));
  return widget.id!;
}

export const deleteWidget = (dashboardId: string, widgetId: string) => updateSection('dashboards', edits.removeWidget(dashboards(), dashboardId, widgetId));

export function saveLayout(dashboardId: string, cells: readonly Cell[]): void {
  const current = dashboards();
  const next = edits.applyLayout(current, dashboardId, cells);
  if (next !== current) updateSection('dashboards', next);
}

export function plot(target: { dashboardId: string | null; widgetId: string | null }, ref: SeriesRef, title: string) {
  const result = edits.plotSeries(dashboards(), target, ref, title, sizeOf);
  updateSection('dashboards', result.dashboards);
  const dashboard = result.dashboards.find((d) => d.id === result.dashboardId);
  const chart = dashboard?.widgets.find((w) => w.id === result.widgetId);
  return { dashboardId: result.dashboardId, dashboardName: dashboard?.name || result.dashboardId, chartTitle: chart?.title || result.widgetId };
}
