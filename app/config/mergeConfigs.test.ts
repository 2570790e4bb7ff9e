import { expect, it } from 'vitest';
import { mergeConfigs, withoutSecrets } from './mergeConfigs';

const conn = (id: string, url = 'ws://a') => ({ id, url, protocolVersion: 5 as const, subscriptions: [], autoConnect: false });

it('site config wins by id; local additions stay', () => {
  const stored = { version: 1 as const, connections: [conn('a', 'ws://old'), conn('b')], alarms: [], dashboards: [] };
  const site = { version: 1 as const, connections: [conn('a', 'ws://new')], alarms: [], dashboards: [] };
  expect(mergeConfigs(stored, site).connections.map((c) => [c.id, c.url])).toEqual([['a', 'ws://new'], ['b', 'ws://a']]);
});

it('strips passwords', () => {
  const c = { version: 1 as const, connections: [{ ...conn('a'), password: 'x' }], alarms: [], dashboards: [] };
  expect(withoutSecrets(c).connections[0]).not.toHaveProperty('password');
});

it('keeps "Remember password" chosen on this device for a connection config.json defines', () => {
  const stored = { version: 1 as const, connections: [{ ...conn('a'), rememberPassword: true }], alarms: [], dashboards: [] };
  const site = { version: 1 as const, connections: [conn('a', 'ws://new')], alarms: [], dashboards: [] };
  expect(mergeConfigs(stored, site).connections[0]).toMatchObject({ url: 'ws://new', rememberPassword: true });
});
