import { describe, expect, it } from 'vitest';
import type { WidgetConfig } from '../../src/config';
import { gaugeWidget } from '../widgets/Gauge';
import { lampWidget } from '../widgets/Lamp';
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
      { connection: '', topic: 't/1', path: 'v', label: 'One', timePath: 'ts' },
      { connection: '', topic: 't/2', path: 'a.b[0]', label: '', timePath: '' },
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
});
