import { describe, expect, it } from 'vitest';
import { HistoryBudget } from './HistoryBudget';
import { TrieNode } from './TrieNode';
import type { StoredMessage, TopicNode } from './types';

let ids = 0;
const node = (name: string) => new TrieNode(++ids, name, null);
/** A message of `bytes` payload bytes; HistoryBudget adds 200 bytes of overhead per entry. */
const msg = (label: string, bytes = 100) => ({ label, heldBytes: bytes, receivedAt: 1000 }) as unknown as StoredMessage;
const labels = (n: TopicNode) => (n.history ?? []).map((m) => (m as unknown as { label: string }).label);
const ENTRY = 300;

describe('HistoryBudget', () => {
  it('keeps the newest messages per topic and counts only those bytes', () => {
    const budget = new HistoryBudget(1e9);
    const a = node('a');
    for (let i = 1; i <= 5; i++) budget.push(a, msg(`a${i}`), 2);
    expect(labels(a)).toEqual(['a4', 'a5']);
    expect(budget.bytes).toBe(2 * ENTRY);
    expect(budget.entryCount).toBe(2);
    expect(budget.dropped).toBe(0);
  });

  it('over the global budget drops the oldest live message across topics, skipping ones a topic cap already evicted', () => {
    const budget = new HistoryBudget(4 * ENTRY);
    const a = node('a');
    const b = node('b');
    // a's first three are evicted by its own cap of 2: their queue entries are dead.
    for (let i = 1; i <= 5; i++) budget.push(a, msg(`a${i}`), 2);
    budget.push(b, msg('b1'), 10);
    budget.push(b, msg('b2'), 10);
    expect(budget.dropped).toBe(0);
    // Over budget: the oldest live message overall is a4, not the dead a1–a3.
    budget.push(b, msg('b3'), 10);
    expect(labels(a)).toEqual(['a5']);
    expect(labels(b)).toEqual(['b1', 'b2', 'b3']);
    expect(budget.dropped).toBe(1);
    budget.push(b, msg('b4'), 10);
    expect(labels(a)).toEqual([]);
    expect(labels(b)).toEqual(['b1', 'b2', 'b3', 'b4']);
    expect(budget.bytes).toBe(4 * ENTRY);
  });

  it('a topic whose history was released (shed) and resumes is not confused with its old entries', () => {
    const budget = new HistoryBudget(3 * ENTRY);
    const a = node('a');
    const b = node('b');
    budget.push(a, msg('a1'), 10);
    budget.push(a, msg('a2'), 10);
    budget.release(a);
    expect(budget.bytes).toBe(0);
    budget.push(a, msg('a3'), 10);
    budget.push(b, msg('b1'), 10);
    budget.push(b, msg('b2'), 10);
    // Over budget: a1 and a2 are gone already, so a3 is the one to drop.
    budget.push(b, msg('b3'), 10);
    expect(labels(a)).toEqual([]);
    expect(labels(b)).toEqual(['b1', 'b2', 'b3']);
    expect(budget.dropped).toBe(1);
  });

  it('stays correct across queue compactions under a long run of per-topic evictions', () => {
    const budget = new HistoryBudget(50 * ENTRY);
    const topics = Array.from({ length: 10 }, (_, i) => node(`t${i}`));
    for (let i = 0; i < 20_000; i++) budget.push(topics[i % 10], msg(`m${i}`), 3);
    expect(budget.entryCount).toBe(30);
    expect(budget.bytes).toBe(30 * ENTRY);
    expect(labels(topics[9])).toEqual(['m19979', 'm19989', 'm19999']);
  });
});

describe('HistoryBudget, emptied histories', () => {
  it('a topic whose entries the budget dropped shows no history, then a fresh one with its next message', () => {
    const budget = new HistoryBudget(2 * ENTRY);
    const a = node('a');
    const b = node('b');
    const c = node('c');
    budget.push(a, msg('a1'), 20);
    budget.push(b, msg('b1'), 20);
    budget.push(c, msg('c1'), 20);
    expect(labels(a)).toEqual([]);
    budget.push(b, msg('b2'), 20);
    expect(labels(b)).toEqual(['b2']);
    budget.push(a, msg('a2'), 20);
    expect(labels(a)).toEqual(['a2']);
    // Emptied histories share nothing: a's new message went into a alone.
    expect(labels(b)).toEqual(['b2']);
    expect(labels(c)).toEqual([]);
    expect(budget.entryCount).toBe(2);
    expect(budget.dropped).toBe(3);
  });
});
