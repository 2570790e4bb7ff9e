import { describe, expect, it } from 'vitest';
import { HistoryBudget, NodeRegistry, TopicTrie, DEFAULT_LIMITS } from '../topics';
import { makeMessage } from '../testing/makeMessage';
import { TopicBrowser } from './TopicBrowser';

function setup() {
  const registry = new NodeRegistry();
  const trie = new TopicTrie(registry, 'Plant', new HistoryBudget(1 << 20), DEFAULT_LIMITS);
  const browser = new TopicBrowser(() => [trie], () => ({ connectionId: 'plant', trie }));
  browser.setWindow(0, 50);
  const insert = (topic: string, payload: string, at = 0) => {
    const r = trie.insert(topic, makeMessage(payload, { at }))!;
    browser.onMessage(r.node, topic, r.createdLevels || r.isNewTopic);
    return r.node;
  };
  let asked = 0;
  const later = () => asked++;
  return { trie, browser, insert, later, asked: () => asked };
}

describe('TopicBrowser', () => {
  it('sends the window at once after a user action, values at most every 250 ms', () => {
    const { browser, insert, later, asked } = setup();
    const first = browser.snapshot(1000, later);
    expect(first?.rows.map((r) => r.name)).toEqual(['Plant']);
    insert('a/b', '1');
    expect(browser.snapshot(1100, later)).toBeUndefined();
    expect(asked()).toBe(1);
    expect(browser.snapshot(1250, later)?.total).toBe(2);
    browser.setFilter('zzz');
    expect(browser.snapshot(1260, later)).toBeDefined();
  });

  it('reveals a topic: expands the way, selects it and names the row to focus', () => {
    const { browser, insert, later } = setup();
    const node = insert('plant/line1/temp', '{"v":1,"w":"x"}');
    browser.reveal(node, 0);
    const snap = browser.snapshot(1000, later)!;
    expect(snap.rows.map((r) => r.name)).toEqual(['Plant', 'plant', 'line1', 'temp']);
    expect(snap.revealIndex).toBe(3);
    expect(browser.snapshot(2000, later)).toBeUndefined();
    expect(browser.selected).toBe(node);
  });

  it('sends the detail of the selection at most every 200 ms, with the numeric paths of each message', () => {
    const { browser, insert, later, asked } = setup();
    const node = insert('t', '{"v":1,"s":"on","o":{"x":2}}');
    browser.select(node);
    const d = browser.detail(1000, later)!;
    expect(d).toMatchObject({ connectionId: 'plant', topic: 't', count: 1 });
    expect(d.last?.numericPaths).toEqual(['v', 'o.x']);
    insert('t', '42');
    expect(browser.detail(1100, later)).toBeUndefined();
    expect(asked()).toBe(1);
    const next = browser.detail(1200, later)!;
    expect(next.history.map((m) => m.numericPaths)).toEqual([['v', 'o.x'], ['']]);
    expect(browser.detail(5000, later)).toBeUndefined();
    browser.select(null);
    expect(browser.detail(5000, later)).toBeNull();
  });

  it('leaves binary payloads without numeric paths', () => {
    const { browser, insert, later } = setup();
    browser.select(insert('bin', '\u0000\u0001\u0002\u00ff'));
    expect(browser.detail(1000, later)?.last?.numericPaths).toEqual([]);
  });
});
