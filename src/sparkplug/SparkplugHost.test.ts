import { beforeEach, describe, expect, it } from 'vitest';
import { encodeSparkplugPayload } from './encodeSparkplugPayload';
import type { NodeRecord } from './EntityRecord';
import { REBIRTH_INTERVAL_MS, SparkplugHost, type HostEvents } from './SparkplugHost';
import { dbirth, ddata, long, nbirth, ndeath, payload, T0 } from './testPayloads';

const NODE = 'spBv1.0/Plant/NBIRTH/Edge1';
const topic = (type: string, device?: string) => `spBv1.0/Plant/${type}/Edge1${device ? `/${device}` : ''}`;

describe('SparkplugHost', () => {
  let host: SparkplugHost;
  let rebirths: string[];
  let quality: { topics: readonly string[]; good: boolean; reason: string }[];
  let now: number;
  const ingest = (t: string, bytes: Uint8Array) => host.ingest(t, bytes, now);
  const node = () => host.node('Plant', 'Edge1')!;
  const device = () => node().devices.get('Filler')!;

  beforeEach(() => {
    rebirths = [];
    quality = [];
    now = T0;
    const events: HostEvents = {
      requestRebirth: (n: NodeRecord, reason) => rebirths.push(`${n.node}: ${reason}`),
      quality: (topics, good, reason) => quality.push({ topics, good, reason }),
      entitiesChanged: () => {},
      metricArrived: () => {},
    };
    host = new SparkplugHost(events);
  });

  function born(): void {
    ingest(NODE, nbirth(0, 3));
    ingest(topic('DBIRTH', 'Filler'), dbirth(1));
  }

  it('resolves DDATA aliases to the names, datatypes and units of the DBIRTH', () => {
    born();
    // Alias only and no datatype (allowed in DATA): typed by the BIRTH.
    const bytes = encodeSparkplugPayload({ timestamp: T0, seq: 2, metrics: [{ alias: 1, timestamp: T0 + 5, datatype: 'Double', value: 21.25, omitDatatype: true }, { alias: 5, datatype: 'Int8', value: -7, omitDatatype: true }] });
    const d = ingest(topic('DDATA', 'Filler'), bytes)!;
    expect(d.kind).toBe('sparkplug');
    expect(d.metrics!.get('Temperature')).toEqual({ value: 21.25, timestamp: T0 + 5 });
    // Int8 typed from the BIRTH: the sign comes back although DATA has no datatype.
    expect(d.metrics!.get('Offset')!.value).toBe(-7);
    const t = device().metrics.get('Temperature')!;
    expect(t).toMatchObject({ value: 21.25, units: '°C', quality: 'Good (192)', alias: 1 });
    expect(device().metrics.get('Count')!.value).toBe('9007199254740993');
    expect(device().state).toBe('online');
    expect(node().bdSeq).toBe('3');
    expect(rebirths).toEqual([]);
  });

  it('gives Float metrics as the edge wrote them (21.7, not the widened 21.700000762939453)', () => {
    born();
    const d = ingest(topic('DDATA', 'Filler'), ddata(2, 1, [{ alias: 4, type: 'Float', value: 21.7 }]))!;
    expect(d.metrics!.get('Setpoint')!.value).toBe(21.7);
  });

  it('follows seq through NBIRTH, DBIRTH, NDATA, DDATA and DDEATH, wrapping 255 → 0', () => {
    ingest(NODE, nbirth(250, 1));
    ingest(topic('DBIRTH', 'Filler'), dbirth(251));
    for (let seq = 252; seq < 256 + 5; seq++) {
      if (seq % 2) ingest(topic('NDATA'), payload(seq & 255, []));
      else ingest(topic('DDATA', 'Filler'), ddata(seq & 255, seq));
    }
    ingest(topic('DDEATH', 'Filler'), payload(5, []));
    expect(rebirths).toEqual([]);
    expect(node().state).toBe('online');
    expect(device().state).toBe('offline');
  });

  it('a seq gap marks the node stale with the reason and asks for a rebirth; the NBIRTH makes it good again', () => {
    born();
    ingest(topic('DDATA', 'Filler'), ddata(2, 1));
    ingest(topic('DDATA', 'Filler'), ddata(4, 1));
    expect(node().state).toBe('stale');
    expect(node().reason).toBe('seq 4, expected 3');
    expect(device().state).toBe('stale');
    expect(rebirths).toEqual(['Edge1: seq 4, expected 3']);
    expect(quality.at(-1)).toMatchObject({ good: false, topics: ['spBv1.0/Plant/NDATA/Edge1', 'spBv1.0/Plant/DDATA/Edge1/Filler'] });
    ingest(NODE, nbirth(0, 3));
    expect(node().state).toBe('online');
    expect(quality.at(-1)).toMatchObject({ good: true, topics: ['spBv1.0/Plant/NDATA/Edge1'] });
    ingest(topic('DBIRTH', 'Filler'), dbirth(1));
    expect(device().state).toBe('online');
  });

  it('rate-limits automatic rebirth requests per node to one per 5 s', () => {
    // Joined mid-session: DATA with no BIRTH seen.
    ingest(topic('NDATA'), payload(17, [{ name: 'x', type: 'Double', value: 1 }]));
    expect(node().state).toBe('stale');
    expect(node().reason).toBe('NDATA before NBIRTH');
    ingest(topic('NDATA'), payload(18, [{ name: 'x', type: 'Double', value: 2 }]));
    now += REBIRTH_INTERVAL_MS - 1;
    ingest(topic('NDATA'), payload(19, [{ name: 'x', type: 'Double', value: 3 }]));
    expect(rebirths).toHaveLength(1);
    now += 1;
    ingest(topic('NDATA'), payload(20, [{ name: 'x', type: 'Double', value: 4 }]));
    expect(rebirths).toHaveLength(2);
    // The values still show, by name, while waiting for the BIRTH.
    expect(node().metrics.get('x')!.value).toBe(4);
    // The user's button is not rate-limited.
    host.requestRebirth(node(), 'requested by the user', now, true);
    expect(rebirths).toHaveLength(3);
  });

  it('an unknown alias marks the device stale and asks for a rebirth', () => {
    born();
    const d = ingest(topic('DDATA', 'Filler'), ddata(2, 30, [{ alias: 99, type: 'Int32', value: 1 }]))!;
    expect(d.metrics!.get('Temperature')!.value).toBe(30);
    expect(device().state).toBe('stale');
    expect(device().reason).toBe('unknown alias 99');
    expect(rebirths).toEqual(['Edge1: unknown alias 99']);
  });

  it('DDATA before its DBIRTH marks the device stale', () => {
    ingest(NODE, nbirth(0, 1));
    ingest(topic('DDATA', 'Other'), payload(1, [{ alias: 1, type: 'Int32', value: 5 }]));
    expect(node().devices.get('Other')!.state).toBe('stale');
    expect(rebirths).toEqual(['Edge1: DDATA before DBIRTH']);
  });

  it('NDEATH with the session bdSeq takes the node and its devices offline, keeping last values; an older bdSeq is ignored', () => {
    born();
    ingest(topic('DDATA', 'Filler'), ddata(2, 42));
    ingest(topic('NDEATH'), ndeath(2));
    expect(node().state).toBe('online');
    now += 1000;
    ingest(topic('NDEATH'), ndeath(3));
    expect(node().state).toBe('offline');
    expect(node().deathAt).toBe(now);
    expect(device().state).toBe('offline');
    expect(device().metrics.get('Temperature')!.value).toBe(42);
    expect(quality.at(-1)).toMatchObject({ good: false, reason: 'Edge node Edge1 died (NDEATH)', topics: ['spBv1.0/Plant/NDATA/Edge1', 'spBv1.0/Plant/DDATA/Edge1/Filler'] });
  });

  it('DDEATH takes only that device offline', () => {
    born();
    ingest(topic('DDEATH', 'Filler'), payload(2, []));
    expect(device().state).toBe('offline');
    expect(node().state).toBe('online');
    expect(quality.at(-1)).toMatchObject({ good: false, topics: ['spBv1.0/Plant/DDATA/Edge1/Filler'] });
  });

  it('a rebirth may change aliases: DATA follows the newest BIRTH', () => {
    born();
    ingest(NODE, nbirth(0, 3));
    ingest(topic('DBIRTH', 'Filler'), payload(1, [{ name: 'Pressure', alias: 1, type: 'Double', value: 1 }]));
    const d = ingest(topic('DDATA', 'Filler'), ddata(2, 2.5))!;
    expect([...d.metrics!.keys()]).toEqual(['Pressure']);
    expect(device().metrics.has('Temperature')).toBe(false);
  });

  it('parses STATE (3.0 JSON and legacy text) without treating it as a node', () => {
    expect(ingest('spBv1.0/STATE/scada1', new TextEncoder().encode('{"online":true,"timestamp":5}'))).toBeUndefined();
    expect(host.hostStates.get('scada1')).toEqual({ online: true, timestamp: 5 });
    ingest('spBv1.0/STATE/old', new TextEncoder().encode('OFFLINE'));
    expect(host.hostStates.get('old')).toEqual({ online: false, timestamp: undefined });
    expect(host.nodes.size).toBe(0);
  });

  it('a lost broker connection makes live nodes stale; the next DATA asks for a rebirth', () => {
    born();
    host.connectionLost();
    expect(node().state).toBe('stale');
    expect(device().reason).toBe('broker connection lost');
    ingest(topic('DDATA', 'Filler'), ddata(9, 1));
    expect(rebirths).toEqual(['Edge1: DDATA before DBIRTH']);
  });

  it('a malformed payload is binary and asks for a rebirth', () => {
    born();
    expect(ingest(topic('DDATA', 'Filler'), new Uint8Array([0x12, 0xff]))).toEqual({ kind: 'binary' });
    expect(rebirths).toEqual(['Edge1: malformed payload']);
  });

  it('describes DATA with names from the BIRTH for the Message region', () => {
    born();
    const bytes = ddata(2, 21.5, [{ alias: 2, type: 'Int64', value: long('18446744073709551615') }]);
    const d = ingest(topic('DDATA', 'Filler'), bytes)!;
    const text = d.describer!.describe(bytes);
    expect(JSON.parse(text)).toMatchObject({ seq: 2, metrics: [{ name: 'Temperature', alias: 1, datatype: 'Double', value: 21.5 }, { name: 'Count', value: -1 }] });
    expect(d.describer!.summary(bytes)).toBe('2 metrics, seq 2: Temperature=21.5, Count=-1');
  });
});

describe('SparkplugHost on hostile payloads', () => {
  it('never throws on mutated or truncated payloads (fuzz)', () => {
    const events: HostEvents = { requestRebirth: () => {}, quality: () => {}, entitiesChanged: () => {}, metricArrived: () => {} };
    const host = new SparkplugHost(events);
    const seeds = [nbirth(0, 1), dbirth(1), ddata(2, 3), payload(3, [{ name: 'ds', type: 'DataSet', value: { numOfColumns: 1, columns: ['a'], types: ['String'], rows: [['x']] } } as never])];
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const topics = ['spBv1.0/P/NBIRTH/E', 'spBv1.0/P/DBIRTH/E/D', 'spBv1.0/P/DDATA/E/D', 'spBv1.0/P/NDATA/E'];
    for (let i = 0; i < 3000; i++) {
      const base = seeds[i % seeds.length];
      const bytes = base.slice(0, Math.max(1, Math.floor(rand() * base.length) + 1));
      for (let k = 0; k < 3; k++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
      const d = host.ingest(topics[i % topics.length], bytes, T0 + i);
      expect(d === undefined || d.kind === 'sparkplug' || d.kind === 'binary').toBe(true);
      if (d?.describer) expect(typeof d.describer.describe(bytes)).toBe('string');
    }
  });
});
