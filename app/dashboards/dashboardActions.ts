import type { WidgetConfig } from '../../src/config';
import { updateSection, useSiteStore } from '../state/siteStore';
import { widgetType } from '../widgets/registry';
import * as edits from './dashboardEdits';
import type { WidgetDraft } from './dashboardEdits';
import type { Cell } from './layout';

/** Dashboard commands: the pure edits in dashboardEdits.ts applied to the site config. */
const sizeOf = (type: string) => widgetType(type)?.defaultSize ?? { w: 4, h: 6 };
const dashboards = () => useSiteStore.getState().config.dashboards;

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
