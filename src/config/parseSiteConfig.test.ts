import { describe, expect, it } from 'vitest';
import { parseSiteConfig } from './parseSiteConfig';

const good = {
  version: 1,
  connections: [{ id: 'plant', name: 'Plant broker', url: 'ws://127.0.0.1:9001', protocolVersion: 5, subscriptions: [{ topic: '#', qos: 0 }], autoConnect: true }],
  alarms: [{ id: 't1-high', name: 'Line 1 temperature high', connection: 'plant', topic: 'plant/line1/temp', path: 'v', condition: 'above', setpoint: 80, deadband: 2, onDelayMs: 0, offDelayMs: 0, priority: 'high' }],
  dashboards: [{ id: 'main', name: 'Line 1', widgets: [{ id: 'w1', type: 'line', title: 'Line 1 temperature', series: [{ connection: 'plant', topic: 'plant/line1/temp', path: 'v' }] }] }],
};

describe('parseSiteConfig', () => {
  it('accepts the contract example', () => {
    const r = parseSiteConfig(good);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.config.connections[0].url).toBe('ws://127.0.0.1:9001');
  });

  it('accepts text and fills defaults', () => {
    const r = parseSiteConfig('{"version":1,"connections":[{"id":"a","url":"wss://x:8884/mqtt"}]}');
    expect(r.ok && r.config.connections[0]).toMatchObject({ protocolVersion: 5, subscriptions: [{ topic: '#', qos: 0 }], autoConnect: false });
  });

  it('keeps unknown fields', () => {
    const r = parseSiteConfig({ ...good, extra: { a: 1 }, connections: [{ ...good.connections[0], color: 'blue' }] });
    expect(r.ok && (r.config as Record<string, unknown>).extra).toEqual({ a: 1 });
    expect(r.ok && (r.config.connections[0] as Record<string, unknown>).color).toBe('blue');
  });

  it.each([
    ['{"version":1,', /not valid JSON/],
    ['[1,2]', /JSON object/],
    [{ version: 2 }, /version 2 is newer/],
    [{ connections: [] }, /version: missing/],
    [{ version: 1, connections: [{ id: 1, url: 'ws://x' }] }, /connections\[0\]\.id: must be a text id/],
    [{ version: 1, connections: [{ id: 'a', url: 'http://x' }] }, /connections\[0\]\.url: must be a ws:\/\/ or wss:\/\/ URL/],
    [{ version: 1, connections: [{ id: 'a', url: 'ws://x', subscriptions: [{ topic: 'a', qos: 3 }] }] }, /subscriptions\[0\]\.qos: must be 0, 1 or 2/],
    [{ version: 1, alarms: [{ id: 'x', topic: 't', condition: 'hotter' }] }, /alarms\[0\]\.condition/],
    [{ version: 1, alarms: [{ id: 'x', topic: 't', condition: 'above', priority: 'urgent' }] }, /alarms\[0\]\.priority/],
    [{ version: 1, connections: [{ id: 'a', url: 'ws://x' }, { id: 'a', url: 'ws://y' }] }, /id "a" is used twice/],
  ])('refuses %j with a specific message', (doc, message) => {
    const r = parseSiteConfig(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});
