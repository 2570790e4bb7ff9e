import { describe, expect, it } from 'vitest';
import { matchesFilter } from '../topics';
import { compileRule, type CompiledRule } from './compileRule';
import { RuleIndex } from './RuleIndex';

const rule = (id: string, topic: string): CompiledRule => {
  const r = compileRule({ id, topic, condition: 'above', setpoint: 1 });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.rule;
};

describe('RuleIndex', () => {
  const filters = ['a/b/c', 'a/+/c', 'a/#', '#', '+/b/+', 'a/b/c/#', '+', 'x/y', '$SYS/#', '+/+/+', 'a/+', 'a/b/+/d'];
  const rules = filters.map((f, i) => rule(`r${i}`, f));
  const index = new RuleIndex(rules);
  const topics = ['a/b/c', 'a', 'a/b', 'a/x/c', 'q/b/z', 'x/y', '$SYS/broker/uptime', 'a/b/c/d', 'a/b/q/d', 'z', '', 'a//c'];

  it.each(topics)('matches %j exactly like MQTT filter matching', (topic) => {
    const expected = rules.filter((r) => matchesFilter(r.topic, topic)).map((r) => r.id).sort();
    expect(index.match(topic).map((r) => r.id).sort()).toEqual(expected);
  });

  it('agrees with naive matching on random topics and filters', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const words = ['a', 'b', 'c', '$x', ''];
    const many: CompiledRule[] = [];
    for (let i = 0; i < 300; i++) {
      const levels = Array.from({ length: 1 + rnd(4) }, () => ['+', ...words][rnd(6)]);
      if (rnd(4) === 0) levels.push('#');
      many.push(rule(`m${i}`, levels.join('/')));
    }
    const idx = new RuleIndex(many);
    for (let i = 0; i < 500; i++) {
      const topic = Array.from({ length: 1 + rnd(5) }, () => words[rnd(words.length)]).join('/');
      const expected = many.filter((r) => matchesFilter(r.topic, topic)).map((r) => r.id).sort();
      expect(idx.match(topic).map((r) => r.id).sort(), topic).toEqual(expected);
    }
  });
});
