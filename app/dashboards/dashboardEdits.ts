import type { DashboardConfig, SeriesRef, WidgetConfig } from '../../src/config';
import { firstFree, placeWidgets, type Cell } from './layout';

/**
 * Pure edits of the `dashboards` section of the site config. Each returns a new array; the
 * caller stores it with updateSection('dashboards', …), so it is persisted and exported.
 */
export type Dashboards = readonly DashboardConfig[];
type SizeOf = (type: string) => { w: number; h: number };
/** A widget before it has an id (the dialog's result). */
export type WidgetDraft = Pick<WidgetConfig, 'type' | 'title' | 'series'> & Partial<WidgetConfig>;

/** `base`, or `base-2`, `base-3`… whichever is free; ids are kept to letters, digits and -. */
export function freeId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const clean = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'item';
  if (!used.has(clean)) return clean;
  for (let n = 2; ; n++) if (!used.has(`${clean}-${n}`)) return `${clean}-${n}`;
}

export function addDashboard(dashboards: Dashboards, name: string): { dashboards: DashboardConfig[]; id: string } {
  const id = freeId(name, dashboards.map((d) => d.id));
  return { dashboards: [...dashboards, { id, name: name.trim() || id, widgets: [] }], id };
}

export function renameDashboard(dashboards: Dashboards, id: string, name: string): DashboardConfig[] {
  return dashboards.map((d) => (d.id === id ? { ...d, name } : d));
}

export function removeDashboard(dashboards: Dashboards, id: string): DashboardConfig[] {
  return dashboards.filter((d) => d.id !== id);
}

const editWidgets = (dashboards: Dashboards, dashboardId: string, edit: (widgets: WidgetConfig[]) => WidgetConfig[]): DashboardConfig[] =>
  dashboards.map((d) => (d.id === dashboardId ? { ...d, widgets: edit(d.widgets) } : d));

/** Adds a widget (a fresh id, placed in the first free space for its size). */
export function addWidget(dashboards: Dashboards, dashboardId: string, widget: WidgetDraft, sizeOf: SizeOf): { dashboards: DashboardConfig[]; widgetId: string } {
  const dashboard = dashboards.find((d) => d.id === dashboardId);
  const taken = dashboard?.widgets.map((w) => w.id) ?? [];
  const widgetId = freeId(widget.id || widget.title || widget.type, taken);
  const cells = placeWidgets(dashboard?.widgets ?? [], sizeOf);
  const size = sizeOf(widget.type);
  const at = firstFree(cells, size.w, size.h);
  const placed = { ...widget, id: widgetId, layout: widget.layout ?? { ...at, ...size } } as WidgetConfig;
  return { dashboards: editWidgets(dashboards, dashboardId, (ws) => [...ws, placed]), widgetId };
}

/** Replaces a widget's settings, keeping its place. */
export function replaceWidget(dashboards: Dashboards, dashboardId: string, widget: WidgetConfig): DashboardConfig[] {
  return editWidgets(dashboards, dashboardId, (ws) => ws.map((w) => (w.id === widget.id ? { ...widget, layout: widget.layout ?? w.layout } : w)));
}

export function removeWidget(dashboards: Dashboards, dashboardId: string, widgetId: string): DashboardConfig[] {
  return editWidgets(dashboards, dashboardId, (ws) => ws.filter((w) => w.id !== widgetId));
}

/** Stores the grid's layout after a drag or resize (only the cells that changed). */
export function applyLayout(dashboards: Dashboards, dashboardId: string, cells: readonly Cell[]): DashboardConfig[] {
  const byId = new Map(cells.map((c) => [c.i, c]));
  let changed = false;
  const next = editWidgets(dashboards, dashboardId, (ws) =>
    ws.map((w) => {
      const c = byId.get(w.id);
      if (!c) return w;
      const l = w.layout;
      if (l && l.x === c.x && l.y === c.y && l.w === c.w && l.h === c.h) return w;
      changed = true;
      return { ...w, layout: { x: c.x, y: c.y, w: c.w, h: c.h } };
    }),
  );
  return changed ? next : (dashboards as DashboardConfig[]);
}

const sameSeries = (a: SeriesRef, b: SeriesRef) => a.topic === b.topic && (a.path ?? '') === (b.path ?? '') && (a.connection ?? '') === (b.connection ?? '');

/**
 * "Plot" from the Message view: adds a series to an existing line chart, or makes a new line
 * chart for it (on a new "Plots" dashboard when there is none).
 */
export function plotSeries(
  dashboards: Dashboards,
  target: { dashboardId: string | null; widgetId: string | null },
  ref: SeriesRef,
  title: string,
  sizeOf: SizeOf,
): { dashboards: DashboardConfig[]; dashboardId: string; widgetId: string } {
  let list = [...dashboards];
  let dashboardId = target.dashboardId;
  if (!dashboardId || !list.some((d) => d.id === dashboardId)) {
    const made = addDashboard(list, 'Plots');
    list = made.dashboards;
    dashboardId = made.id;
  }
  const chart = target.widgetId ? list.find((d) => d.id === dashboardId)?.widgets.find((w) => w.id === target.widgetId && w.type === 'line') : undefined;
  if (chart) {
    if (chart.series.some((s) => sameSeries(s, ref))) return { dashboards: list, dashboardId, widgetId: chart.id };
    return { dashboards: replaceWidget(list, dashboardId, { ...chart, series: [...chart.series, ref] }), dashboardId, widgetId: chart.id };
  }
  const added = addWidget(list, dashboardId, { type: 'line', title, series: [ref] }, sizeOf);
  return { dashboards: added.dashboards, dashboardId, widgetId: added.widgetId };
}
