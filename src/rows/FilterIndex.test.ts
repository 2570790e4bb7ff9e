import { describe, expect, it } from 'vitest';
import { matchesFilter } from '../topics';
import { FilterIndex } from './FilterIndex';
import { wildcardKey } from './wildcardKey';

const FILTERS = ['a/b', 'a/+', '+/b', '#', 'a/#', '+/+/c', '$SYS/#', '+', 'a/+/#', 'x'];
const TOPICS = ['a/b', 'a', 'a/c', 'x/b', 'a/b/c', 'q/r/c', '$SYS/x', '$SYS', 'x', 'a/b/c/d', ''];

describe('FilterIndex', () => {
  it.each(TOPICS)('matches %j exactly as MQTT matching does', (topic) => {
    const index = new FilterIndex<string>();
    for (const f of FILTERS) index.add(f, f);
    const got: string[] = [];
    index.match(topic, (f) => got.push(f));
    expect(got.sort()).toEqual(FILTERS.filter((f) => matchesFilter(f, topic)).sort());
  });

  it('forgets removed entries, including a filter shared by two entries', () => {
    const index = new FilterIndex<number>();
    index.add('a/+', 1);
    index.add('a/+', 2);
    index.add('a/b', 3);
    index.remove('a/+', 1);
    index.remove('a/b', 3);
    const got: number[] = [];
    index.match('a/b', (n) => got.push(n));
    expect(got).toEqual([2]);
    expect(index.size).toBe(1);
  });
});

describe('wildcardKey', () => {
  it.each([
    ['fleet/+/gps', 'fleet/truck-07/gps', 'truck-07'],
    ['site/+/+/power', 'site/north/m1/power', 'north/m1'],
    ['fleet/#', 'fleet/t1/gps', 't1/gps'],
    ['fleet/#', 'fleet', 'fleet'],
    ['a/b', 'a/b', 'a/b'],
  ])('%s on %s is %j', (filter, topic, key) => {
    expect(wildcardKey(filter.split('/'), topic)).toBe(key);
  });
});
