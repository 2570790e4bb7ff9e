import { describe, expect, it } from 'vitest';
import { makeMessage } from '../testing/makeMessage';
import { HistoryBudget } from './HistoryBudget';
import { NodeRegistry, TopicTrie, sortedChildren, topicOf, walk } from './TopicTrie';
import { DEFAULT_LIMITS } from './defaultLimits';
import { forEachMatch } from './forEachMatch';
import type { TopicNode } from './types';

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
type Model = Map<string, { label: string; at: number }[]>;

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
      // Times far apart (days) as well as close, so stored times leave the small-integer range.
      let now = 1_700_000_000_000;
      for (let i = 0; i < 600; i++) {
        now += r() < 0.05 ? Math.floor(r() * 5 * 86_400_000) : Math.floor(r() * 700);
        const topic = randomTopic(r);
        const label = `m${i}`;
        const res = t.insert(topic, makeMessage(label, { at: now, retain: r() < 0.5, qos: (i % 3) as 0 | 1 | 2 }))!;
        const list = model.get(topic) ?? [];
        expect(res.isNewTopic).toBe(list.length === 0);
        list.push({ label, at: now });
        model.set(topic, list);
      }
      expect(t.topics).toBe(model.size);
      for (const [topic, msgs] of model) {
        const n = t.find(topic)!;
        expect(topicOf(n)).toBe(topic);
        expect(n.count).toBe(msgs.length);
        expect(n.last!.preview).toBe(msgs.at(-1)!.label);
        expect(n.last!.receivedAt).toBe(msgs.at(-1)!.at);
        expect(n.firstAt).toBe(msgs[0].at);
        expect(n.history!.map((m) => m.preview)).toEqual(msgs.slice(-perTopic).map((m) => m.label));
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
