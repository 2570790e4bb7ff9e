import { describe, expect, it } from 'vitest';
import { isValidFilter, isValidTopicName, matchesFilter } from './mqttFilter';

describe('matchesFilter', () => {
  it.each([
    ['a/b/c', 'a/b/c', true],
    ['a/b/c', 'a/b', false],
    ['a/+/c', 'a/b/c', true],
    ['a/+/c', 'a/b/d', false],
    ['a/+/c', 'a/b/c/d', false],
    ['a/+', 'a/', true],
    ['+/+', '/x', true],
    ['a/#', 'a', true],
    ['a/#', 'a/b/c', true],
    ['a/#', 'ab', false],
    ['#', 'anything/at/all', true],
    ['+', 'a', true],
    ['+', 'a/b', false],
    ['a//b', 'a//b', true],
    ['a/+/b', 'a//b', true],
    ['plant/+/temp', 'plant/line1/temp', true],
    ['plant/+/temp', 'plant/line1/pressure', false],
  ])('%s matches %s: %s', (filter, topic, expected) => {
    expect(matchesFilter(filter, topic)).toBe(expected);
  });

  it.each([
    ['#', '$SYS/broker/uptime', false],
    ['+/broker/uptime', '$SYS/broker/uptime', false],
    ['$SYS/#', '$SYS/broker/uptime', true],
    ['$SYS/+/uptime', '$SYS/broker/uptime', true],
  ])('$-topics: %s vs %s → %s', (filter, topic, expected) => {
    expect(matchesFilter(filter, topic)).toBe(expected);
  });
});

describe('validity', () => {
  it.each([
    ['a/#', true], ['#', true], ['a/+/b', true], ['a#', false], ['a/#/b', false], ['a+/b', false], ['', false],
  ])('filter %s valid: %s', (f, ok) => expect(isValidFilter(f)).toBe(ok));
  it.each([['a/b', true], ['a/+', false], ['a/#', false], ['', false]])('topic %s valid: %s', (t, ok) =>
    expect(isValidTopicName(t)).toBe(ok));
});
