import { describe, expect, it } from 'vitest';
import type { SiteConfig } from '../../src/config';
import { configChanges } from './configChanges';
import { importDetails } from './importDetails';

const conn = (id: string, name: string, extra: Record<string, unknown> = {}) => ({ id, name, url: 'ws://h:9001', protocolVersion: 5, subscriptions: [], autoConnect: false, ...extra });
const alarm = (id: string, setpoint: number) => ({ id, name: `Alarm ${id}`, topic: 't', path: 'v', condition: 'above', setpoint });
const site = (over: Record<string, unknown>) => ({ version: 1, connections: [], alarms: [], dashboards: [], ...over }) as unknown as SiteConfig;

describe('configChanges', () => {
  it('lists what is added, changed and removed per section, by name', () => {
    const before = site({ connections: [conn('p', 'Plant')], alarms: [alarm('a1', 80), alarm('a2', 80)], dashboards: [{ id: 'd1', name: 'Line 1', widgets: [] }] });
    const after = site({ connections: [conn('p', 'Plant'), conn('s', 'Second')], alarms: [alarm('a1', 90)], dashboards: [{ id: 'd1', name: 'Line 1', widgets: [] }], alarmSettings: { journalMax: 500 } });
    const changes = configChanges(before, after);
    expect(importDetails(changes)).toEqual([
      ['Connections', 'added: Second'],
      ['Alarms', 'changed: Alarm a1; removed: Alarm a2'],
      ['Other settings', 'added: alarmSettings'],
    ]);
  });

  it('is empty for the same document, and a password alone is no change', () => {
    const before = site({ connections: [conn('p', 'Plant', { password: 'secret' })] });
    expect(configChanges(before, site({ connections: [conn('p', 'Plant')] }))).toEqual([]);
  });
});
