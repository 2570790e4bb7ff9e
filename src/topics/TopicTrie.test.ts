import { describe, expect, it } from 'vitest';
import { makeMessage } from '../testing/makeMessage';
import { HistoryBudget } from './HistoryBudget';
import { NodeRegistry, TopicTrie, topicOf } from './TopicTrie';
import { TreeView } from './TreeView';
import { DEFAULT_LIMITS } from './defaultLimits';

function trie(limits = DEFAULT_LIMITS, budget = new HistoryBudget(limits.historyBytes)) {
  return new TopicTrie(new NodeRegistry(), 'Plant broker', budget, limits);
}

describe('TopicTrie', () => {
  it('creates levels and counts messages per topic and subtree', () => {
    const t = trie();
    t.insert('plant/line1/temp', makeMessage('1'));
    t.insert('plant/line1/temp', makeMessage('2'));
    t.insert('plant/line2/temp', makeMessage('3'));
    const plant = t.find('plant')!;
    expect(plant.subtreeCount).toBe(3);
    expect(plant.topicCount).toBe(2);
    expect(t.find('plant/line1/temp')!.count).toBe(2);
    expect(t.find('plant/line1')!.count).toBe(0);
    expect(t.topics).toBe(2);
    expect(topicOf(t.find('plant/line2/temp')!)).toBe('plant/line2/temp');
  });

  it('keeps empty levels and unicode levels distinct', () => {
    const t = trie();
    t.insert('a//b', makeMessage('x'));
    t.insert('a/b', makeMessage('y'));
    t.insert('Zürich/温度', makeMessage('z'));
    expect(t.find('a//b')!.last!.preview).toBe('x');
    expect(t.find('a/b')!.last!.preview).toBe('y');
    expect(t.find('Zürich/温度')).toBeDefined();
  });

  it('reports new topics once', () => {
    const t = trie();
    expect(t.insert('a/b', makeMessage('1'))!.isNewTopic).toBe(true);
    expect(t.insert('a/b', makeMessage('2'))!.isNewTopic).toBe(false);
    expect(t.insert('a', makeMessage('3'))!.isNewTopic).toBe(true);
  });

  it('caps per-topic history and keeps the newest', () => {
    const t = trie({ ...DEFAULT_LIMITS, historyPerTopic: 3 });
    for (let i = 0; i < 10; i++) t.insert('a', makeMessage(String(i)));
    expect(t.find('a')!.history!.map((m) => m.preview)).toEqual(['7', '8', '9']);
  });

  it('bounds history bytes across topics and counts what it dropped', () => {
    const budget = new HistoryBudget(10 * HistoryBudget.cost(makeMessage('xxxx')));
    const t = trie({ ...DEFAULT_LIMITS, historyPerTopic: 20 }, budget);
    for (let i = 0; i < 50; i++) t.insert(`t/${i % 5}`, makeMessage('xxxx'));
    expect(budget.entryCount).toBe(10);
    expect(budget.dropped).toBe(40);
    const kept = [0, 1, 2, 3, 4].map((i) => t.find(`t/${i}`)!.history!.length);
    expect(kept.reduce((a, b) => a + b)).toBe(10);
    // The last message of every topic is kept regardless of the history budget.
    for (let i = 0; i < 5; i++) expect(t.find(`t/${i}`)!.last).not.toBeNull();
  });

  it('refuses new topics past the cap and counts them', () => {
    const t = trie({ ...DEFAULT_LIMITS, maxTopics: 2 });
    t.insert('a', makeMessage('1'));
    t.insert('b', makeMessage('1'));
    expect(t.insert('c', makeMessage('1'))).toBeNull();
    expect(t.insert('a', makeMessage('2'))).not.toBeNull();
    expect(t.droppedTopics).toBe(1);
  });

  it('marks topics stale until a fresh message', () => {
    const t = trie();
    t.insert('a', makeMessage('1'));
    t.markAllStale();
    expect(t.find('a')!.stale).toBe(true);
    t.insert('a', makeMessage('2'));
    expect(t.find('a')!.stale).toBe(false);
  });

  it('matches a naive model under random inserts (fuzz)', () => {
    const t = trie({ ...DEFAULT_LIMITS, historyPerTopic: 4 });
    const model = new Map<string, string[]>();
    let seed = 42;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    for (let i = 0; i < 3000; i++) {
      const topic = Array.from({ length: 1 + rnd(4) }, () => ['a', 'b', '', 'c'][rnd(4)]).join('/');
      const payload = String(i);
      t.insert(topic, makeMessage(payload));
      const h = model.get(topic) ?? [];
      h.push(payload);
      model.set(topic, h.slice(-4));
    }
    expect(t.topics).toBe(model.size);
    for (const [topic, history] of model) {
      expect(t.find(topic)!.history!.map((m) => m.preview)).toEqual(history);
    }
  });
});

describe('TreeView', () => {
  function setup() {
    const t = trie();
    for (const topic of ['plant/line1/temp', 'plant/line1/pressure', 'plant/line2/temp', 'plant/line10/temp', 'other/x']) {
      t.insert(topic, makeMessage('{"v":1}'));
    }
    const view = new TreeView(() => [t]);
    return { t, view };
  }
  const names = (view: TreeView) => view.window(0, 1000, 0).map((r) => '  '.repeat(r.depth) + r.name);

  it('shows roots expanded and levels collapsed, in natural order', () => {
    const { t, view } = setup();
    view.rebuildIfNeeded(0);
    expect(names(view)).toEqual(['Plant broker', '  other', '  plant']);
    view.setExpanded(t.find('plant')!, true);
    view.rebuildIfNeeded(0);
    expect(names(view)).toEqual(['Plant broker', '  other', '  plant', '    line1', '    line2', '    line10']);
    const rows = view.window(0, 10, 0);
    expect(rows[3].parentIndex).toBe(2);
    expect(rows[2].expanded).toBe(true);
    expect(rows[2].count).toBe(4);
  });

  it('filters by text with ancestors expanded', () => {
    const { view } = setup();
    view.setFilter('line2');
    view.rebuildIfNeeded(0);
    expect(names(view)).toEqual(['Plant broker', '  plant', '    line2', '      temp']);
  });

  it('filters by MQTT filter', () => {
    const { view } = setup();
    view.setFilter('plant/+/temp');
    view.rebuildIfNeeded(0);
    expect(names(view)).toEqual([
      'Plant broker', '  plant', '    line1', '      temp', '    line2', '      temp', '    line10', '      temp',
    ]);
  });

  it('adds matching new topics while filtering', () => {
    const { t, view } = setup();
    view.setFilter('line3');
    view.rebuildIfNeeded(0);
    expect(names(view)).toEqual(['Plant broker']);
    const r = t.insert('plant/line3/temp', makeMessage('1'))!;
    view.onStructureChange(r.node, 'plant/line3/temp');
    view.rebuildIfNeeded(1);
    expect(names(view)).toEqual(['Plant broker', '  plant', '    line3', '      temp']);
  });

  it('reveals a deep node', () => {
    const { t, view } = setup();
    const idx = view.reveal(t.find('plant/line2/temp')!, 0);
    expect(view.nodeAt(idx)!.name).toBe('temp');
    expect(view.window(idx, 1, 0)[0].preview).toBe('{"v":1}');
  });
});
