import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../mqtt';
import { ManualClock } from './clock';
import type { EngineFeature, EngineHost, FeatureFactory, MessageContext } from './EngineFeature';
import { lazyFeature, MAX_PENDING_MESSAGES } from './lazyFeature';
import type { FromEngine, PublishResult } from './protocol';

type Seen = string[];

/** A feature that writes down what reaches it, in order. */
function recorder(seen: Seen): FeatureFactory {
  return () =>
    ({
      key: 'rows',
      handle: (cmd) => (seen.push(`cmd ${cmd.type}`), true),
      onMessage: (ctx) => void seen.push(`msg ${ctx.topic}`),
      onConnectionStatus: (s) => void seen.push(`status ${s.id} ${s.state}`),
      onPublishResult: (r) => void seen.push(`result ${r.reqId}`),
      flush: () => ({ reqs: seen.length }) as never,
    }) satisfies EngineFeature<'rows'>;
}

function deferred() {
  let resolve!: (f: FeatureFactory) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<FeatureFactory>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function setup(options?: { loadOnPublishResult?: boolean }) {
  const posted: FromEngine[] = [];
  let wakes = 0;
  let loads = 0;
  const gate = deferred();
  const host = { clock: new ManualClock(), post: (m: FromEngine) => posted.push(m), wake: () => wakes++ } as unknown as EngineHost;
  const feature = lazyFeature('rows', () => (loads++, gate.promise), options)(host) as EngineFeature<'rows'>;
  return { feature, gate, posted, wakes: () => wakes, loads: () => loads };
}

const status = (state: 'connecting' | 'connected') => ({ id: 'c', state, clientId: 'x', protocolVersion: 5, subscriptions: [] }) as ConnectionStatus;
const msg = (topic: string) => ({ connectionId: 'c', topic }) as MessageContext;
const watch = { type: 'rows/watch', id: 'w', filter: '#', connectionId: 'c', columns: [] } as never;
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('lazyFeature', () => {
  it('loads nothing until its first command, and ignores the messages before it', async () => {
    const seen: Seen = [];
    const { feature, gate, loads } = setup();
    feature.onMessage(msg('before'));
    feature.onTick?.(1);
    expect(loads()).toBe(0);
    expect(feature.flush(1)).toBeUndefined();

    feature.handle(watch);
    expect(loads()).toBe(1);
    gate.resolve(recorder(seen));
    await flush();
    expect(seen).toEqual(['cmd rows/watch']);
  });

  it('replays the connection status, the command and the messages that came while its code loaded, in order, then wakes the engine', async () => {
    const seen: Seen = [];
    const { feature, gate, wakes } = setup();
    feature.onConnectionStatus?.(status('connecting'));
    feature.onConnectionStatus?.(status('connected'));
    feature.handle(watch);
    feature.onMessage(msg('a'));
    feature.onMessage(msg('b'));
    gate.resolve(recorder(seen));
    await flush();
    expect(seen).toEqual(['status c connected', 'cmd rows/watch', 'msg a', 'msg b']);
    expect(wakes()).toBe(1);

    feature.onMessage(msg('c'));
    expect(seen.at(-1)).toBe('msg c');
    expect(feature.flush(2)).toEqual({ reqs: 5 });
  });

  it('keeps at most MAX_PENDING_MESSAGES while loading', async () => {
    const seen: Seen = [];
    const { feature, gate } = setup();
    feature.handle(watch);
    for (let i = 0; i < MAX_PENDING_MESSAGES + 10; i++) feature.onMessage(msg('t'));
    gate.resolve(recorder(seen));
    await flush();
    expect(seen.filter((s) => s === 'msg t')).toHaveLength(MAX_PENDING_MESSAGES);
  });

  it('loads on the first publish result when asked to (the command audit)', async () => {
    const seen: Seen = [];
    const { feature, gate, loads } = setup({ loadOnPublishResult: true });
    feature.onPublishResult?.({ type: 'publishResult', reqId: 7, outcome: 'sent', at: 0 } as PublishResult);
    expect(loads()).toBe(1);
    gate.resolve(recorder(seen));
    await flush();
    expect(seen).toEqual(['result 7']);
  });

  it('reports a feature whose code fails to load as an engine fault', async () => {
    const { feature, gate, posted } = setup();
    feature.handle(watch);
    gate.reject(new Error('chunk missing'));
    await flush();
    expect(posted).toEqual([{ type: 'fatal', message: 'The rows feature failed to load: chunk missing' }]);
  });
});
