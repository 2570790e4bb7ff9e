import { describe, expect, it } from 'vitest';
import { makeMessage } from '../testing/makeMessage';
import { HistoryBudget } from './HistoryBudget';
import { NodeRegistry, TopicTrie, sortedChildren, topicOf, walk } from './TopicTrie';
import { DEFAULT_LIMITS } from './defaultLimits';
import { forEachMatch } from './forEachMatch';
import { KeptMessage, KINDS } from './KeptMessage';
import { toSmall } from './smallTime';
import type { StoredMessage, TopicNode } from './types';

/** A seeded generator, so a failing case can be run again. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The simple model: per topic its messages (label, time) in order. */
type Model = Map<string, { label: string; at: number; qos: number; retain: boolean }[]>;

/**
 * A message as the engine makes it (engine/ingest.ts: text kept as text, packed into the node as
 * its last message) or, every third one, a plain StoredMessage (kept as an object).
 */
function message(r: () => number, label: string, at: number, qos: 0 | 1 | 2, retain: boolean): StoredMessage {
  if (r() < 0.33) return makeMessage(label, { at, retain, qos });
  const kind = KINDS.indexOf('text');
  return new KeptMessage(label, label.length, (kind << 3) | (retain ? 4 : 0) | qos, toSmall(at), undefined);
}

const LEVELS = ['plant', 'line1', 'line2', 'temp', '', 'Temp', 'dev-' , 'x'];

function randomTopic(r: () => number): string {
  const depth = 1 + Math.floor(r() * 4);
  const parts: string[] = [];
  for (let i = 0; i < depth; i++) {
    const base = LEVELS[Math.floor(r() * LEVELS.length)];
    parts.push(base === 'dev-' ? `dev-${Math.floor(r() * 30)}` : base);
  }
  return parts.join('/');
}

/** Topics at and below `prefix` (the model's topicCount / subtreeCount of that level). */
function below(model: Model, prefix: string): { topics: number; messages: number } {
  let topics = 0;
  let messages = 0;
  for (const [topic, msgs] of model) {
    if (topic === prefix || topic.startsWith(`${prefix}/`)) {
      topics++;
      messages += msgs.length;
    }
  }
  return { topics, messages };
}

describe('TopicTrie against a simple model (issue 17 compact nodes)', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`seed ${seed}: counts, last message, history, first time, rates and names agree`, () => {
      const r = rng(seed);
      const perTopic = 1 + Math.floor(r() * 5);
      const limits = { ...DEFAULT_LIMITS, historyPerTopic: perTopic };
      const t = new TopicTrie(new NodeRegistry(), 'root', new HistoryBudget(1e12), limits);
      const model: Model = new Map();
      /** The history the trie should keep per topic: reset while load shedding keeps none. */
      const kept = new Map<string, string[] | null>();
      // Times far apart (days) as well as close, so stored times leave the small-integer range.
      let now = 1_700_000_000_000;
      for (let i = 0; i < 600; i++) {
        now += r() < 0.05 ? Math.floor(r() * 5 * 86_400_000) : Math.floor(r() * 700);
        const topic = randomTopic(r);
        const label = `m${i}`;
        const qos = (i % 3) as 0 | 1 | 2;
        const retain = r() < 0.5;
        // Load shedding (engine/LoadShedder.ts) now and then: no history kept meanwhile.
        if (r() < 0.02) t.shed = t.shed ? null : { all: true, nodes: new Set() };
        const res = t.insert(topic, message(r, label, now, qos, retain))!;
        const list = model.get(topic) ?? [];
        expect(res.isNewTopic).toBe(list.length === 0);
        list.push({ label, at: now, qos, retain });
        model.set(topic, list);
        kept.set(topic, t.shed ? null : [...(kept.get(topic) ?? []), label].slice(-perTopic));
      }
      expect(t.topics).toBe(model.size);
      for (const [topic, msgs] of model) {
        const n = t.find(topic)!;
        expect(topicOf(n)).toBe(topic);
        expect(n.count).toBe(msgs.length);
        expect(n.last!.preview).toBe(msgs.at(-1)!.label);
        expect(n.last!.receivedAt).toBe(msgs.at(-1)!.at);
        expect([n.last!.qos, n.last!.retain, n.last!.kind]).toEqual([msgs.at(-1)!.qos, msgs.at(-1)!.retain, 'text']);
        expect(new TextDecoder().decode(n.last!.payload)).toBe(msgs.at(-1)!.label);
        expect(n.firstAt).toBe(msgs[0].at);
        expect(n.history?.map((m) => m.preview) ?? null).toEqual(kept.get(topic));
        const { topics, messages } = below(model, topic);
        expect([n.topicCount, n.subtreeCount]).toEqual([topics, messages]);
        const lastAt = msgs.at(-1)!.at;
        const inLastSecond = msgs.filter((m) => m.at >= lastAt - 999).length;
        expect(t.rateOf(n, lastAt)).toBeLessThanOrEqual(inLastSecond);
        expect(t.rateOf(n, lastAt + 5000)).toBe(0);
      }
      // Every level of the tree is a prefix of a topic, levels in natural order, depth and parent agree.
      let levels = 0;
      walk(t.root, (n: TopicNode) => {
        levels++;
        if (n.parent) {
          const topic = topicOf(n);
          expect([...model.keys()].some((k) => k === topic || k.startsWith(`${topic}/`))).toBe(true);
          expect(n.depth).toBe(n.parent.depth + 1);
          expect(n.parent.children!.get(n.name)).toBe(n);
        }
        expect(sortedChildren(n).length).toBe(n.children?.size ?? 0);
        if (n.count === 0) expect(n.firstAt).toBe(0);
      });
      const prefixes = new Set<string>();
      for (const topic of model.keys()) topic.split('/').forEach((_, i, all) => prefixes.add(all.slice(0, i + 1).join('/')));
      expect(levels).toBe(prefixes.size + 1);
      // "Filter topics" still finds exactly the model's topics containing the text.
      for (const text of ['line', 'temp', 'dev-1', 'e/t', '+/temp', '#']) {
        const found: string[] = [];
        forEachMatch(t, text, (n) => found.push(topicOf(n)));
        const wild = text.includes('+') || text.includes('#');
        const expected = [...model.keys()].filter((k) => (wild ? matches(text, k) : k.toLowerCase().includes(text)));
        expect(found.sort()).toEqual(expected.sort());
      }
    });
  }
});

describe('TopicTrie under a small history budget (issue 17: a history of one is the last message)', () => {
  for (const seed of [11, 12, 13]) {
    it(`seed ${seed}: kept histories are the newest messages, the budget counts exactly them, the last message stays`, () => {
      const r = rng(seed);
      const perTopic = 1 + Math.floor(r() * 4);
      const budget = new HistoryBudget(40 * HistoryBudget.cost(makeMessage('m100')));
      const t = new TopicTrie(new NodeRegistry(), 'root', budget, { ...DEFAULT_LIMITS, historyPerTopic: perTopic });
      const model = new Map<string, string[]>();
      for (let i = 100; i < 900; i++) {
        const topic = randomTopic(r);
        const label = `m${i}`;
        t.insert(topic, message(r, label, 1_700_000_000_000 + i, 0, false));
        model.set(topic, [...(model.get(topic) ?? []), label]);
        if (i % 50 !== 0) continue;
        let entries = 0;
        for (const [name, labels] of model) {
          const n = t.find(name)!;
          expect(n.last!.preview).toBe(labels.at(-1));
          const history = n.history!.map((m) => m.preview);
          expect(history.length).toBeLessThanOrEqual(perTopic);
          expect(labels.slice(labels.length - history.length)).toEqual(history);
          entries += history.length;
        }
        expect(budget.entryCount).toBe(entries);
        expect(budget.bytes).toBe(entries * HistoryBudget.cost(makeMessage('m100')));
      }
      expect(budget.dropped).toBeGreaterThan(0);
    });
  }
});

/** MQTT filter match for the model (no `$` topics are generated). */
function matches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const l = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= l.length || (f[i] !== '+' && f[i] !== l[i])) return false;
  }
  return f.length === l.length;
}
