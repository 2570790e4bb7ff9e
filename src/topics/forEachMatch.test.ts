import { describe, expect, it } from 'vitest';
import { makeMessage } from '../testing/makeMessage';
import { forEachMatch } from './forEachMatch';
import { HistoryBudget } from './HistoryBudget';
import { compileFilter, isValidFilter, isWildcardFilter } from './mqttFilter';
import { NodeRegistry, TopicTrie, topicOf, walk } from './TopicTrie';
import { DEFAULT_LIMITS } from './defaultLimits';
import type { TopicNode } from './types';

function trieOf(topics: readonly string[]): TopicTrie {
  const trie = new TopicTrie(new NodeRegistry(), 'root', new HistoryBudget(DEFAULT_LIMITS.historyBytes));
  for (const t of topics) trie.insert(t, makeMessage('1'));
  return trie;
}

const matches = (trie: TopicTrie, text: string) => {
  const out: string[] = [];
  forEachMatch(trie, text, (n) => out.push(topicOf(n)));
  return out.sort();
};

/** The plain definition: build every topic, then test it. */
function naive(trie: TopicTrie, text: string): string[] {
  const m = isWildcardFilter(text) && isValidFilter(text) ? compileFilter(text) : (t: string) => t.toLowerCase().includes(text.toLowerCase());
  const out: string[] = [];
  walk(trie.root, (n: TopicNode) => {
    if (n.parent && n.count > 0 && m(topicOf(n))) out.push(topicOf(n));
  });
  return out.sort();
}

describe('forEachMatch', () => {
  const trie = trieOf(['plant/line1/temp', 'plant/line1', 'plant/Line2/TEMP', 'plant/line10/temp', '$SYS/broker/load', 'a//b', '/lead', 'Σίσυφος/ΣΟΦΟΣ', 'x/y/z']);
  it.each([
    ['line1', ['plant/line1', 'plant/line1/temp', 'plant/line10/temp']],
    ['LINE2/t', ['plant/Line2/TEMP']],
    ['e1/', ['plant/line1/temp']],
    ['plant/+/temp', ['plant/line1/temp', 'plant/line10/temp']],
    ['plant/#', ['plant/Line2/TEMP', 'plant/line1', 'plant/line1/temp', 'plant/line10/temp']],
    ['plant/line1/#', ['plant/line1', 'plant/line1/temp']],
    ['#', ['/lead', 'a//b', 'plant/Line2/TEMP', 'plant/line1', 'plant/line1/temp', 'plant/line10/temp', 'x/y/z', 'Σίσυφος/ΣΟΦΟΣ'].sort()],
    ['$SYS/#', ['$SYS/broker/load']],
    ['a/+/b', ['a//b']],
    ['+/lead', ['/lead']],
    ['σοφος', ['Σίσυφος/ΣΟΦΟΣ']],
    ['nothing', []],
  ])('%s', (text, expected) => {
    expect(matches(trie, text)).toEqual(expected);
    expect(naive(trie, text)).toEqual(expected);
  });

  it('agrees with building every topic string (fuzz)', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const names = ['a', 'B', 'ab', 'Ab', '', '$x', 'é', 'ba', 'aba', 'Σ', 'ΑΣ', 'AB', 'bAb'];
    for (let round = 0; round < 40; round++) {
      const topics = Array.from({ length: 60 }, () => Array.from({ length: 1 + rnd(4) }, () => names[rnd(names.length)]).join('/'));
      const t = trieOf(topics);
      const texts = [
        'a', 'ab', 'b/a', '/', 'A/B', 'é', 'aba', '+', '#', '+/#', 'a/+', '+/+/b', 'ab/#', '$x/#', 'a/b/', 'σ', 'ς/', 'ας/a',
        '//', '/a', 'a/', 'b/ab/a', 'a//b', 'b/a/b/a', '/b/', 'x', 'Ab/+', 'AB/#', 'a/b/+', '+/+', 'bab/ab',
      ];
      for (const text of texts) expect(matches(t, text), `${text} in ${topics.join(' ')}`).toEqual(naive(t, text));
    }
  });
});
