import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Aedes } from 'aedes';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer, createWebSocketStream } from 'ws';
import type { IClientOptions, MqttClient } from 'mqtt';
import { connectWs } from './connectWs';

/** A stand-in socket that never opens: records the URL and subprotocols the stream builder asked for. */
function recordingSocket() {
  const calls: { url: string; protocols: string[] }[] = [];
  const createWebsocket = (url: string, protocols: string[]) => {
    calls.push({ url, protocols });
    return { readyState: 0, OPEN: 1, binaryType: '', addEventListener() {}, close() {}, send() {} };
  };
  return { calls, createWebsocket: createWebsocket as unknown as IClientOptions['createWebsocket'] };
}

const clients: MqttClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.endAsync(true)));
});

describe('connectWs: what mqtt.connect(url) would open', () => {
  it.each([
    ['ws://broker.local:9001', {}, 'ws://broker.local:9001/'],
    ['ws://broker.local', {}, 'ws://broker.local:80/'],
    ['wss://broker.local/mqtt?tenant=a', {}, 'wss://broker.local:443/mqtt?tenant=a'],
    ['wss://broker.local:8884/ws', { path: '/other' }, 'wss://broker.local:8884/other'],
    ['ws://[::1]:9001/', {}, 'ws://[::1]:9001/'],
  ] as const)('%s %o → %s', (url, extra, expected) => {
    const rec = recordingSocket();
    const client = connectWs(url, { ...extra, clientId: 'c1', reconnectPeriod: 0, createWebsocket: rec.createWebsocket });
    clients.push(client);
    expect(rec.calls).toEqual([{ url: expected, protocols: ['mqtt'] }]);
  });

  it('takes user info and ?clientId= from the URL, as mqtt.js does', () => {
    const rec = recordingSocket();
    const client = connectWs('wss://op%40site:p%3Ass@broker.local/mqtt?clientId=from-url', { username: 'x', clientId: 'c1', reconnectPeriod: 0, createWebsocket: rec.createWebsocket });
    clients.push(client);
    expect(client.options).toMatchObject({ username: 'op@site', password: 'p:ss', clientId: 'from-url', protocol: 'wss' });
  });

  it('applies transformWsUrl to every attempt', () => {
    const rec = recordingSocket();
    const client = connectWs('wss://broker.local/mqtt', { clientId: 'c1', reconnectPeriod: 0, createWebsocket: rec.createWebsocket, transformWsUrl: (u) => `${u}?X-Amz-Signature=abc` });
    clients.push(client);
    expect(rec.calls[0].url).toBe('wss://broker.local:443/mqtt?X-Amz-Signature=abc');
  });

  it.each([
    ['mqtt://broker.local:1883', /Unsupported protocol "mqtt"/],
    ['not a url', /Invalid URL/],
  ])('refuses %s', (url, message) => {
    expect(() => connectWs(url, {})).toThrow(message);
  });

  it('refuses a persistent session without a client id', () => {
    expect(() => connectWs('ws://broker.local:9001', { clean: false })).toThrow(/Missing clientId/);
  });
});

describe('connectWs against a broker', { timeout: 15_000 }, () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  it('connects over WebSocket, subscribes and round-trips a publish (MQTT 5)', async () => {
    const aedes = await Aedes.createBroker();
    server = createServer();
    const wss = new WebSocketServer({ server, handleProtocols: (offered) => (offered.has('mqtt') ? 'mqtt' : false) });
    wss.on('connection', (ws, req) => aedes.handle(createWebSocketStream(ws), req));
    server.on('close', () => aedes.close());
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;

    const client = connectWs(`ws://127.0.0.1:${port}`, {
      protocolVersion: 5, clientId: 'connectws-test', reconnectPeriod: 0,
      createWebsocket: ((url: string, protocols: string[]) => new WebSocket(url, protocols)) as unknown as IClientOptions['createWebsocket'],
    });
    clients.push(client);
    await new Promise((resolve, reject) => { client.once('connect', resolve); client.once('error', reject); });
    await client.subscribeAsync('t/#', { qos: 1 });
    const got = new Promise<[string, string]>((resolve) => client.once('message', (topic, payload) => resolve([topic, payload.toString()])));
    await client.publishAsync('t/a', '{"v":1}', { qos: 1 });
    expect(await got).toEqual(['t/a', '{"v":1}']);
    await client.endAsync();
    for (const ws of wss.clients) ws.terminate();
  });
});
