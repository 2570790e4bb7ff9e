import { describe, expect, it } from 'vitest';
import type { WidgetConfig } from '../../src/config';
import { gaugeWidget } from '../widgets/Gauge';
import { lampWidget } from '../widgets/Lamp';
import { barWidget } from '../widgets/Bar';
import { lineChartWidget } from '../widgets/LineChart';
import { mapWidget } from '../widgets/Map';
import { emptyRow, formFromWidget, widgetFromForm, type WidgetFormState } from './widgetForm';

const form = (over: Partial<WidgetFormState>): WidgetFormState => ({ type: 'gauge', title: '', rows: [{ ...emptyRow('plant'), topic: 'a/b/press1/pressure', path: 'v' }], values: {}, ...over });

describe('widget dialog', () => {
  it('builds a gauge with parsed settings and a default title', () => {
    const result = widgetFromForm(form({ values: { min: '0', max: '250', unit: 'bar', decimals: '1', bands: '200..250 high', staleAfterMs: '10' } }), gaugeWidget);
    expect(result).toEqual({
      ok: true,
      widget: {
        type: 'gauge',
        title: 'press1/pressure',
        series: [{ connection: 'plant', topic: 'a/b/press1/pressure', path: 'v' }],
        min: 0,
        max: 250,
        unit: 'bar',
        decimals: 1,
        bands: [{ from: 200, to: 250, priority: 'high' }],
        staleAfterMs: 10_000,
      },
    });
  });

  it.each([
    [form({ rows: [emptyRow('')] }), /^Topic: a gauge needs a topic/],
    [form({ rows: [{ ...emptyRow(''), topic: 'a/#' }] }), /not a filter/],
    [form({ values: { min: 'low' } }), /^Minimum: must be a number/],
    [form({ values: { min: '10', max: '5' } }), /^Maximum/],
    [form({ values: { decimals: '1.5' } }), /^Decimals/],
    [form({ values: { bands: 'oops' } }), /^Bands: Band "oops"/],
  ])('says what is wrong (%#)', (state, message) => {
    const result = widgetFromForm(state, gaugeWidget);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });

  it('round-trips an existing widget, keeps unknown fields and drops settings the new type lacks', () => {
    const widget = { id: 'w', type: 'gauge', title: 'P', series: [{ topic: 't', path: 'v', connection: 'plant' }], min: 0, max: 10, custom: 1, layout: { x: 0, y: 0, w: 3, h: 3 } } as WidgetConfig;
    const state = formFromWidget(widget, gaugeWidget, 'plant');
    expect(state.values).toMatchObject({ min: '0', max: '10', bands: '' });
    const asLamp = widgetFromForm({ ...state, type: 'lamp', values: { states: 'FAULT = Fault (high)' } }, lampWidget, widget);
    expect(asLamp.ok && asLamp.widget).toEqual({ id: 'w', type: 'lamp', title: 'P', series: [{ topic: 't', path: 'v', connection: 'plant' }], custom: 1, layout: { x: 0, y: 0, w: 3, h: 3 }, states: [{ value: 'FAULT', text: 'Fault', priority: 'high' }] });
  });

  it('a line chart takes several series with labels and a time field', () => {
    const rows = [
      { ...emptyRow(''), topic: 't/1', path: 'v', label: 'One', timePath: 'ts' },
      { ...emptyRow(''), topic: 't/2', path: 'a.b[0]' },
    ];
    const result = widgetFromForm(form({ type: 'line', title: 'Both', rows, values: { window: '15m' } }), lineChartWidget);
    expect(result.ok && result.widget).toEqual({ type: 'line', title: 'Both', window: '15m', series: [{ topic: 't/1', path: 'v', label: 'One', timePath: 'ts' }, { topic: 't/2', path: 'a.b[0]' }] });
  });

  it('a map takes no series; its positions and colours are fields inside objects, and round-trip', () => {
    const values = { 'positions.topic': 'fleet/+/gps', 'positions.lat': 'pos.lat', 'positions.fields': 'speed, fuel', tiles: 'site.pmtiles', 'colorBy.path': 'state', 'colorBy.values': 'fault = alarm\nlow = low' };
    const result = widgetFromForm(form({ type: 'map', title: 'Fleet', values }), mapWidget);
    const widget = { type: 'map', title: 'Fleet', series: [], positions: { topic: 'fleet/+/gps', lat: 'pos.lat', fields: ['speed', 'fuel'] }, tiles: 'site.pmtiles', colorBy: { path: 'state', values: { fault: 'alarm', low: 'low' } } };
    expect(result.ok && result.widget).toEqual(widget);
    expect(formFromWidget({ id: 'm', ...widget } as unknown as WidgetConfig, mapWidget, 'plant').values).toMatchObject(values);
  });

  it('a map needs its positions topic', () => {
    const result = widgetFromForm(form({ type: 'map', values: {} }), mapWidget);
    expect(!result.ok && result.error).toBe('Positions topic: must not be empty');
  });

  it('a bar chart of a site total: increase per interval, summed over a wildcard', () => {
    const rows = [{ ...emptyRow('plant'), topic: 'site/+/meter', path: 'kwh', label: 'Site', transform: 'increase' as const, interval: '8h', aggregate: 'sum' as const }];
    const result = widgetFromForm(form({ type: 'bar', title: 'Energy per shift', rows, values: { unit: 'kWh', bars: '21' } }), barWidget);
    expect(result.ok && result.widget).toEqual({
      type: 'bar',
      title: 'Energy per shift',
      unit: 'kWh',
      bars: 21,
      series: [{ connection: 'plant', topic: 'site/+/meter', path: 'kwh', label: 'Site', transform: 'increase', interval: '8h', aggregate: 'sum' }],
    });
    const back = formFromWidget({ id: 'b', ...(result.ok ? result.widget : {}) } as WidgetConfig, barWidget, 'plant');
    expect(back.rows[0]).toMatchObject({ transform: 'increase', interval: '8h', aggregate: 'sum' });
    expect(back.values.bars).toBe('21');
  });

  it.each([
    [{ transform: 'increase' as const, interval: '7h' }, /^Interval "7h"/],
    [{ topic: 'site/+/meter', transform: 'rate' as const }, /unless the series has an aggregate/],
  ])('refuses a counter row that cannot work (%#)', (patch, message) => {
    const result = widgetFromForm(form({ type: 'bar', rows: [{ ...emptyRow('plant'), topic: 'site/m1/meter', path: 'kwh', ...patch }] }), barWidget);
    expect(!result.ok && result.error).toMatch(message);
  });
});
