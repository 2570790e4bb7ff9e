/**
 * Alarm engine cost per message with 10 000 rules (issue 5 closing note).
 *
 *   npx vitest run --config bench/alarms.vitest.config.ts
 *
 * Measures, on this machine, in one process:
 *  1. AlarmEngine.onMessage alone: 9 000 exact-topic rules + 1 000 wildcard rules, messages on
 *     10 000 topics (each matched by one or two rules), values crossing setpoints now and then.
 *  2. The same stream with no rules (the floor: one cache lookup).
 *  3. A naive engine that checks every rule's filter per message (what the index avoids).
 *  4. The whole worker engine (decode, topic trie, alarms) with and without the alarms feature.
 * Results are printed and written to bench/results/alarms-cost.json. Times are process CPU time
 * (robust to other load on the machine); the Map lookup calibration shows the machine's speed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { AlarmEngine, AlarmsFeature, MemoryAlarmPersistence } from '../src/alarms';
import type { Clock, TimerId } from '../src/engine/clock';
import { Engine } from '../src/engine/Engine';
import type { FeatureFactory } from '../src/engine/EngineFeature';
import { compileFilter } from '../src/topics';
import { FakeSession } from '../src/testing/FakeSession';

const RULES = 10_000;
const WILDCARDS = 1_000;
const MESSAGES = 400_000;

function rules(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < RULES - WILDCARDS; i++) {
    out.push({ id: `r${i}`, topic: topicOf(i), path: 'v', condition: i % 2 ? 'above' : 'below', setpoint: i % 2 ? 80 : 20, deadband: 1, priority: 'low', onDelayMs: i % 5 === 0 ? 2000 : 0 });
  }
  // Wildcards: one per site/machine, over every line: plant/s<i>/+/m<k>/temperature.
  for (let i = 0; i < WILDCARDS; i++) {
    out.push({ id: `w${i}`, topic: `plant/s${i % 100}/+/m${Math.floor(i / 100)}/temperature`, path: 'v', condition: 'above', setpoint: 95, priority: 'medium' });
  }
  return out;
}

const topicOf = (i: number) => `plant/s${i % 100}/l${Math.floor(i / 1000)}/m${Math.floor(i / 100) % 10}/temperature`;

/**
 * A manual clock with a binary heap: the test ManualClock scans every timer per fired timer,
 * which would dominate with thousands of pending on-delay timers and measure the clock, not alarms.
 */
class BenchClock implements Clock {
  private t = 1_700_000_000_000;
  private next = 1;
  private heap: { at: number; id: number; fn: () => void }[] = [];
  private cancelled = new Set<number>();
  now(): number {
    return this.t;
  }
  setTimer(fn: () => void, ms: number): TimerId {
    const id = this.next++;
    const h = this.heap;
    h.push({ at: this.t + Math.max(0, ms), id, fn });
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (h[p].at <= h[i].at) break;
      [h[p], h[i]] = [h[i], h[p]];
      i = p;
    }
    return id;
  }
  clearTimer(id: TimerId): void {
    this.cancelled.add(id);
  }
  advance(ms: number): void {
    const end = this.t + ms;
    const h = this.heap;
    while (h.length && h[0].at <= end) {
      const top = h[0];
      const last = h.pop()!;
      if (h.length) {
        h[0] = last;
        for (let i = 0; ; ) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < h.length && h[l].at < h[m].at) m = l;
          if (r < h.length && h[r].at < h[m].at) m = r;
          if (m === i) break;
          [h[m], h[i]] = [h[i], h[m]];
          i = m;
        }
      }
      if (this.cancelled.delete(top.id)) continue;
      this.t = Math.max(this.t, top.at);
      top.fn();
    }
    this.t = end;
  }
}

/**
 * CPU time (user + system, ms) of this process while `fn` runs: on a shared, loaded machine,
 * wall time mostly measures waiting for a CPU.
 */
function time(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

/** A deterministic stream: topics round-robin; `excursion` of the values cross a setpoint. */
function stream(n: number, excursion: number): { topic: string; json: { v: number; unit: string } }[] {
  const out = [];
  let seed = 42;
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const r = seed / 2 ** 31;
    out.push({ topic: topicOf(i % (RULES - WILDCARDS)), json: { v: r < excursion / 2 ? 99 : r < excursion ? 10 : 50 + r * 20, unit: '°C' } });
  }
  return out;
}

type Msg = ReturnType<typeof stream>[number];

/** µs per message through AlarmEngine.onMessage (after a warm-up pass). */
function alarmEngineCost(config: Record<string, unknown>[], msgs: Msg[]): { us: number; instances: number } {
  const clock = new BenchClock();
  const engine = new AlarmEngine(clock, { journal: () => undefined, persist: () => undefined, persistService: () => undefined, wake: () => undefined });
  expect(engine.setRules(config)).toEqual([]);
  const run = (list: Msg[]) => {
    for (let i = 0; i < list.length; i++) {
      const m = list[i];
      engine.onMessage('plant', m.topic, m.json, undefined, clock.now());
      // ~50 000 messages/s of simulated time: delays and stale timers fire as they would.
      if ((i & 63) === 0) clock.advance(1);
    }
  };
  run(msgs.slice(0, 50_000));
  return { us: (time(() => run(msgs)) * 1000) / msgs.length, instances: engine.instanceCount };
}

/** µs per message through the whole worker engine (decode, topic trie, features), batched deltas acked. */
async function wholeEngineCost(config: Record<string, unknown>[] | null, msgs: Msg[]): Promise<number> {
  const c = new BenchClock();
  let session!: FakeSession;
  const features: FeatureFactory[] = config ? [(host) => new AlarmsFeature(host, new MemoryAlarmPersistence(), () => new MemoryAlarmPersistence())] : [];
  let seq = 0;
  const eng = new Engine(c, (m) => m.type === 'delta' && (seq = m.seq), (s, l) => (session = new FakeSession(s, l)), undefined, features);
  if (config) eng.handle({ type: 'alarms/rules', rules: config, settings: {}, station: 'bench' });
  eng.handle({ type: 'connect', settings: { id: 'plant', name: 'plant', url: 'ws://x', protocolVersion: 5, subscriptions: [{ topic: '#', qos: 0 }] } });
  await new Promise((r) => setTimeout(r, 0));
  const payloads = msgs.map((m) => ({ topic: m.topic, text: JSON.stringify(m.json) }));
  const go = () => {
    for (let i = 0; i < payloads.length; i++) {
      session.receive(payloads[i].topic, payloads[i].text);
      if ((i & 63) === 0) {
        c.advance(1);
        eng.handle({ type: 'ack', seq });
      }
    }
  };
  go();
  return (time(go) * 1000) / payloads.length;
}

it('costs a few µs per message with 10 000 rules', async () => {
  const config = rules();
  const steady = stream(MESSAGES, 0.001);
  const storm = stream(MESSAGES, 0.04);

  const indexedSteady = alarmEngineCost(config, steady);
  const indexedStorm = alarmEngineCost(config, storm);
  const empty = alarmEngineCost([], steady);

  // Naive: every rule's filter checked per message (fewer messages: it is slow).
  const matchers = config.map((r) => compileFilter(r.topic as string));
  const naiveN = 5_000;
  let hits = 0;
  const naiveMs = time(() => {
    for (let i = 0; i < naiveN; i++) for (const m of matchers) if (m(steady[i].topic)) hits++;
  });
  const perMsgNaive = (naiveMs * 1000) / naiveN;
  expect(hits).toBeGreaterThan(0);

  // Calibration: one Map lookup per message on the same topics (the floor of any topic-keyed work).
  const map = new Map(steady.slice(0, RULES).map((m) => [m.topic, 1]));
  let sum = 0;
  const mapUs = (time(() => {
    for (let i = 0; i < steady.length; i++) sum += map.get(steady[i].topic) ?? 0;
  }) * 1000) / steady.length;
  expect(sum).toBeGreaterThan(0);

  const wholeN = steady.slice(0, 100_000);
  const engineWithout = await wholeEngineCost(null, wholeN);
  const engineWith = await wholeEngineCost(config, wholeN);

  const result = {
    rules: RULES,
    wildcardRules: WILDCARDS,
    instances: indexedSteady.instances,
    messages: MESSAGES,
    alarmEngineUsPerMessage: { steady: round(indexedSteady.us), storm4pct: round(indexedStorm.us), noRules: round(empty.us) },
    naiveScanUsPerMessage: round(perMsgNaive),
    calibrationMapGetUsPerMessage: round(mapUs),
    loadAverage: (await import('node:os')).loadavg().map((x) => Math.round(x * 10) / 10),
    wholeWorkerEngineUsPerMessage: { withoutAlarms: round(engineWithout), with10kRules: round(engineWith), alarmsShare: round(engineWith - engineWithout) },
    node: process.version,
  };
  console.log(JSON.stringify(result, null, 2));
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/alarms-cost.json', JSON.stringify(result, null, 2) + '\n');
  expect(indexedSteady.us).toBeLessThan(perMsgNaive);
});

const round = (n: number) => Math.round(n * 1000) / 1000;
