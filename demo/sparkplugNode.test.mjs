import { afterEach, describe, expect, it } from 'vitest';
import sparkplugPayload from 'sparkplug-payload';
import { startBroker } from './broker.mjs';
import { startSparkplugNode, REBIRTH } from './sparkplugNode.mjs';
import { startPlant } from './plant.mjs';
import { connect, nextMessage } from './testHelpers.mjs';

const sp = /** @type {NonNullable<ReturnType<typeof sparkplugPayload.get>>} */ (sparkplugPayload.get('spBv1.0'));
// Nothing random: each test provokes what it checks.
const CALM = { seqSkipEveryMs: 1e9, deathEveryMs: 1e9, downMs: 50, tickMs: 20 };
const decode = (/** @type {Buffer} */ p) => /** @type {any} */ (sp.decodePayload(p));
const num = (/** @type {unknown} */ v) => Number(String(v)); // seq, bdSeq, alias: long.js objects

/** @type {Array<() => Promise<void>>} */
let cleanups = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

/** A host subscribed to spBv1.0/# before the node starts, so it sees the first births. */
async function setup() {
  const broker = await startBroker({ wsPort: 0 });
  cleanups.push(() => broker.close());
  const host = await connect(broker.wsUrl);
  cleanups.push(() => host.endAsync(true));
  /** @type {Array<{ topic: string, p: any }>} */
  const seen = [];
  host.on('message', (topic, payload) => seen.push({ topic, p: decode(payload) }));
  await host.subscribeAsync('spBv1.0/#', { qos: 1 });
  const births = nextMessage(host, (tp) => tp === 'spBv1.0/Plant1/DBIRTH/Edge1/Oven1');
  const node = startSparkplugNode({ url: broker.wsUrl, clientId: 'test-sparkplug', timing: CALM });
  cleanups.push(() => node.stop());
  await node.ready;
  await births;
  return { host, node, seen };
}

/** @param {any} payload @param {string} name */
const metric = (payload, name) => payload.metrics.find((/** @type {any} */ m) => m.name === name);
/** alias → name of one BIRTH. @param {any} birth */
const aliases = (birth) => new Map(birth.metrics.filter((/** @type {any} */ m) => m.alias !== undefined).map((/** @type {any} */ m) => [num(m.alias), m.name]));

describe('demo Sparkplug edge node', { timeout: 15_000 }, () => {
  it('births with bdSeq, Rebirth=false, names, aliases, datatypes and units; DATA carries aliases only, in seq', async () => {
    const { host, seen } = await setup();
    const [nbirth, press, oven] = ['NBIRTH/Edge1', 'DBIRTH/Edge1/Press1', 'DBIRTH/Edge1/Oven1']
      .map((s) => /** @type {{ p: any }} */ (seen.find((m) => m.topic === `spBv1.0/Plant1/${s}`)).p);
    expect(num(nbirth.seq)).toBe(0);
    expect(num(press.seq)).toBe(1);
    expect(num(oven.seq)).toBe(2);
    expect(metric(nbirth, 'bdSeq')).toMatchObject({ type: 'Int64' });
    expect(num(metric(nbirth, 'bdSeq').value)).toBe(0);
    expect(metric(nbirth, REBIRTH)).toMatchObject({ type: 'Boolean', value: false });
    expect(metric(nbirth, REBIRTH).alias).toBeUndefined();
    expect(metric(press, 'Temperature')).toMatchObject({ type: 'Double', properties: { engUnit: { value: '°C' } } });
    expect(metric(press, 'Speed')).toMatchObject({ type: 'Int32' });
    expect(metric(press, 'Running')).toMatchObject({ type: 'Boolean', value: true });
    expect(metric(press, 'Mode')).toMatchObject({ type: 'String', value: 'AUTO' });
    expect(String(metric(press, 'Lifetime Strokes').value)).toMatch(/^900719925474\d{4}$/); // beyond 2^53, exact
    expect(metric(oven, 'Energy')).toMatchObject({ type: 'Int64' });
    const byAlias = new Map([...aliases(nbirth), ...aliases(press), ...aliases(oven)]);
    expect(byAlias.size).toBe(nbirth.metrics.length - 2 + press.metrics.length + oven.metrics.length); // unique per node

    const ddata = await nextMessage(host, (tp) => tp === 'spBv1.0/Plant1/DDATA/Edge1/Press1');
    const p = decode(ddata.payload);
    expect(p.metrics.length).toBeGreaterThan(0);
    for (const m of p.metrics) {
      expect(m.name).toBeUndefined();
      expect(byAlias.get(num(m.alias))).toBeDefined();
    }
    // One counter across NBIRTH, DBIRTH, NDATA, DDATA: every message after the births is the previous + 1.
    const seqs = seen.filter((m) => m.topic.includes('/Edge1')).map((m) => num(m.p.seq));
    expect(seqs.slice(0, 5)).toEqual([0, 1, 2, 3, 4]);
  });

  it('answers an NCMD Node Control/Rebirth with NBIRTH (seq 0, same bdSeq) and both DBIRTHs', async () => {
    const { host, node } = await setup();
    const nbirth = nextMessage(host, (tp) => tp === 'spBv1.0/Plant1/NBIRTH/Edge1');
    const dbirth = nextMessage(host, (tp) => tp === 'spBv1.0/Plant1/DBIRTH/Edge1/Oven1');
    await host.publishAsync('spBv1.0/Plant1/NCMD/Edge1',
      Buffer.from(sp.encodePayload({ timestamp: Date.now(), metrics: [{ name: REBIRTH, type: 'Boolean', value: true }] })));
    const p = decode((await nbirth).payload);
    expect(num(p.seq)).toBe(0);
    expect(num(metric(p, 'bdSeq').value)).toBe(node.bdSeq);
    expect(num(decode((await dbirth).payload).seq)).toBe(2);
  });

  it('applies a DCMD write by alias and an NCMD write by name, and reports them in the next DATA', async () => {
    const { host, seen } = await setup();
    const press = seen.find((m) => m.topic === 'spBv1.0/Plant1/DBIRTH/Edge1/Press1')?.p;
    const setpoint = metric(press, 'Setpoint');
    const ddata = nextMessage(host, (tp, payload) => tp === 'spBv1.0/Plant1/DDATA/Edge1/Press1'
      && decode(payload).metrics.some((/** @type {any} */ m) => num(m.alias) === num(setpoint.alias)));
    await host.publishAsync('spBv1.0/Plant1/DCMD/Edge1/Press1',
      Buffer.from(sp.encodePayload({ timestamp: Date.now(), metrics: [{ alias: num(setpoint.alias), type: 'Double', value: 92.5 }] })));
    const reported = decode((await ddata).payload).metrics.find((/** @type {any} */ m) => num(m.alias) === num(setpoint.alias));
    expect(reported).toMatchObject({ type: 'Double', value: 92.5 });

    const nbirth = seen.find((m) => m.topic === 'spBv1.0/Plant1/NBIRTH/Edge1')?.p;
    const scan = metric(nbirth, 'Node Control/Scan Rate');
    const ndata = nextMessage(host, (tp, payload) => tp === 'spBv1.0/Plant1/NDATA/Edge1'
      && decode(payload).metrics.some((/** @type {any} */ m) => num(m.alias) === num(scan.alias) && m.value === 500));
    await host.publishAsync('spBv1.0/Plant1/NCMD/Edge1',
      Buffer.from(sp.encodePayload({ timestamp: Date.now(), metrics: [{ name: 'Node Control/Scan Rate', type: 'Int32', value: 500 }] })));
    await ndata;
  });

  it('ignores a write that does not fit the datatype', async () => {
    const { node, host } = await setup();
    await host.publishAsync('spBv1.0/Plant1/DCMD/Edge1/Press1',
      Buffer.from(sp.encodePayload({ timestamp: Date.now(), metrics: [{ name: 'Setpoint', type: 'String', value: 'hot' }] })));
    // A later, valid write proves the first one was processed (same connection, in order).
    const ddata = nextMessage(host, (tp, payload) => tp === 'spBv1.0/Plant1/DDATA/Edge1/Press1'
      && decode(payload).metrics.some((/** @type {any} */ m) => m.value === 'MANUAL'));
    await host.publishAsync('spBv1.0/Plant1/DCMD/Edge1/Press1',
      Buffer.from(sp.encodePayload({ timestamp: Date.now(), metrics: [{ name: 'Mode', type: 'String', value: 'MANUAL' }] })));
    await ddata;
    expect(node.metrics.devices.Press1.find((m) => m.name === 'Setpoint')?.value).toBe(65);
  });

  it('skips exactly one seq when told to, and counts on by one otherwise', async () => {
    const { host, node, seen } = await setup();
    await nextMessage(host, (tp) => /\/[ND]DATA\//.test(tp));
    node.skipSeq();
    const count = seen.length;
    for (let i = 0; i < 3; i++) await nextMessage(host, (tp) => /\/[ND]DATA\//.test(tp));
    const seqs = seen.map((m) => num(m.p.seq));
    const steps = seqs.slice(1).map((s, i) => (s - seqs[i] + 256) & 255);
    expect(steps.filter((d) => d === 2)).toHaveLength(1);
    expect(steps.filter((d) => d !== 1 && d !== 2)).toEqual([]);
    expect(seen.length).toBeGreaterThan(count);
  });

  it('dies without DISCONNECT (the broker sends its NDEATH will) and comes back with the next bdSeq', async () => {
    const { host, node } = await setup();
    const death = nextMessage(host, (tp) => tp === 'spBv1.0/Plant1/NDEATH/Edge1');
    const rebirth = nextMessage(host, (tp) => tp === 'spBv1.0/Plant1/NBIRTH/Edge1');
    node.die();
    const d = await death;
    expect(d.packet.qos).toBe(1);
    expect(num(metric(decode(d.payload), 'bdSeq').value)).toBe(0);
    expect(num(metric(decode((await rebirth).payload), 'bdSeq').value)).toBe(1);
  });

  it('runs inside the demo plant (npm start), and stops with it: NDEATH on a clean shutdown', async () => {
    const broker = await startBroker({ wsPort: 0 });
    cleanups.push(() => broker.close());
    const host = await connect(broker.wsUrl);
    cleanups.push(() => host.endAsync(true));
    await host.subscribeAsync('spBv1.0/#', { qos: 1 });
    const birth = nextMessage(host, (tp) => tp === 'spBv1.0/Plant1/DBIRTH/Edge1/Press1');
    const plant = startPlant({ url: broker.wsUrl, clientIdPrefix: 'test-plant', sparkplug: CALM });
    cleanups.push(() => plant.stop());
    await plant.ready;
    expect(metric(decode((await birth).payload), 'Temperature')).toMatchObject({ type: 'Double' });
    const death = nextMessage(host, (tp) => tp === 'spBv1.0/Plant1/NDEATH/Edge1');
    await plant.stop();
    expect(num(metric(decode((await death).payload), 'bdSeq').value)).toBe(0);
  });
});
