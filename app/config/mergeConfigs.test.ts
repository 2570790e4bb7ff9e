import { expect, it } from 'vitest';
import { mergeConfigs, withoutSecrets } from './mergeConfigs';

const conn = (id: string, url = 'ws://a') => ({ id, url, protocolVersion: 5 as const, subscriptions: [], autoConnect: false });

it('site config wins by id; local additions stay', () => {
  const stored = { version: 1 as const, connections: [conn('a', 'ws://old'), conn('b')], alarms: [], dashboards: [] };
  const site = { version: 1 as const, connections: [conn('a', 'ws://new')], alarms: [], dashboards: [] };
  expect(mergeConfigs(stored, site).config.connections.map((c) => [c.id, c.url])).toEqual([['a', 'ws://new'], ['b', 'ws://a']]);
});

it('strips passwords', () => {
  const c = { version: 1 as const, connections: [{ ...conn('a'), password: 'x' }], alarms: [], dashboards: [] };
  expect(withoutSecrets(c).connections[0]).not.toHaveProperty('password');
});

it('keeps "Remember password" chosen on this device for a connection config.json defines', () => {
  const stored = { version: 1 as const, connections: [{ ...conn('a'), rememberPassword: true }], alarms: [], dashboards: [] };
  const site = { version: 1 as const, connections: [conn('a', 'ws://new')], alarms: [], dashboards: [] };
  expect(mergeConfigs(stored, site).config.connections[0]).toMatchObject({ url: 'ws://new', rememberPassword: true });
});

it('keeps a local edit of a config.json entry until config.json itself changes', () => {
  const site = { version: 1 as const, connections: [], alarms: [], dashboards: [{ id: 'd', name: 'Site', widgets: [] }] };
  const first = mergeConfigs({ version: 1, connections: [], alarms: [], dashboards: [] }, site);
  const edited = { ...first.config, dashboards: [{ id: 'd', name: 'Edited here', widgets: [] }] };
  const second = mergeConfigs(edited, site, first.applied);
  expect(second.config.dashboards[0].name).toBe('Edited here');
  const changedSite = { ...site, dashboards: [{ id: 'd', name: 'Admin changed it', widgets: [] }] };
  expect(mergeConfigs(edited, changedSite, second.applied).config.dashboards[0].name).toBe('Admin changed it');
});
