import { afterEach, describe, expect, it } from 'vitest';
import { activateLocale } from '../i18n/i18n';
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

describe('importDetails in zh-CN', () => {
  afterEach(() => activateLocale('en'));

  it('names sections and changes in Chinese; names stay as written', async () => {
    await activateLocale('zh-CN');
    const before = site({ alarms: [alarm('a1', 80), alarm('a2', 80), alarm('a3', 80)] });
    const after = site({ alarms: [alarm('a1', 90)], alarmSettings: { journalMax: 500 } });
    expect(importDetails(configChanges(before, after))).toEqual([
      ['报警', '修改：Alarm a1；删除：Alarm a2、Alarm a3'],
      ['其他设置', '新增：alarmSettings'],
    ]);
  });
});
