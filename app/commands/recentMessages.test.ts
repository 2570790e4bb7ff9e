import { expect, it } from 'vitest';
import { addRecent, MAX_RECENT, type RecentMessage } from './recentMessages';

const m = (topic: string, payload = 'x'): RecentMessage => ({ topic, payload, encoding: 'text', qos: 1, retain: false, at: 0 });

it('keeps the newest first, once each, and at most MAX_RECENT', () => {
  let items: RecentMessage[] = [];
  items = addRecent(items, m('a'));
  items = addRecent(items, m('b'));
  items = addRecent(items, m('a'));
  expect(items.map((x) => x.topic)).toEqual(['a', 'b']);
  for (let i = 0; i < 30; i++) items = addRecent(items, m(`t${i}`));
  expect(items).toHaveLength(MAX_RECENT);
  expect(items[0].topic).toBe('t29');
});
