import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock';
import { Engine } from '../engine/Engine';
import type { Delta, FromEngine, PublishResult, ToEngine } from '../engine/protocol';
import type { ConnectionSettings } from '../mqtt/types';
import { FakeSession } from '../testing/FakeSession';
import { MemoryAuditBackend, type AuditBackend } from './AuditLog';
import { commandsFeature } from './CommandsFeature';
import { IdbAuditBackend } from './IdbAuditBackend';
import type { AuditAnswer, AuditQuery, AuditRecord, CommandsDelta, PublishRequest } from './types';

const settings = (protocolVersion: 4 | 5 = 5): ConnectionSettings => ({ id: 'plant', name: 'Plant', url: 'ws://x', protocolVersion, subscriptions: [{ topic: '#', qos: 0 }] });
const flushMicrotasks = async () => {
  for (let i = 0; i < 20; i++) await new Promise<void>((r) => setTimeout(r, 0));
};
const bytes = (s: string) => new TextEncoder().encode(s);

/** The real Engine with the commands feature, a fake session and a manual clock: the worker minus postMessage. */
class Harness {
  clock = new ManualClock();
  results: PublishResult[] = [];
  parts: CommandsDelta[] = [];
  session!: FakeSession;
  engine: Engine;
  private nextReqId = 1;

  constructor(backend: AuditBackend | null, protocolVersion: 4 | 5 = 5) {
    this.engine = new Engine(this.clock, (m) => this.receive(m), (s, l) => (this.session = new FakeSession(s, l)), undefined, [
      commandsFeature({ backend, session: 'S1' }),
    ]);
    this.engine.handle({ type: 'connect', settings: settings(protocolVersion) });
  }

  private receive(m: FromEngine): void {
    if (m.type === 'publishResult') this.results.push(m);
    if (m.type !== 'delta') return;
    const part = m.features?.commands;
    if (part) this.parts.push(part);
    this.engine.handle({ type: 'ack', seq: (m as Delta).seq });
  }

  send(over: Partial<PublishRequest> = {}, source = 'Publish'): number {
    const reqId = this.nextReqId++;
    const request: PublishRequest = { reqId, connectionId: 'plant', topic: 'cmd/line1/stop', payload: bytes('{"stop":true}'), qos: 1, retain: false, ...over };
    this.engine.handle({ type: 'commands/send', request, audit: { source, connectionName: 'Plant' } });
    return reqId;
  }

  async settle(): Promise<void> {
    await flushMicrotasks();
    this.clock.advance(1100);
    await flushMicrotasks();
  }

  async query(query: AuditQuery = {}): Promise<AuditAnswer> {
    const reqId = 1000 + this.nextReqId++;
    this.engine.handle({ type: 'commands/auditQuery', reqId, query });
    await this.settle();
    const answer = this.parts.flatMap((p) => p.audit ?? []).find((a) => a.reqId === reqId);
    if (!answer) throw new Error('no answer');
    return answer;
  }

  async records(): Promise<AuditRecord[]> {
    return [...(await this.query()).records];
  }
}

describe('CommandsFeature in the engine', () => {
  let h: Harness;
  beforeEach(() => {
    h = new Harness(new MemoryAuditBackend());
  });

  it('writes a pending record when it publishes, then the outcome, and tells the UI to read again', async () => {
    const reqId = h.send({ properties: { contentType: 'application/json' } }, 'Template Stop line 1');
    expect(h.session.published).toHaveLength(1);
    await h.settle();
    expect(await h.records()).toMatchObject([
      { session: 'S1', connectionId: 'plant', connectionName: 'Plant', clientId: 'fake', source: 'Template Stop line 1', topic: 'cmd/line1/stop', payload: '{"stop":true}', payloadBytes: 13, qos: 1, properties: 'content type application/json', result: 'pending' },
    ]);
    const before = h.parts.at(-1)?.auditVersion ?? 0;
    h.session.published[0]!.done();
    await h.settle();
    expect(h.results).toMatchObject([{ reqId, outcome: 'delivered' }]);
    expect(await h.records()).toMatchObject([{ result: 'delivered', updatedAt: h.clock.now() - 1100 * 2 }]);
    expect(Math.max(...h.parts.map((p) => p.auditVersion ?? 0))).toBeGreaterThan(before);
  });

  it('records a refusal with its reason', async () => {
    h.send({ connectionId: 'nowhere' });
    h.session.end();
    h.send({ qos: 0 });
    await h.settle();
    expect((await h.records()).map((r) => [r.result, r.reason])).toEqual([
      ['failed', 'Not connected (disconnected): connect first'],
      ['failed', 'No such connection'],
    ]);
  });

  it('records queued, then sent when the connection is back', async () => {
    h.session.connected = false;
    h.session.offlineState = 'reconnecting';
    h.send({ qos: 0, queueWhileOffline: true });
    await h.settle();
    expect(await h.records()).toMatchObject([{ result: 'queued' }]);
    h.session.published[0]!.done();
    await h.settle();
    expect(await h.records()).toMatchObject([{ result: 'sent' }]);
  });

  it('records the reply and its round-trip time after "delivered"', async () => {
    const correlationData = bytes('c-1');
    h.send({ properties: { responseTopic: 'reply/line1', correlationData } });
    h.session.published[0]!.done();
    h.clock.advance(40);
    h.session.receive('reply/line1', '{"ok":true}', { properties: { correlationData } });
    await h.settle();
    expect(await h.records()).toMatchObject([{ result: 'delivered', reply: '{"ok":true}', rttMs: 40, properties: 'response topic reply/line1; correlation c-1' }]);
  });

  it('records a reply timeout as failed', async () => {
    h.send({ properties: { responseTopic: 'reply/line1' }, responseTimeoutMs: 500 });
    h.session.published[0]!.done();
    await h.settle();
    expect(await h.records()).toMatchObject([{ result: 'failed', reason: 'no reply on reply/line1 within 0.5 s (timed out)' }]);
  });

  it('answers queries by reqId, with filters, limit, totals and the session', async () => {
    for (const topic of ['a', 'b', 'c']) h.send({ topic });
    h.send({ topic: 'd', connectionId: 'lab' });
    await h.settle();
    const latest = await h.query({ limit: 2 });
    expect(latest).toMatchObject({ total: 4, dropped: 0, session: 'S1' });
    expect(latest.records.map((r) => r.topic)).toEqual(['d', 'c']);
    expect((await h.query({ order: 'oldest', connectionId: 'plant' })).records.map((r) => r.topic)).toEqual(['a', 'b', 'c']);
    expect((await h.query({ result: 'failed' })).records.map((r) => r.topic)).toEqual(['d']);
  });

  it('leaves MQTT 3.1.1 commands without properties in the audit', async () => {
    h = new Harness(new MemoryAuditBackend(), 4);
    h.send({ properties: { responseTopic: 'reply/x' } });
    h.session.published[0]!.done();
    await h.settle();
    expect(await h.records()).toMatchObject([{ properties: '', result: 'delivered' }]);
  });
});

describe('CommandsFeature storage', () => {
  const failing = (): AuditBackend => {
    const fail = () => Promise.reject(new Error('QuotaExceededError'));
    return { add: fail, update: fail, count: fail, deleteOldest: fail, latest: fail, all: fail, readDropped: fail, writeDropped: fail, clear: fail };
  };

  it('falls back to memory when IndexedDB fails, and says so once', async () => {
    const h = new Harness(failing());
    h.send();
    h.session.published[0]!.done();
    await h.settle();
    expect(await h.records()).toMatchObject([{ topic: 'cmd/line1/stop', result: 'delivered' }]);
    expect(h.parts.filter((p) => p.storageProblem)).toEqual([
      expect.objectContaining({ storageProblem: 'The audit is kept in memory only (IndexedDB failed: QuotaExceededError)' }),
    ]);
  });

  it('keeps the audit in memory when there is no IndexedDB, said on first use only', async () => {
    const h = new Harness(null);
    await h.settle();
    expect(h.parts).toEqual([]);
    h.send();
    await h.settle();
    expect(h.parts.find((p) => p.storageProblem)?.storageProblem).toBe('The audit is kept in memory only (IndexedDB is not available)');
    expect(await h.records()).toHaveLength(1);
  });

  it('persists to IndexedDB, readable by the next session', async () => {
    const backend = new IdbAuditBackend();
    await backend.clear();
    const h = new Harness(backend);
    h.send();
    h.session.published[0]!.done();
    await h.settle();
    const next = new Harness(new IdbAuditBackend());
    expect(await next.records()).toMatchObject([{ session: 'S1', result: 'delivered' }]);
    expect(h.parts.some((p) => p.storageProblem)).toBe(false);
  });
});

describe('CommandsFeature commands', () => {
  it('fails loudly on a commands command it does not know (the worker reports it as fatal)', () => {
    const h = new Harness(new MemoryAuditBackend());
    expect(() => h.engine.handle({ type: 'commands/undo' } as unknown as ToEngine)).toThrow('Unexpected commands command: commands/undo');
  });
});
