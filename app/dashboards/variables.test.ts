import { describe, expect, it } from 'vitest';
import type { DashboardConfig, SiteConfig, WidgetConfig } from '../../src/config';
import { resolveDashboard, resolveSiteConfig, sortValues, substitute, variablesFromSearch, withVariable } from './variables';

const widget = (over: Partial<WidgetConfig> & Record<string, unknown>): WidgetConfig => ({ id: 'w', type: 'stat', title: '', series: [], ...over }) as WidgetConfig;

describe('dashboard variables', () => {
  it.each([
    ['fleet/${vehicle}/gps', { vehicle: 'truck-07' }, 'fleet/truck-07/gps'],
    ['site/${site}/${meter}/kwh', { site: 'north', meter: 'm1' }, 'site/north/m1/kwh'],
    ['fleet/${vehicle}/gps', {}, 'fleet/${vehicle}/gps'],
    ['plain/topic', { vehicle: 'x' }, 'plain/topic'],
  ])('%s with %j → %s', (text, values, out) => expect(substitute(text, values)).toBe(out));

  it('resolves the title and every topic field of a widget (series, table rows, map positions), and leaves the rest', () => {
    const d: DashboardConfig = {
      id: 'd',
      variables: [{ name: 'vehicle', topic: 'fleet/+/gps' }],
      widgets: [
        widget({ id: 'a', series: [{ topic: 'fleet/${vehicle}/status', path: 'fuel' }], title: '${vehicle}' }),
        widget({ id: 'b', type: 'map', positions: { topic: 'fleet/${vehicle}/gps', lat: 'lat', lon: 'lon' } }),
        widget({ id: 'c', type: 'table', rows: { topic: 'fleet/+/status' } }),
      ],
    };
    const r = resolveDashboard(d, { vehicle: 'truck-07' });
    expect(r.widgets[0].series[0].topic).toBe('fleet/truck-07/status');
    expect(r.widgets[0].title).toBe('truck-07');
    expect((r.widgets[1] as unknown as { positions: { topic: string; lat: string } }).positions).toEqual({ topic: 'fleet/truck-07/gps', lat: 'lat', lon: 'lon' });
    // Unchanged widgets keep their identity (no re-render, no new watch).
    expect(r.widgets[2]).toBe(d.widgets[2]);
    expect(resolveDashboard({ ...d, variables: [] }, { vehicle: 'x' })).toEqual({ ...d, variables: [] });
  });

  it('records the picked topics, and leaves out series whose variable has no value yet', () => {
    const config = {
      dashboards: [
        { id: 'd', variables: [{ name: 'vehicle', topic: 'fleet/+/gps' }], widgets: [widget({ series: [{ topic: 'fleet/${vehicle}/status', path: 'fuel' }, { topic: 'site/total', path: '' }] })] },
        { id: 'e', widgets: [widget({ series: [{ topic: 'x', path: '' }] })] },
      ],
    } as Pick<SiteConfig, 'dashboards'>;
    expect(resolveSiteConfig(config, { vehicle: 'truck-02' }).dashboards[0].widgets[0].series.map((s) => s.topic)).toEqual(['fleet/truck-02/status', 'site/total']);
    expect(resolveSiteConfig(config, {}).dashboards[0].widgets[0].series.map((s) => s.topic)).toEqual(['site/total']);
    expect(resolveSiteConfig(config, {}).dashboards[1]).toBe(config.dashboards[1]);
  });

  it('reads and writes ?var-name= and keeps the other parameters and the hash', () => {
    expect(variablesFromSearch('?kiosk=1&var-vehicle=truck-07&var-=x&rotate=30')).toEqual({ vehicle: 'truck-07' });
    const href = withVariable('http://h/app/?kiosk=1&var-vehicle=a#/dashboards/truck', 'vehicle', 'truck 7');
    expect(href).toBe('http://h/app/?kiosk=1&var-vehicle=truck+7#/dashboards/truck');
    expect(variablesFromSearch(new URL(href).search)).toEqual({ vehicle: 'truck 7' });
  });

  it('orders values naturally', () => {
    expect(sortValues(['truck-10', 'truck-2', 'Truck-1'])).toEqual(['Truck-1', 'truck-2', 'truck-10']);
  });
});
