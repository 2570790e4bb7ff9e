import { describe, expect, it } from 'vitest';
import type { DashboardConfig } from '../../src/config';
import { addDashboard, addWidget, applyLayout, freeId, plotSeries, removeDashboard, removeWidget, renameDashboard, replaceWidget } from './dashboardEdits';

const size = () => ({ w: 6, h: 4 });
const base: DashboardConfig[] = [
  { id: 'main', name: 'Line 1', widgets: [{ id: 'w1', type: 'line', title: 'Temp', series: [{ topic: 't', path: 'v' }], layout: { x: 0, y: 0, w: 6, h: 4 } }] },
];

describe('dashboard edits', () => {
  it('makes readable, free ids', () => {
    expect(freeId('Line 1 temperature!', [])).toBe('line-1-temperature');
    expect(freeId('main', ['main', 'main-2'])).toBe('main-3');
    expect(freeId('***', [])).toBe('item');
  });

  it('adds, renames and removes dashboards', () => {
    const { dashboards, id } = addDashboard(base, 'Line 1');
    expect(id).toBe('line-1');
    expect(renameDashboard(dashboards, id, 'Packing')[1].name).toBe('Packing');
    expect(removeDashboard(dashboards, 'main').map((d) => d.id)).toEqual(['line-1']);
  });

  it('adds a widget beside the others and keeps its place when edited', () => {
    const { dashboards, widgetId } = addWidget(base, 'main', { type: 'gauge', title: 'Pressure', series: [{ topic: 'p', path: 'v' }] }, size);
    const added = dashboards[0].widgets[1];
    expect(widgetId).toBe('pressure');
    expect(added.layout).toEqual({ x: 6, y: 0, w: 6, h: 4 });
    const edited = replaceWidget(dashboards, 'main', { ...added, layout: undefined, title: 'P' });
    expect(edited[0].widgets[1]).toMatchObject({ title: 'P', layout: { x: 6, y: 0, w: 6, h: 4 } });
    expect(removeWidget(edited, 'main', 'w1')[0].widgets.map((w) => w.id)).toEqual(['pressure']);
  });

  it('stores a changed layout, and returns the same array when nothing moved', () => {
    expect(applyLayout(base, 'main', [{ i: 'w1', x: 0, y: 0, w: 6, h: 4 }])).toBe(base);
    expect(applyLayout(base, 'main', [{ i: 'w1', x: 3, y: 1, w: 6, h: 5 }])[0].widgets[0].layout).toEqual({ x: 3, y: 1, w: 6, h: 5 });
  });

  it('plots into an existing chart once, into a new chart, or onto a new dashboard', () => {
    const ref = { connection: 'plant', topic: 'a/b', path: 'v' };
    const into = plotSeries(base, { dashboardId: 'main', widgetId: 'w1' }, ref, 'a/b', size);
    expect(into.dashboards[0].widgets[0].series).toHaveLength(2);
    expect(plotSeries(into.dashboards, { dashboardId: 'main', widgetId: 'w1' }, ref, 'a/b', size).dashboards[0].widgets[0].series).toHaveLength(2);
    const fresh = plotSeries(base, { dashboardId: 'main', widgetId: null }, ref, 'a/b v', size);
    expect(fresh.dashboards[0].widgets[1]).toMatchObject({ id: 'a-b-v', type: 'line', title: 'a/b v', series: [ref] });
    const none = plotSeries([], { dashboardId: null, widgetId: null }, ref, 'a/b', size);
    expect(none.dashboards).toMatchObject([{ id: 'plots', name: 'Plots', widgets: [{ type: 'line', series: [ref] }] }]);
    expect(none.dashboardId).toBe('plots');
  });
});
