import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuditLog, MemoryAuditBackend, auditToCsv, describeProperties, type AuditBackend } from './AuditLog';
import type { AuditRecord } from './types';
import { IdbAuditBackend } from './IdbAuditBackend';

const record = (i: number, over: Partial<AuditRecord> = {}): AuditRecord => ({
  at: 1_700_000_000_000 + i, session: 's', connectionId: 'plant', connectionName: 'Plant', clientId: 'sg_1', source: 'Publish',
  topic: `cmd/${i}`, payload: `{"v":${i}}`, payloadBytes: 7, qos: 1, retain: false, properties: '', result: 'pending', ...over,
});

// One contract, both backends (style.md "Contract suites").
describe.each<[string, () => AuditBackend]>([
  ['memory', () => new MemoryAuditBackend()],
  ['IndexedDB', () => new IdbAuditBackend()],
])('AuditLog on %s', (_name, make) => {
  let backend: AuditBackend;
  beforeEach(async () => {
    backend = make();
    await new AuditLog(backend).clear();
  });

  it('appends, updates the result and lists newest first', async () => {
    const log = new AuditLog(backend);
    const a = await log.append(record(1));
    await log.append(record(2));
    await log.update(a, { result: 'delivered', updatedAt: 5 });
    const latest = await log.latest(10);
    expect(latest.map((r) => r.topic)).toEqual(['cmd/2', 'cmd/1']);
    expect(latest[1]).toMatchObject({ id: a, result: 'delivered', updatedAt: 5 });
    expect((await log.all()).map((r) => r.topic)).toEqual(['cmd/1', 'cmd/2']);
  });

  it('stays bounded: drops the oldest in bulk and counts them', async () => {
    const log = new AuditLog(backend, { max: 10, trimTo: 6 });
    for (let i = 1; i <= 11; i++) await log.append(record(i));
    expect(await log.count()).toBe(6);
    expect(await log.dropped()).toBe(5);
    expect((await log.all()).map((r) => r.topic)).toEqual(['cmd/6', 'cmd/7', 'cmd/8', 'cmd/9', 'cmd/10', 'cmd/11']);
    for (let i = 12; i <= 16; i++) await log.append(record(i));
    expect(await log.count()).toBe(6);
    expect(await log.dropped()).toBe(10);
    expect(await log.latest(2)).toMatchObject([{ topic: 'cmd/16' }, { topic: 'cmd/15' }]);
  });

  it('queries with filters, order and limit', async () => {
    const log = new AuditLog(backend);
    await log.append(record(1));
    await log.append(record(2, { connectionId: 'lab', result: 'failed' }));
    await log.append(record(3, { result: 'failed' }));
    await log.append(record(4));
    const topics = async (q: Parameters<AuditLog['query']>[0]) => (await log.query(q)).map((r) => r.topic);
    expect(await topics({})).toEqual(['cmd/4', 'cmd/3', 'cmd/2', 'cmd/1']);
    expect(await topics({ limit: 2 })).toEqual(['cmd/4', 'cmd/3']);
    expect(await topics({ order: 'oldest' })).toEqual(['cmd/1', 'cmd/2', 'cmd/3', 'cmd/4']);
    expect(await topics({ order: 'oldest', limit: 1 })).toEqual(['cmd/1']);
    expect(await topics({ result: 'failed' })).toEqual(['cmd/3', 'cmd/2']);
    expect(await topics({ connectionId: 'plant', result: 'failed' })).toEqual(['cmd/3']);
    expect(await topics({ since: 1_700_000_000_003, limit: 5 })).toEqual(['cmd/4', 'cmd/3']);
    expect(await topics({ connectionId: 'nowhere' })).toEqual([]);
  });
});

describe('CSV', () => {
  it('defuses a formula-like topic (the escaping itself is tested in src/format/csv.test.ts)', () => {
    const row = auditToCsv([record(1, { topic: '=HYPERLINK("x")' })]).split('\r\n')[1];
    expect(row).toContain(`,"'=HYPERLINK(""x"")",`);
  });

  it('writes a header and one row per record', () => {
    const csv = auditToCsv([record(1, { result: 'failed', reason: 'Not authorized (0x87)', properties: 'expiry 30 s' })]);
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toBe('time,connection,client id,source,topic,payload,bytes,qos,retain,properties,result,reason,reply,round trip ms');
    expect(row).toBe('2023-11-14T22:13:20.001Z,Plant,sg_1,Publish,cmd/1,"{""v"":1}",7,1,no,expiry 30 s,failed,Not authorized (0x87),,');
  });

  it('adds a "result text" column after the stable ones when the UI gives its wording', () => {
    const csv = auditToCsv([record(1, { result: 'failed', reason: 'Not authorized (0x87)' })], (r) => `失败：${r.reason}`);
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toBe('time,connection,client id,source,topic,payload,bytes,qos,retain,properties,result,reason,reply,round trip ms,result text');
    expect(row.endsWith(',failed,Not authorized (0x87),,,失败：Not authorized (0x87)')).toBe(true);
  });

  it('describes MQTT 5 properties', () => {
    expect(
      describeProperties({
        contentType: 'application/json', payloadFormatIndicator: true, messageExpiryInterval: 30, responseTopic: 'r/1',
        correlationData: new TextEncoder().encode('abc'), userProperties: { a: '1', b: ['2', '3'] },
      }),
    ).toBe('content type application/json; payload format UTF-8; expiry 30 s; response topic r/1; correlation abc; user a=1, b=2, b=3');
  });
});
