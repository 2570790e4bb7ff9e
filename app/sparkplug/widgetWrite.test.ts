import { describe, expect, it } from 'vitest';
import type { WidgetConfig } from '../../src/config';
import { formatSparkplugField, parseSparkplugField, parseSparkplugTopic, widgetSparkplugValue, widgetSparkplugWrite } from './widgetWrite';

const widget = (extra: Record<string, unknown>): WidgetConfig => ({ id: 'w', type: 'setpoint', title: '', series: [], ...extra }) as WidgetConfig;

describe('parseSparkplugTopic', () => {
  it.each([
    ['spBv1.0/G/DCMD/Edge1/Pump1', { group: 'G', type: 'DCMD', node: 'Edge1', device: 'Pump1' }],
    ['spBv1.0/G/NCMD/Edge1', { group: 'G', type: 'NCMD', node: 'Edge1' }],
    ['spBv1.0/G/DDATA/Edge1/Pump1', { group: 'G', type: 'DDATA', node: 'Edge1', device: 'Pump1' }],
    ['spBv1.0/G/NCMD/Edge1/Pump1', null],
    ['spBv1.0/G/DCMD/Edge1', null],
    ['spBv1.0/STATE/host', null],
    ['plant/line1/DCMD/a/b', null],
  ])('%s', (topic, parts) => expect(parseSparkplugTopic(topic)).toEqual(parts));
});

describe('widgetSparkplugWrite', () => {
  it('an ordinary widget (no sparkplug field, template not on a CMD topic) is not a Sparkplug write', () => {
    expect(widgetSparkplugWrite(widget({}), { topic: 'plant/cmd' })).toBeNull();
    expect(widgetSparkplugWrite(widget({ series: [{ topic: 'spBv1.0/G/DDATA/E/D', path: 'Speed' }] }))).toBeNull();
  });

  it('sparkplug.metric with an explicit topic and connection', () => {
    const w = widget({ sparkplug: { metric: 'Speed', topic: 'spBv1.0/G/DCMD/Edge1/Pump1', connection: 'plant' } });
    expect(widgetSparkplugWrite(w)).toEqual({ ok: true, target: { connection: 'plant', group: 'G', node: 'Edge1', device: 'Pump1', metric: 'Speed' } });
  });

  it('a setpoint on a DDATA series writes that metric back to the same device, on the series connection', () => {
    const w = widget({ sparkplug: {}, series: [{ connection: 'plant', topic: 'spBv1.0/G/DDATA/Edge1/Pump1', path: 'Setpoint/Speed' }] });
    expect(widgetSparkplugWrite(w)).toEqual({ ok: true, target: { connection: 'plant', group: 'G', node: 'Edge1', device: 'Pump1', metric: 'Setpoint/Speed' } });
  });

  it('the resolved series (its connection filled in) wins over the raw config', () => {
    const w = widget({ sparkplug: {}, series: [{ topic: 'spBv1.0/G/DDATA/${node}/Pump1', path: 'Speed' }] });
    expect(widgetSparkplugWrite(w, undefined, { connection: 'plant', topic: 'spBv1.0/G/DDATA/Edge7/Pump1', path: 'Speed' })).toEqual({
      ok: true,
      target: { connection: 'plant', group: 'G', node: 'Edge7', device: 'Pump1', metric: 'Speed' },
    });
  });

  it('a template on an NCMD topic makes it a node write; the metric must be named', () => {
    expect(widgetSparkplugWrite(widget({}), { topic: 'spBv1.0/G/NCMD/Edge1', connection: 'c' })).toMatchObject({ ok: false, error: expect.stringContaining('metric') });
    expect(widgetSparkplugWrite(widget({ sparkplug: { metric: 'Mode' } }), { topic: 'spBv1.0/G/NCMD/Edge1', connection: 'c' })).toEqual({
      ok: true,
      target: { connection: 'c', group: 'G', node: 'Edge1', metric: 'Mode' },
    });
  });

  it('says what is wrong with a topic that is not an edge node or device', () => {
    expect(widgetSparkplugWrite(widget({ sparkplug: { metric: 'x', topic: 'spBv1.0/STATE/h' } }))).toMatchObject({ ok: false, error: expect.stringContaining('not an edge node') });
    expect(widgetSparkplugWrite(widget({ sparkplug: { metric: 'x' } }))).toMatchObject({ ok: false, error: expect.stringContaining('topic') });
  });

  it('a button value is text whatever its JSON type', () => {
    expect(widgetSparkplugValue(widget({ sparkplug: { value: true } }))).toBe('true');
    expect(widgetSparkplugValue(widget({ sparkplug: { value: 12.5 } }))).toBe('12.5');
    expect(widgetSparkplugValue(widget({ sparkplug: {} }))).toBeUndefined();
  });
});

describe('the widget dialog field "Sparkplug write"', () => {
  it('round-trips metric, topic, connection and value', () => {
    const text = 'metric=Setpoint/Speed\ntopic=spBv1.0/G/DCMD/Edge1/Pump1\nconnection=plant\nvalue=1500';
    expect(formatSparkplugField(parseSparkplugField(text))).toBe(text);
  });

  it.each([
    ['speed', 'write one of'],
    ['colour=red', 'write one of'],
    ['metric=a\ntopic=plant/x', 'not an edge node'],
  ])('refuses %j', (text, message) => expect(() => parseSparkplugField(text)).toThrow(message));
});
