import { describe, expect, it } from 'vitest';
import { makeMessage } from '../testing/makeMessage';
import { HistoryBudget } from './HistoryBudget';
import { compileFilter, isValidFilter, isWildcardFilter } from './mqttFilter';
import { NodeRegistry, sortedChildren, TopicTrie, topicOf } from './TopicTrie';
import { TreeView } from './TreeView';
import { DEFAULT_LIMITS } from './defaultLimits';
import type { TopicNode } from './types';

function setup(topics: readonly string[]) {
  const t = new TopicTrie(new NodeRegistry(), 'Broker', new HistoryBudget(DEFAULT_LIMITS.historyBytes));
  const view = new TreeView(() => [t]);
  const add = (topic: string) => {
    const r = t.insert(topic, makeMessage('1'))!;
    if (r.createdLevels || r.isNewTopic) view.onStructureChange(r.node, topic);
  };
  for (const topic of topics) add(topic);
  return { t, view, add };
}

const paths = (view: TreeView) => {
  const out: string[] = [];
  for (let i = 0; i < view.rowCount; i++) out.push(topicOf(view.nodeAt(i)!));
  return out;
};

/** The filtered tree by definition: matching topics and their ancestors, in display order. */
function expected(t: TopicTrie, text: string): string[] {
  const m = isWildcardFilter(text) && isValidFilter(text) ? compileFilter(text) : (s: string) => s.toLowerCase().includes(text.toLowerCase());
  const out: string[] = [];
  const visit = (n: TopicNode): boolean => {
    const index = out.length;
    out.push(topicOf(n));
    let keep = n.parent === null || (n.count > 0 && m(topicOf(n)));
    for (const c of sortedChildren(n)) keep = visit(c) || keep;
    if (!keep) out.length = index;
    return keep;
  };
  visit(t.root);
  return out;
}

/** bench-like topics: site/a<i>/b<j>/c<k>. */
const benchTopics = (n: number) => Array.from({ length: n }, (_, i) => `bench/a${Math.floor(i / 100)}/b${Math.floor(i / 10) % 10}/c${i % 10}`);

describe('TreeView filter', () => {
  it.each(['c4', 'a7/b3', 'A1/B', '3/b', 'b2/c', 'bench/a5/+/c7', 'bench/a1/#', '+/+/b3/#', 'no-such-topic', '/', 'ch/a1/b'])(
    '"%s" shows matching topics and their ancestors, expanded and sorted',
    (text) => {
      const { t, view } = setup(benchTopics(1000));
      view.setFilter(text);
      view.rebuildIfNeeded(0);
      expect(paths(view)).toEqual(expected(t, text));
      for (const row of view.window(0, view.rowCount, 0)) expect(row.expanded).toBe(row.hasChildren);
    },
  );

  it.each(['c4', 'a7/b', 'bench/+/b1/c1', 'new'])('"%s": topics arriving while filtering appear when they match', (text) => {
    const { t, view, add } = setup(benchTopics(300));
    view.setFilter(text);
    view.rebuildIfNeeded(0);
    for (const topic of ['bench/a7/b1/c4', 'bench/a7/b9/c44', 'bench/a70/b1/c1', 'new/a7/b1/c1', 'bench/a1/b1/c1/new', 'x/NEW']) add(topic);
    view.rebuildIfNeeded(1);
    expect(paths(view)).toEqual(expected(t, text));
  });

  it('keeps a row collapsed by the user while filtering, and expands again on a new filter', () => {
    const { t, view } = setup(benchTopics(100));
    view.setFilter('c1');
    view.setExpanded(t.find('bench/a0/b1')!, false);
    view.rebuildIfNeeded(0);
    expect(paths(view)).not.toContain('bench/a0/b1/c1');
    expect(paths(view)).toContain('bench/a0/b1');
    view.setFilter('c');
    view.rebuildIfNeeded(1);
    expect(paths(view)).toContain('bench/a0/b1/c1');
  });

  it('returns to the unfiltered tree when the filter is cleared', () => {
    const { view } = setup(benchTopics(100));
    view.setFilter('a0/b');
    view.rebuildIfNeeded(0);
    view.setFilter('');
    view.rebuildIfNeeded(1);
    expect(paths(view)).toEqual(['', 'bench']);
  });
});
