import { afterEach, describe, expect, it } from 'vitest';
import { startBroker } from './broker.mjs';
import { startPlant } from './plant.mjs';
import { connect, nextMessage, sleep } from './testHelpers.mjs';

// Random events off, so each test sees only what it provokes.
const CALM = { alarmMachineExcursionEveryMs: 1e9, excursionEveryMs: 1e9, idleEveryMs: Infinity, faultEveryMs: Infinity, ovenDropEveryMs: 1e9 };

/** @type {Array<() => Promise<void>>} */
let cleanups = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

/** @param {Parameters<typeof startPlant>[0] extends infer O ? Omit<O, 'url'> : never} opts */
async function setup(opts = {}) {
  const broker = await startBroker({ wsPort: 0 });
  cleanups.push(() => broker.close());
  const plant = startPlant({ url: broker.wsUrl, clientIdPrefix: 'test-plant', ...opts });
  cleanups.push(() => plant.stop());
  const client = await connect(broker.wsUrl);
  cleanups.push(() => client.endAsync(true));
  await plant.ready;
  return { broker, plant, client };
}

const json = (/** @type {Buffer} */ p) => JSON.parse(p.toString());
/** JSON or undefined: oven3's status is plain text, and a throwing handler would break the client. */
const tryJson = (/** @type {Buffer} */ p) => { try { return JSON.parse(p.toString()); } catch { return undefined; } };

describe('simulated plant', { timeout: 15_000 }, () => {
  it('publishes about 200 msgs/s in steady, with well-formed telemetry', async () => {
    const { client } = await setup({ timing: CALM });
    /** @type {number[]} */
    const stamps = [];
    /** @type {Map<string, any>} */
    const last = new Map();
    client.on('message', (topic, payload) => {
      last.set(topic, payload);
      const ts = tryJson(payload)?.ts; // meta and status have none; the rest is stamped when published
      if (typeof ts === 'number') stamps.push(ts);
    });
    await client.subscribeAsync('plant/#');
    await sleep(500); // let retained metadata and the first ticks settle
    // Count by publish timestamp, not arrival: on a starved CPU delivery lags,
    // but what we assert is the rate the plant publishes at.
    const t0 = Date.now();
    await sleep(2000);
    for (let waited = 0; !stamps.some((ts) => ts >= t0 + 2100) && waited < 5000; waited += 50) await sleep(50);
    const perSecond = stamps.filter((ts) => ts >= t0 && ts < t0 + 2000).length / 2;
    expect(perSecond).toBeGreaterThan(140);
    expect(perSecond).toBeLessThan(260);

    // oven3 publishes on its own connection, so its messages may trail the others.
    const expected = ['plant/site1/line1/press1/temperature', 'plant/site2/line2/oven3/pressure',
      'plant/site1/line2/filler2/vibration', 'plant/site2/line1/rate', 'plant/site2/line2/press1/meta'];
    const temperatureTopics = () => [...last.keys()].filter((t) => t.endsWith('/temperature')).length;
    for (let waited = 0; !(expected.every((t) => last.has(t)) && temperatureTopics() >= 12) && waited < 10_000; waited += 50) await sleep(50);
    const temp = json(last.get('plant/site1/line1/press1/temperature'));
    expect(temp).toMatchObject({ unit: '°C', q: 192 });
    expect(temp.v).toBeGreaterThan(55);
    expect(temp.v).toBeLessThan(80);
    expect(Math.abs(temp.ts - Date.now())).toBeLessThan(30_000); // epoch ms, not seconds
    expect(json(last.get('plant/site2/line2/oven3/pressure')).unit).toBe('bar');
    expect(json(last.get('plant/site1/line2/filler2/vibration')).unit).toBe('mm/s');
    expect(json(last.get('plant/site2/line1/rate'))).toMatchObject({ unit: 'units/min' });
    expect(json(last.get('plant/site2/line2/press1/meta'))).toMatchObject({ firmware: '2.4.1' });
    expect(temperatureTopics()).toBe(12);
  });

  it('answers an MQTT 5 setpoint command with the same correlation data and applies it', async () => {
    const { client } = await setup({ timing: CALM });
    const topic = 'plant/site2/line1/press1/temperature';
    /** @type {Array<{ ts: number, v: number }>} */
    const temps = [];
    client.on('message', (t, p) => { if (t === topic) temps.push(json(p)); });
    await client.subscribeAsync(['plant/site2/line1/#', 'reply/me']);
    for (let waited = 0; temps.length < 3 && waited < 8000; waited += 50) await sleep(50);
    const before = temps.slice(-3).reduce((s, x) => s + x.v, 0) / 3;

    const correlationData = Buffer.from('req-42');
    const reply = nextMessage(client, (t) => t === 'reply/me');
    const setpointEcho = nextMessage(client, (t, p) => t === 'plant/site2/line1/setpoint' && json(p).v === 110);
    await client.publishAsync('cmd/site2/line1/setpoint', JSON.stringify({ value: 110 }), {
      qos: 1, properties: { responseTopic: 'reply/me', correlationData },
    });
    const { payload, packet } = await reply;
    expect(Buffer.from(/** @type {Buffer} */ (packet.properties?.correlationData)).toString()).toBe('req-42');
    expect(json(payload)).toMatchObject({ ok: true, command: 'cmd/site2/line1/setpoint', received: { value: 110 } });
    expect(typeof json(payload).ts).toBe('number');
    await setpointEcho;

    // +45 °C step through an 8 s lag: well over +3 °C after 1 s. Judged by publish
    // timestamp so delivery lag on a starved CPU does not matter.
    const sent = Date.now();
    const later = () => temps.filter((x) => x.ts > sent + 1000);
    for (let waited = 0; later().length < 3 && waited < 8000; waited += 50) await sleep(50);
    expect(later().length).toBeGreaterThan(0);
    expect(Math.min(...later().map((x) => x.v))).toBeGreaterThan(before + 3);
  });

  it('rejects an out-of-range setpoint with ok:false and leaves the line alone', async () => {
    const { client, plant } = await setup({ timing: CALM });
    await client.subscribeAsync('reply/#');
    const reply = nextMessage(client, (t) => t === 'reply/x');
    await client.publishAsync('cmd/site1/line1/setpoint', '{"value":150}', {
      qos: 1, properties: { responseTopic: 'reply/x', correlationData: Buffer.from([7]) },
    });
    const { payload, packet } = await reply;
    const body = json(payload);
    expect(body.ok).toBe(false);
    expect(body.error).toMatch(/out of range 20\.\.120/);
    expect(body.received).toEqual({ value: 150 });
    expect(Buffer.from(/** @type {Buffer} */ (packet.properties?.correlationData))).toEqual(Buffer.from([7]));
    expect(plant.model.line('site1', 'line1')?.setpoint).toBe(65);
  });

  it('applies plain MQTT 3.1.1 commands without a response topic', async () => {
    const { client, broker } = await setup({ timing: CALM });
    await client.subscribeAsync('plant/site1/line2/+/state');
    const idle = nextMessage(client, (t, p) => t === 'plant/site1/line2/oven3/state' && json(p).state === 'IDLE');
    const v4 = await connect(broker.wsUrl, { protocolVersion: 4 });
    await v4.publishAsync('cmd/site1/line2/stop', '', { qos: 1 });
    await idle;
    const running = nextMessage(client, (t, p) => t === 'plant/site1/line2/press1/state' && json(p).state === 'RUNNING');
    await v4.publishAsync('cmd/site1/line2/start', '', { qos: 1 });
    await running;
    await v4.endAsync();
  });

  it('oven3 drops off abruptly (last will "offline", retained) and comes back "online"', async () => {
    const { client } = await setup({ timing: { ...CALM, ovenDropEveryMs: 500, ovenDownMs: 600 } });
    /** @type {string[]} */
    const seen = [];
    // rap: keep the retain flag as published, to check the will is retained.
    const offline = nextMessage(client, (t, p, pk) => t === 'plant/site2/line2/oven3/status' && `${p}` === 'offline' && pk.retain);
    client.on('message', (t, p) => { if (t.endsWith('/status')) seen.push(`${p}`); });
    await client.subscribeAsync('plant/site2/line2/oven3/status', { qos: 1, rap: true });
    const { packet } = await offline;
    expect(packet.qos).toBe(1);
    await nextMessage(client, (t, p) => t === 'plant/site2/line2/oven3/status' && `${p}` === 'online');
    expect(seen.indexOf('offline')).toBeLessThan(seen.lastIndexOf('online'));
  });

  it('quiet publishes metadata only, and setScenario switches at runtime', async () => {
    const { client, plant } = await setup({ scenario: 'quiet', timing: CALM });
    /** @type {string[]} */
    const topics = [];
    client.on('message', (t) => topics.push(t));
    await client.subscribeAsync('plant/#');
    await sleep(700);
    expect(topics.length).toBeGreaterThan(0);
    expect(topics.filter((t) => /temperature|pressure|vibration|rate|state$/.test(t))).toEqual([]);
    plant.setScenario('steady');
    await nextMessage(client, (t) => t.endsWith('/temperature'), 3000);
    expect(() => plant.setScenario('nope')).toThrow(/Unknown scenario/);
  });
});
