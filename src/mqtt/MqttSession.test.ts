import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock';
import { startAedesBroker, type TestBroker } from '../testing/aedesBroker';
import { backoffDelay } from './connectionState';
import { MqttSession, type SessionListener } from './MqttSession';
import type { ConnectionSettings, ConnectionStatus, QoS } from './types';

// mqtt.js's browser stream builder opens a global WebSocket (Node 20 has none).
const g = globalThis as { WebSocket?: unknown };
const hadWebSocket = 'WebSocket' in g;
const savedWebSocket = g.WebSocket;
beforeAll(() => {
  g.WebSocket = WebSocket;
});
afterAll(() => {
  if (hadWebSocket) g.WebSocket = savedWebSocket;
  else delete g.WebSocket;
});

/** Records what the session reports and lets a test wait for a status, never for a guessed time. */
class Recorder implements SessionListener {
  statuses: ConnectionStatus[] = [];
  messages: { topic: string; payload: string; qos: QoS; retain: boolean }[] = [];
  private waiters: (() => void)[] = [];

  get last(): ConnectionStatus | undefined {
    return this.statuses[this.statuses.length - 1];
  }

  onStatus(status: ConnectionStatus): void {
    if (process.env.DEBUG_SESSION) console.log(JSON.stringify(status));
    this.statuses.push(status);
    this.wake();
  }

  onMessage(topic: string, payload: Uint8Array, qos: QoS, retain: boolean): void {
    this.messages.push({ topic, payload: new TextDecoder().decode(payload), qos, retain });
    this.wake();
  }

  /** Resolves once `ok()` holds (checked now and after every status or message). */
  until(ok: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = () => (ok() ? resolve() : this.waiters.push(check));
      check();
    });
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }
}

let broker: TestBroker | undefined;
const sessions: MqttSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) s.end();
  await broker?.close();
  broker = undefined;
});

function settings(url: string, extra: Partial<ConnectionSettings> = {}): ConnectionSettings {
  return { id: 'c1', name: 'test', url, protocolVersion: 5, clientId: `session-test-${sessions.length}`, subscriptions: [{ topic: 'plant/#', qos: 1 }], ...extra };
}

function open(s: ConnectionSettings, clock = new ManualClock(), random = () => 0.5) {
  const rec = new Recorder();
  const session = new MqttSession(s, rec, clock, random);
  sessions.push(session);
  session.start();
  return { session, rec, clock };
}

const publish = (session: MqttSession, topic: string, payload: string, qos: QoS, queueWhileOffline = false) =>
  new Promise<string | undefined>((resolve) => session.publish(topic, new TextEncoder().encode(payload), { qos, retain: false, queueWhileOffline }, resolve));

/** PUBACKs in a chunk of MQTT packets (several may be written at once). */
function countPubacks(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i] >> 4 === 4) n++;
    let len = 0;
    let shift = 0;
    let j = i + 1;
    for (; j < bytes.length; j++) {
      len += (bytes[j] & 0x7f) << shift;
      shift += 7;
      if (!(bytes[j] & 0x80)) break;
    }
    i = j + 1 + len;
  }
  return n;
}

describe('MqttSession against an in-process broker', { timeout: 20_000 }, () => {
  it('connects, reports each filter’s SUBACK and receives messages', async () => {
    broker = await startAedesBroker(0, (aedes) => {
      aedes.authorizeSubscribe = (_client, sub, done) => done(null, sub.topic === 'secret/#' ? null : sub);
    });
    const { session, rec } = open(settings(broker.url, { subscriptions: [{ topic: 'plant/#', qos: 1 }, { topic: 'secret/#', qos: 0 }] }));
    expect(rec.last?.state).toBe('connecting');
    await rec.until(() => rec.last?.subscriptions.every((s) => s.granted !== undefined || s.error !== undefined) ?? false);
    expect(session.connected).toBe(true);
    expect(rec.last?.subscriptions[0]).toEqual({ topic: 'plant/#', qos: 1, granted: 1, error: undefined });
    expect(rec.last?.subscriptions[1].error).toMatch(/0x80|0x87|refused|not authorized|unspecified/i);

    broker.aedes.publish({ cmd: 'publish', topic: 'plant/oven1/temp', payload: Buffer.from('{"v":21}'), qos: 0, retain: false, dup: false }, () => {});
    await rec.until(() => rec.messages.length > 0);
    expect(rec.messages[0]).toEqual({ topic: 'plant/oven1/temp', payload: '{"v":21}', qos: 0, retain: false });
  });

  it('writes the PUBACK of a QoS 1 message before the engine works on it', async () => {
    broker = await startAedesBroker();
    // Counts the PUBACKs (packet type 4) the client writes to its WebSocket.
    let pubacks = 0;
    class CountingWebSocket extends WebSocket {
      override send(data: Parameters<WebSocket['send']>[0], ...rest: unknown[]): void {
        if (ArrayBuffer.isView(data)) pubacks += countPubacks(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        (super.send as (...a: unknown[]) => void)(data, ...rest);
      }
    }
    g.WebSocket = CountingWebSocket;
    const { session, rec } = open(settings(broker.url));
    await rec.until(() => rec.last?.subscriptions[0].granted === 1);
    const acksWhenDelivered: number[] = [];
    const deliver = rec.onMessage.bind(rec);
    rec.onMessage = (...args) => {
      acksWhenDelivered.push(pubacks);
      deliver(...args);
    };
    for (let i = 0; i < 5; i++) broker.aedes.publish({ cmd: 'publish', topic: `plant/m${i}`, payload: Buffer.from(String(i)), qos: 1, retain: false, dup: false }, () => {});
    await rec.until(() => rec.messages.length === 5);
    g.WebSocket = WebSocket;
    expect(rec.messages.map((m) => [m.topic, m.qos])).toEqual([0, 1, 2, 3, 4].map((i) => [`plant/m${i}`, 1]));
    // Each message reached the listener only after its own ack had been written.
    acksWhenDelivered.forEach((acks, i) => expect(acks).toBeGreaterThanOrEqual(i + 1));
    expect(session.connected).toBe(true);
  });

  it.each([0, 1, 2] as const)('publishes at QoS %i and reports success once the broker confirms', async (qos) => {
    broker = await startAedesBroker();
    const { session, rec } = open(settings(broker.url));
    await rec.until(() => session.connected);
    const seen = new Promise<number>((resolve) => broker!.aedes.on('publish', (packet, client) => client && resolve(packet.qos)));
    expect(await publish(session, 'cmd/x', 'go', qos)).toBeUndefined();
    expect(await seen).toBe(qos);
  });

  it('refuses QoS 0 while offline unless queued, and fails what waits when ended', async () => {
    const { session, rec } = open(settings('ws://127.0.0.1:1'));
    await rec.until(() => rec.last?.state === 'reconnecting');
    expect(await publish(session, 'cmd/x', 'go', 0)).toMatch(/QoS 0 is not queued/);
    const queued = publish(session, 'cmd/x', 'go', 0, true);
    session.end();
    expect(await queued).toMatch(/Disconnected before the broker confirmed/);
  });

  it('does not retry after a refused login', async () => {
    broker = await startAedesBroker(0, (aedes) => {
      aedes.authenticate = (_client, _user, password, done) => {
        const ok = password?.toString() === 'right';
        done(ok ? null : Object.assign(new Error('bad password'), { returnCode: 4 as const }), ok);
      };
    });
    const { rec, clock } = open(settings(broker.url, { protocolVersion: 4, username: 'op', password: 'wrong' }));
    await rec.until(() => rec.last?.state === 'error');
    expect(rec.last?.reason).toMatch(/user ?name or password/i);
    // The socket closes after the refusal (a second status); a retry would be scheduled then. It is not.
    await rec.until(() => rec.statuses.filter((st) => st.state === 'error').length >= 2);
    expect(rec.last?.state).toBe('error');
    expect(rec.last?.nextRetryAt).toBeUndefined();
    clock.advance(120_000);
    expect(rec.last?.state).toBe('error');
  });

  it('reconnects with backoff when the broker goes away and comes back', async () => {
    broker = await startAedesBroker();
    const port = broker.port;
    const { session, rec, clock } = open(settings(broker.url), new ManualClock(), () => 1);
    await rec.until(() => rec.last?.subscriptions[0].granted === 1);
    await broker.close();
    await rec.until(() => rec.last?.nextRetryAt !== undefined);
    expect(rec.last).toMatchObject({ state: 'reconnecting', attempt: 1 });
    expect(rec.last!.nextRetryAt! - clock.now()).toBe(backoffDelay(1, () => 1));
    // Still away: the next wait doubles.
    clock.advance(backoffDelay(1, () => 1));
    await rec.until(() => rec.last?.attempt === 2 && rec.last.nextRetryAt !== undefined);
    expect(rec.last!.nextRetryAt! - clock.now()).toBe(backoffDelay(2, () => 1));
    broker = await startAedesBroker(port);
    const resubscribed = new Promise((resolve) => broker!.aedes.once('subscribe', resolve));
    clock.advance(backoffDelay(2, () => 1));
    await rec.until(() => session.connected);
    expect(rec.last?.attempt).toBeUndefined();
    // The new broker had no session: the subscription is made again, and messages flow.
    await resubscribed;
    broker.aedes.publish({ cmd: 'publish', topic: 'plant/a', payload: Buffer.from('1'), qos: 0, retain: false, dup: false }, () => {});
    await rec.until(() => rec.messages.length > 0);
    expect(rec.messages[0].topic).toBe('plant/a');
  });

  it('closes at once when the browser goes offline and retries at once when it is back', async () => {
    broker = await startAedesBroker();
    const { session, rec } = open(settings(broker.url), new ManualClock(), () => 1);
    await rec.until(() => session.connected);
    session.setNetwork(false);
    await rec.until(() => rec.last?.state === 'reconnecting' && rec.last.nextRetryAt !== undefined);
    expect(rec.last?.offline).toBe(true);
    // A QoS 0 command the operator agreed to queue waits for the connection.
    const queued = publish(session, 'cmd/x', 'later', 0, true);
    const arrived = new Promise<string>((resolve) => broker!.aedes.on('publish', (packet, client) => client && resolve(packet.payload.toString())));
    // The ManualClock never fires the backoff timer: only the online event can bring it back.
    session.setNetwork(true);
    await rec.until(() => session.connected);
    expect(rec.last?.offline).toBeUndefined();
    expect(await queued).toBeUndefined();
    expect(await arrived).toBe('later');
  });
});
