import { describe, expect, it } from 'vitest';
import type { AlarmRuleConfig, ConnectionConfig, WidgetConfig } from '../../../src/config';
import { seriesKey } from '../../../src/series';
import { resolveSeries } from './resolveSeries';

const conn = (id: string) => ({ id, url: 'ws://x', protocolVersion: 5, subscriptions: [], autoConnect: false }) as unknown as ConnectionConfig;
const rule = (over: Partial<AlarmRuleConfig>) =>
  ({ id: 'r', topic: 't/temp', path: 'v', condition: 'above', setpoint: 80, deadband: 0, onDelayMs: 0, offDelayMs: 0, priority: 'high', enabled: true, ...over }) as AlarmRuleConfig;
const widget = (series: WidgetConfig['series'], extra: Partial<WidgetConfig> = {}) => ({ id: 'w', type: 'line', title: 'T', series, ...extra }) as WidgetConfig;

describe('resolveSeries', () => {
  it('fills in the only connection, a label and the widget unit', () => {
    const [s] = resolveSeries({ connections: [conn('plant')], alarms: [] }, widget([{ topic: 'a/b/t/temp', path: 'v' }], { unit: '°C' }));
    expect(s).toMatchObject({ key: seriesKey('plant', 'a/b/t/temp', 'v'), connection: 'plant', label: 't/temp', unit: '°C' });
  });

  it('leaves the connection open when there are several', () => {
    const [s] = resolveSeries({ connections: [conn('a'), conn('b')], alarms: [] }, widget([{ topic: 't', path: '' }]));
    expect(s.connection).toBe('');
  });

  it('finds the alarm rules on exactly this series', () => {
    const alarms = [rule({ id: 'yes' }), rule({ id: 'other-path', path: 'w' }), rule({ id: 'other-conn', connection: 'b' }), rule({ id: 'off', enabled: false }), rule({ id: 'any-conn', connection: undefined })];
    const [s] = resolveSeries({ connections: [conn('a')], alarms }, widget([{ topic: 't/temp', path: 'v', connection: 'a' }]));
    expect(s.alarms.map((r) => r.id)).toEqual(['yes', 'any-conn']);
  });
});
