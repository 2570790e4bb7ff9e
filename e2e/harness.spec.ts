/**
 * Checks of the e2e harness itself (no app needed): the real mosquitto broker helper,
 * Node-side MQTT helpers, the browser reaching mosquitto's websockets listener, and the
 * page-error fixture.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect, uid, unexpectedErrors } from './support/fixtures';
import { canConnect, startMosquitto } from './support/mosquitto';
import { collect, connectClient, endClient, publish } from './support/mqttClient';

test.describe('mosquitto helper', () => {
  test('starts, restarts on the same ports, and stops cleanly', async ({ broker, mqttClients }) => {
    expect(broker.wsUrl).toBe(`ws://127.0.0.1:${broker.wsPort}`);
    expect(broker.tcpUrl).toBe(`mqtt://127.0.0.1:${broker.tcpPort}`);
    expect(broker.running).toBe(true);
    const { tcpPort, wsPort } = broker;
    const firstPid = broker.pid;

    await broker.restart();
    expect(broker.running).toBe(true);
    expect(broker.pid).not.toBe(firstPid);
    expect([broker.tcpPort, broker.wsPort]).toEqual([tcpPort, wsPort]);
    await mqttClients.connect();
    await mqttClients.connect({ url: broker.wsUrl, protocolVersion: 4 });

    // A crash (SIGKILL) followed by restart() also comes back on the same ports.
    await broker.kill();
    expect(broker.running).toBe(false);
    expect(await canConnect(wsPort)).toBe(false);
    await broker.restart();
    expect(await canConnect(wsPort)).toBe(true);
    expect(await canConnect(tcpPort)).toBe(true);

    const dir = broker.dir;
    await broker.stop();
    expect(existsSync(dir)).toBe(false);
    expect(await canConnect(wsPort)).toBe(false);
    expect(await canConnect(tcpPort)).toBe(false);
    await broker.stop(); // idempotent
  });

  test('round trip over TCP and websockets', async ({ broker, mqttClients }) => {
    const topic = `harness/${uid()}/value`;
    const tcp = await mqttClients.connect();
    const ws = await mqttClients.connect({ url: broker.wsUrl });

    const onWs = await collect(ws, 'harness/#');
    const onTcp = await collect(tcp, 'harness/#', { qos: 1 });

    await publish(tcp, topic, { v: 1 }, { qos: 1 });
    expect((await onWs.waitFor((m) => m.payload === '{"v":1}')).qos).toBe(1);

    await publish(ws, topic, 'from-ws', { qos: 2, properties: { contentType: 'text/plain', userProperties: { a: 'b' } } });
    const m = await onTcp.waitFor((x) => x.payload === 'from-ws');
    expect(m.qos).toBe(1); // subscription QoS caps it
    expect(m.properties?.contentType).toBe('text/plain');
    expect(m.properties?.userProperties).toEqual({ a: 'b' });
    expect(m.retain).toBe(false);

    // Retained message is delivered with retain=true to a later subscriber.
    await publish(tcp, `${topic}/kept`, 'kept', { qos: 1, retain: true });
    const late = await mqttClients.connect({ url: broker.wsUrl, protocolVersion: 4 });
    const onLate = await collect(late, `${topic}/kept`);
    const kept = await onLate.waitFor();
    expect([kept.payload, kept.retain]).toEqual(['kept', true]);

    await expect(onWs.waitFor((x) => x.payload === 'never', 100)).rejects.toThrow(/no matching message/);
  });

  test('logs the protocol version of each connection', async ({ broker, mqttClients }) => {
    await mqttClients.connect({ url: broker.wsUrl, protocolVersion: 4, clientId: 'v311-client' });
    await mqttClients.connect({ url: broker.wsUrl, protocolVersion: 5, clientId: 'v5-client' });
    // mosquitto logs "(p2, …)" for MQTT 3.1.1 and "(p5, …)" for MQTT 5.
    await expect.poll(() => broker.log()).toMatch(/as v311-client \(p2,/);
    await expect.poll(() => broker.log()).toMatch(/as v5-client \(p5,/);
  });

  test.describe('with users and ACL', () => {
    test.use({
      brokerOptions: {
        users: { alice: 's3cret', bob: 'hunter2' },
        acl: 'user alice\ntopic readwrite plant/#\nuser bob\ntopic read plant/#\n',
      },
    });

    test('refuses wrong or missing credentials', async ({ broker, mqttClients }) => {
      // MQTT 5: mosquitto 2.0.11 answers a wrong password with 0x87 Not authorized (not 0x86).
      const refused = (await connectClient(broker.tcpUrl, { username: 'alice', password: 'wrong' }).catch((e: unknown) => e)) as {
        code?: number;
      };
      expect([134, 135]).toContain(refused.code);
      await expect(connectClient(broker.wsUrl, { username: 'alice', password: 'wrong', protocolVersion: 4 })).rejects.toThrow(
        /bad user ?name or password|not authorized|Connection refused/i,
      );
      await expect(connectClient(broker.tcpUrl)).rejects.toMatchObject({ code: 135 }); // Not authorized

      const alice = await mqttClients.connect({ username: 'alice', password: 's3cret' });
      const bob = await mqttClients.connect({ url: broker.wsUrl, username: 'bob', password: 'hunter2' });
      const seen = await collect(bob, 'plant/#');
      await publish(alice, 'plant/line1/temp', '21.5', { qos: 1 });
      await seen.waitFor((m) => m.payload === '21.5');
      // bob may read but not write: mosquitto answers PUBACK 0x87 Not authorized (mqtt.js rejects).
      await expect(publish(bob, 'plant/line1/temp', 'x', { qos: 1 })).rejects.toMatchObject({ code: 0x87 });
    });
  });

  test('TLS websockets listener with a self-signed certificate', async () => {
    const broker = await startMosquitto({ tls: true });
    try {
      expect(broker.wssUrl).toBe(`wss://127.0.0.1:${broker.wssPort}`);
      expect(broker.caPem).toContain('BEGIN CERTIFICATE');
      const client = await connectClient(broker.wssUrl!, { ca: broker.caPem, rejectUnauthorized: true });
      const seen = await collect(client, 'tls/#');
      await publish(client, 'tls/x', 'secure', { qos: 1 });
      await seen.waitFor((m) => m.payload === 'secure');
      await endClient(client);
      // Without the CA the certificate is rejected.
      await expect(connectClient(broker.wssUrl!, { rejectUnauthorized: true, timeoutMs: 2_000 })).rejects.toThrow();
    } finally {
      await broker.stop();
    }
  });

  test('persistence keeps retained messages across restart', async () => {
    const broker = await startMosquitto({ persistence: true });
    try {
      const pub = await connectClient(broker.tcpUrl);
      await publish(pub, 'persist/a', 'still here', { qos: 1, retain: true });
      await endClient(pub);
      await broker.restart();
      const sub = await connectClient(broker.tcpUrl);
      const seen = await collect(sub, 'persist/#');
      expect((await seen.waitFor()).payload).toBe('still here');
      await endClient(sub);
    } finally {
      await broker.stop();
    }
  });

  test('surfaces mosquitto output when it cannot start', async () => {
    await expect(startMosquitto({ extraConfig: 'this_is_not_an_option 1' })).rejects.toThrow(/mosquitto did not start[\s\S]*this_is_not_an_option/);
  });
});

test.describe('browser', () => {
  test('Chromium reaches the websockets listener (raw MQTT CONNECT)', async ({ page, broker }) => {
    // Served from 127.0.0.1 like the app: Chromium's Local Network Access checks block
    // ws://127.0.0.1 from about:blank or public origins (ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS).
    const server = createServer((_req, res) => res.end('<!doctype html><title>harness</title>'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await page.goto(`http://127.0.0.1:${port}/`);
      const connack = await page.evaluate(async (url) => {
        const ws = new WebSocket(url, ['mqtt']);
        ws.binaryType = 'arraybuffer';
        return new Promise<number[]>((resolve, reject) => {
          ws.onerror = () => reject(new Error('websocket error'));
          ws.onopen = () => {
            // MQTT 3.1.1 CONNECT: clean session, keepalive 60, client id "pw".
            const id = [0x00, 0x02, 0x70, 0x77];
            const variable = [0x00, 0x04, 0x4d, 0x51, 0x54, 0x54, 0x04, 0x02, 0x00, 0x3c];
            ws.send(new Uint8Array([0x10, variable.length + id.length, ...variable, ...id]));
          };
          ws.onmessage = (e) => {
            resolve(Array.from(new Uint8Array(e.data as ArrayBuffer)));
            ws.close();
          };
        });
      }, broker.wsUrl);
      expect(connack).toEqual([0x20, 0x02, 0x00, 0x00]);
    } finally {
      await page.goto('about:blank');
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('page errors are collected and only allowed ones pass', async ({ page, pageErrors }) => {
    await page.goto('about:blank');
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('boom from the page');
      });
    });
    await expect.poll(() => pageErrors.errors.join('\n')).toContain('pageerror: Error: boom from the page');
    // This is what the page fixture throws on at teardown…
    expect(unexpectedErrors(pageErrors.errors)).toHaveLength(1);
    // …unless allowed. Missing config.json (404) is always allowed.
    expect(unexpectedErrors(pageErrors.errors, [/boom/])).toEqual([]);
    expect(
      unexpectedErrors([
        'console.error: Failed to load resource: the server responded with a status of 404 (Not Found) [http://127.0.0.1:1/config.json]',
      ]),
    ).toEqual([]);
    pageErrors.allow(/boom from the page/);
  });

  test('allowed console errors do not fail the test', async ({ page, pageErrors }) => {
    pageErrors.allow(/WebSocket connection to .* failed/);
    await page.goto('about:blank');
    await page.evaluate(() => console.error("WebSocket connection to 'ws://127.0.0.1:1/' failed"));
    await expect.poll(() => pageErrors.errors.length).toBe(1);
  });
});
