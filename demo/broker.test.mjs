import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import WebSocket from 'ws';
import { startBroker } from './broker.mjs';
import { connect, nextMessage, sleep } from './testHelpers.mjs';

describe('embedded broker', { timeout: 15_000 }, () => {
  /** @type {Awaited<ReturnType<typeof startBroker>>} */
  let broker;
  /** @type {import('mqtt').MqttClient[]} */
  let clients = [];
  beforeEach(async () => { broker = await startBroker({ wsPort: 0 }); clients = []; });
  afterEach(async () => {
    await Promise.all(clients.map((c) => c.endAsync(true)));
    await broker.close();
  });
  const client = async (/** @type {object} */ opts = {}) => { const c = await connect(broker.wsUrl, opts); clients.push(c); return c; };

  it('accepts the mqtt WebSocket subprotocol', async () => {
    const ws = new WebSocket(broker.wsUrl, ['mqtt']);
    await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
    expect(ws.protocol).toBe('mqtt');
    ws.terminate();
  });

  it('round-trips MQTT 5 user properties, correlation data, response topic and expiry', async () => {
    const sub = await client();
    const pub = await client();
    await sub.subscribeAsync('t/#', { qos: 1 });
    const got = nextMessage(sub, (t) => t === 't/req');
    await pub.publishAsync('t/req', '{"x":1}', {
      qos: 1,
      properties: {
        userProperties: { site: 'site1', tags: ['a', 'b'] }, correlationData: Buffer.from([0, 1, 254, 255]),
        responseTopic: 'app/me/resp', messageExpiryInterval: 30, contentType: 'application/json',
      },
    });
    const { payload, packet } = await got;
    expect(payload.toString()).toBe('{"x":1}');
    expect(packet.properties?.userProperties).toEqual({ site: 'site1', tags: ['a', 'b'] });
    expect(Buffer.from(/** @type {Buffer} */ (packet.properties?.correlationData))).toEqual(Buffer.from([0, 1, 254, 255]));
    expect(packet.properties?.responseTopic).toBe('app/me/resp');
    expect(packet.properties?.messageExpiryInterval).toBeGreaterThan(0);
    expect(packet.properties?.messageExpiryInterval).toBeLessThanOrEqual(30);
  });

  it('keeps retained messages (with properties) and drops them after their expiry', async () => {
    const pub = await client();
    await pub.publishAsync('r/keep', 'kept', { qos: 1, retain: true, properties: { userProperties: { k: 'v' } } });
    await pub.publishAsync('r/gone', 'gone', { qos: 1, retain: true, properties: { messageExpiryInterval: 1 } });
    await sleep(1200);
    const late = await client();
    /** @type {string[]} */
    const seen = [];
    late.on('message', (t, p, pk) => { if (pk.retain) seen.push(`${t}=${p}`); });
    const kept = nextMessage(late, (t) => t === 'r/keep');
    await late.subscribeAsync('r/#');
    expect((await kept).packet.properties?.userProperties).toEqual({ k: 'v' });
    await sleep(150);
    expect(seen).toEqual(['r/keep=kept']);
  });

  it('delivers retained messages published amid other traffic (aedes dedupe bug work-around)', async () => {
    const sub = await client();
    const pub = await client();
    let retained = 0;
    let total = 0;
    sub.on('message', (t) => { total++; if (t.startsWith('burst/r/')) retained++; });
    await sub.subscribeAsync('burst/#');
    // One synchronous burst: the broker parses it in one go and handles the
    // publishes concurrently; unpatched aedes drops every retained one here.
    for (let round = 0; round < 10; round++) {
      for (let i = 0; i < 10; i++) pub.publish(`burst/t/${i}`, 'x');
      pub.publish(`burst/r/${round}`, 'keep', { retain: true });
      for (let i = 0; i < 10; i++) pub.publish(`burst/t/${i}`, 'x');
    }
    for (let waited = 0; total < 210 && waited < 10_000; waited += 50) await sleep(50);
    expect(total).toBe(210);
    expect(retained).toBe(10);
  });

  it('still delivers one copy for overlapping subscriptions', async () => {
    const sub = await client();
    const pub = await client();
    let count = 0;
    sub.on('message', (t) => { if (t === 'o/x') count++; });
    await sub.subscribeAsync(['o/#', 'o/x', '+/x']);
    const first = nextMessage(sub, (t) => t === 'o/x');
    await pub.publishAsync('o/x', '1', { qos: 1 });
    await first;
    await sleep(200);
    expect(count).toBe(1);
  });

  it('carries a 2 MiB payload over WebSockets intact', async () => {
    const sub = await client();
    const pub = await client();
    await sub.subscribeAsync('big', { qos: 1 });
    const body = Buffer.alloc(2 * 1024 * 1024);
    for (let i = 0; i < body.length; i++) body[i] = (i * 31) & 0xff;
    const got = nextMessage(sub, (t) => t === 'big');
    await pub.publishAsync('big', body, { qos: 1 });
    const { payload } = await got;
    expect(payload.length).toBe(body.length);
    expect(Buffer.compare(payload, body)).toBe(0);
  });

  it('accepts long client ids such as a browser tab uuid', async () => {
    const c = await client({ clientId: `sightglass-${'0123456789abcdef'.repeat(3)}` });
    expect(c.connected).toBe(true);
  });

  it('rejects a busy port with a plain message', async () => {
    await expect(startBroker({ wsPort: broker.wsPort })).rejects.toThrow(
      `Port ${broker.wsPort} is already in use (broker WebSocket listener). Choose another with --broker-port.`);
  });

  it('optionally serves plain MQTT over TCP, and reports a busy TCP port', async () => {
    const blocker = createServer();
    await new Promise((r) => blocker.listen(0, '127.0.0.1', () => r(undefined)));
    const busy = /** @type {import('node:net').AddressInfo} */ (blocker.address()).port;
    try {
      await expect(startBroker({ wsPort: 0, tcpPort: busy })).rejects.toThrow(`Port ${busy} is already in use (broker TCP listener)`);
    } finally {
      blocker.close();
    }
    const b2 = await startBroker({ wsPort: 0, tcpPort: busy });
    try {
      const c = await connect(/** @type {string} */ (b2.tcpUrl));
      expect(c.connected).toBe(true);
      await c.endAsync();
    } finally {
      await b2.close();
    }
  });
});
