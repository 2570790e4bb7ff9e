import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock';
import { startAedesBroker, type TestBroker } from '../testing/aedesBroker';
import { clientOptions } from './clientOptions';
import { MqttSession, type SessionListener } from './MqttSession';
import type { ConnectionSettings } from './types';

const g = globalThis as { WebSocket?: unknown };
const savedWebSocket = g.WebSocket;
beforeAll(() => {
  // mqtt.js's browser stream builder opens a global WebSocket (Node 20 has none).
  g.WebSocket = WebSocket;
});
afterAll(() => {
  g.WebSocket = savedWebSocket;
});

const T = 1_700_000_123_456;
const base: ConnectionSettings = { id: 'scada', name: 'SCADA', url: 'ws://x', protocolVersion: 5, subscriptions: [{ topic: 'spBv1.0/#', qos: 0 }] };

describe('Sparkplug primary host options', () => {
  it('registers the STATE Will (offline, QoS 1, retained) with Clean Start and Session Expiry 0', () => {
    const o = clientOptions({ ...base, clean: false, sessionExpiry: 600, sparkplug: { hostId: 'scada1' } }, 'c', null, () => null, T);
    expect(o.will).toEqual({ topic: 'spBv1.0/STATE/scada1', payload: `{"online":false,"timestamp":${T}}`, qos: 1, retain: true });
    expect(o.clean).toBe(true);
    expect(o.properties).toEqual({ sessionExpiryInterval: 0 });
  });

  it('leaves other connections alone', () => {
    const o = clientOptions({ ...base, clean: false }, 'c', null, () => null, T);
    expect(o.will).toBeUndefined();
    expect(o.clean).toBe(false);
  });
});

/** Collects messages; waits for a condition, never for a guessed time. */
class Listener implements SessionListener {
  messages: { topic: string; text: string; retain: boolean }[] = [];
  private waiters: (() => void)[] = [];
  onStatus(): void {
    this.wake();
  }
  onMessage(topic: string, payload: Uint8Array, _qos: number, retain: boolean): void {
    this.messages.push({ topic, text: new TextDecoder().decode(payload), retain });
    this.wake();
  }
  until(ok: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = () => (ok() ? resolve() : this.waiters.push(check));
      check();
    });
  }
  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}

describe('Sparkplug primary host STATE against a broker', () => {
  let broker: TestBroker;
  const sessions: MqttSession[] = [];
  afterEach(async () => {
    for (const s of sessions.splice(0)) s.end();
    await broker?.close();
  });

  it('publishes the birth after connecting, the broker sends the Will when the connection is dropped, and an offline STATE is answered', async () => {
    broker = await startAedesBroker();
    const clock = new ManualClock(T);
    const watcher = new Listener();
    const watch = new MqttSession({ ...base, id: 'w', url: broker.url, subscriptions: [{ topic: 'spBv1.0/STATE/#', qos: 1 }] }, watcher, clock);
    sessions.push(watch);
    watch.start();
    await watcher.until(() => watch.connected && watch.status.subscriptions.every((s) => s.granted !== undefined));

    const host = new MqttSession({ ...base, url: broker.url, sparkplug: { hostId: 'scada1' } }, new Listener(), clock);
    sessions.push(host);
    host.start();
    const state = () => watcher.messages.filter((m) => m.topic === 'spBv1.0/STATE/scada1').map((m) => JSON.parse(m.text) as { online: boolean; timestamp: number });
    await watcher.until(() => state().length === 1);
    expect(state()[0]).toEqual({ online: true, timestamp: T });

    // Someone (a stale Will) says we are offline: the host says online again at once.
    watch.publish('spBv1.0/STATE/scada1', new TextEncoder().encode(`{"online":false,"timestamp":${T}}`), { qos: 1, retain: true }, () => {});
    await watcher.until(() => state().length === 3);
    expect(state()[2]).toEqual({ online: true, timestamp: T });

    host.end();
    await watcher.until(() => state().length === 4);
    expect(state()[3]).toEqual({ online: false, timestamp: T });
  });
});
