// Issue 17 "Memory": bytes the engine keeps per topic, measured in Node on the real Engine (no
// browser, so seconds instead of the minutes scenario 3 takes): N bench topics
// (`bench/a<i/10000>/b<i/100%100>/c<i%100>`, the ~65-byte JSON payload), each received once, with
// the default 20-message history and without history. Heap after a forced GC, minus the heap
// before. TOPIC_MEMORY_KINDS=1 also prints what the heap holds by object kind (a heap snapshot).
import { getHeapSnapshot } from 'node:v8';
import { it } from 'vitest';
import { Engine } from '../src/engine/Engine';
import { ManualClock } from '../src/engine/clock';
import { FakeSession } from '../src/testing/FakeSession';
import { DEFAULT_LIMITS } from '../src/topics';
// @ts-expect-error: plain JS module shared with the bench's publisher
import { payload, topicName } from './lib/topics.mjs';

const N = Number(process.env.TOPIC_MEMORY_N ?? 1_000_000);
const KINDS = process.env.TOPIC_MEMORY_KINDS === '1';
const settings = { id: 'bench', name: 'Bench', url: 'ws://x', protocolVersion: 5 as const, subscriptions: [{ topic: '#', qos: 0 as const }] };

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (!g) throw new Error('run with --expose-gc (see bench/topic-memory.vitest.config.ts)');
  g();
  g();
}

function fill(historyPerTopic: number): Engine {
  const clock = new ManualClock(Date.UTC(2026, 11, 5));
  let session: FakeSession | undefined;
  let lastSeq = 0;
  const engine = new Engine(clock, (m) => {
    if (m.type === 'delta') lastSeq = m.seq;
  }, (s, l) => (session = new FakeSession(s, l)), { ...DEFAULT_LIMITS, historyPerTopic });
  engine.handle({ type: 'connect', settings });
  engine.handle({ type: 'treeWindow', start: 0, count: 50 });
  const enc = new TextEncoder();
  for (let i = 0; i < N; i++) {
    session!.listener.onMessage(topicName('bench', i), enc.encode(payload(i, clock.now(), i)), 0, true, undefined);
    if (i % 2000 === 1999) {
      clock.advance(20);
      engine.handle({ type: 'ack', seq: lastSeq });
    }
  }
  clock.advance(1000);
  return engine;
}

function kinds(): void {
  const text: string[] = [];
  const stream = getHeapSnapshot();
  let chunk;
  while ((chunk = stream.read()) !== null) text.push(String(chunk));
  const snap = JSON.parse(text.join(''));
  const f: string[] = snap.snapshot.meta.node_fields;
  const types: string[] = snap.snapshot.meta.node_types[0];
  const nf = f.length;
  const iType = f.indexOf('type'), iName = f.indexOf('name'), iSize = f.indexOf('self_size');
  const agg = new Map<string, [number, number]>();
  for (let i = 0; i < snap.nodes.length; i += nf) {
    const t = types[snap.nodes[i + iType]];
    const name = t === 'object' || t === 'closure' || t === 'array' ? `${t}:${snap.strings[snap.nodes[i + iName]]}` : t;
    const a = agg.get(name) ?? [0, 0];
    a[0]++;
    a[1] += snap.nodes[i + iSize];
    agg.set(name, a);
  }
  if (process.env.TOPIC_MEMORY_RETAINERS) {
    const ef: string[] = snap.snapshot.meta.edge_fields;
    const etypes: string[] = snap.snapshot.meta.edge_types[0];
    const ne = ef.length;
    const iEc = f.indexOf('edge_count');
    const owner = new Int32Array(snap.nodes.length / nf).fill(-1);
    const edgeName = new Array<string>(snap.nodes.length / nf);
    let e = 0;
    for (let n = 0; n < snap.nodes.length; n += nf) {
      const cnt = snap.nodes[n + iEc];
      for (let k = 0; k < cnt; k++, e += ne) {
        const to = snap.edges[e + 2] / nf;
        const et = etypes[snap.edges[e]];
        if (owner[to] < 0 && et !== 'weak') { owner[to] = n / nf; edgeName[to] = et === 'element' || et === 'hidden' ? et + String(snap.edges[e + 1]) : snap.strings[snap.edges[e + 1]]; }
      }
    }
    const label = (i: number) => { const t = types[snap.nodes[i * nf + iType]]; return `${t}:${snap.strings[snap.nodes[i * nf + iName]]}`.slice(0, 40); };
    const by = new Map<string, [number, number]>();
    for (let i = 0; i < owner.length; i++) {
      const t = types[snap.nodes[i * nf + iType]];
      if (t !== 'array' && t !== 'string' && t !== 'number') continue;
      const o = owner[i];
      const key = `${label(i)} <-${edgeName[i]}- ${o >= 0 ? label(o) : '?'}` + (o >= 0 && owner[o] >= 0 ? ` <-${/^[0-9]+$/.test(edgeName[o] ?? '') ? '[]' : edgeName[o]}- ${label(owner[o])}` : '');
      const a = by.get(key) ?? [0, 0]; a[0]++; a[1] += snap.nodes[i * nf + iSize]; by.set(key, a);
    }
    for (const [k, [c, s]] of [...by].sort((a, b) => b[1][1] - a[1][1]).slice(0, 15)) console.log(`R ${String(c).padStart(9)} ${(s / N).toFixed(1).padStart(7)} B/topic ${k}`);
  }
  const rows = [...agg].sort((a, b) => b[1][1] - a[1][1]).slice(0, 18);
  for (const [k, [c, s]] of rows) console.log(`${String(c).padStart(9)} objs ${(s / N).toFixed(1).padStart(7)} B/topic  ${k.slice(0, 80)}`);
}

/** Heap held by an engine filled with N topics; the engine is garbage once this returns. */
function measure(history: number): void {
  gc();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const engine = fill(history);
  const fillMs = performance.now() - t0;
  gc();
  const used = process.memoryUsage().heapUsed - before;
  console.log(`history ${history}: ${(used / 1048576).toFixed(1)} MB for ${N.toLocaleString('en')} topics, ${(used / N).toFixed(0)} B/topic (${engine.constructor.name} alive; filled in ${fillMs.toFixed(0)} ms)`);
  if (KINDS) kinds();
}

it(`memory per topic at ${N.toLocaleString('en')} topics`, () => {
  for (const history of [DEFAULT_LIMITS.historyPerTopic, 0]) measure(history);
});
