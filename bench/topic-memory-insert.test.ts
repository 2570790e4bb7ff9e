// Issue 17: what a new topic costs the engine to take in (scenarios 9 and 10 are bound by it), in
// Node: ingestMessage + TopicTrie.insert of N bench-like 6-level topics (`deepTopicName`), each
// new, then each again (a second message: rate window and history array made). With
// TOPIC_INSERT_OLD=<dir> (a `src/` of another commit, e.g. `git archive <rev> src | tar -x -C /tmp/old`)
// rounds alternate old, new, new, old so the machine's drift cancels out, and the ratio is printed.
//   TOPIC_INSERT_OLD=/tmp/old/src npx vitest run --config bench/topic-memory-insert.vitest.config.ts
import { it } from 'vitest';
import * as engineNew from '../src/engine/ingest';
import * as topicsNew from '../src/topics';
// @ts-expect-error: plain JS module shared with the bench's publisher
import { deepTopicName, payload } from './lib/topics.mjs';

const N = Number(process.env.TOPIC_INSERT_N ?? 1_000_000);
const OLD = process.env.TOPIC_INSERT_OLD;

type Impl = { name: string; topics: typeof topicsNew; engine: typeof engineNew };

/** ms for N new topics, then ms for a second message on each. */
function round(impl: Impl, topics: readonly string[], payloads: readonly Uint8Array[]): [number, number] {
  const { TopicTrie, NodeRegistry, HistoryBudget, DEFAULT_LIMITS } = impl.topics;
  const trie = new TopicTrie(new NodeRegistry(), 'bench', new HistoryBudget(DEFAULT_LIMITS.historyBytes), DEFAULT_LIMITS);
  const times: number[] = [];
  let now = Date.UTC(2026, 11, 5);
  for (let pass = 0; pass < 2; pass++) {
    const t0 = performance.now();
    for (let i = 0; i < N; i++) {
      const { stored } = impl.engine.ingestMessage(payloads[i & 1023], 1, false, undefined, now, DEFAULT_LIMITS.maxStoredPayload);
      trie.insert(topics[i], stored);
      if ((i & 1023) === 0) now += 1;
    }
    times.push(performance.now() - t0);
    now += 1500;
  }
  if (trie.topics !== N) throw new Error(`${impl.name}: ${trie.topics} topics`);
  return [times[0], times[1]];
}

it(`inserts ${N.toLocaleString('en')} new 6-level topics`, async () => {
  const topics = Array.from({ length: N }, (_, i) => deepTopicName('bench/sg', i) as string);
  const enc = new TextEncoder();
  const payloads = Array.from({ length: 1024 }, (_, i) => enc.encode(payload(i, Date.UTC(2026, 11, 5), i)));
  const impls: Impl[] = [{ name: 'new', topics: topicsNew, engine: engineNew }];
  if (OLD) impls.unshift({ name: 'old', topics: await import(`${OLD}/topics/index.ts`), engine: await import(`${OLD}/engine/ingest.ts`) });
  const order = impls.length === 2 ? [impls[0], impls[1], impls[1], impls[0]] : [impls[0], impls[0]];
  const sums = new Map<string, [number, number]>();
  for (const impl of order) {
    const [first, second] = round(impl, topics, payloads);
    const s = sums.get(impl.name) ?? [0, 0];
    sums.set(impl.name, [s[0] + first, s[1] + second]);
    console.log(`${impl.name}: new topics ${(N / first).toFixed(0)} /ms-ish (${first.toFixed(0)} ms), second message ${second.toFixed(0)} ms`);
  }
  if (OLD) {
    const [o, n] = [sums.get('old')!, sums.get('new')!];
    console.log(`new/old throughput: new topics ${(o[0] / n[0]).toFixed(2)}, second message ${(o[1] / n[1]).toFixed(2)}`);
  }
});
