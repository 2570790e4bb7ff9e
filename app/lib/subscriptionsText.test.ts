import { expect, it } from 'vitest';
import { formatSubscriptions, parseSubscriptions } from './subscriptionsText';

it('round-trips', () => {
  const subs = [{ topic: 'plant/#', qos: 1 as const }, { topic: '$SYS/#', qos: 0 as const }];
  expect(parseSubscriptions(formatSubscriptions(subs))).toEqual({ ok: true, value: subs });
});
it('defaults QoS to 0 and rejects bad filters', () => {
  expect(parseSubscriptions('a/+')).toEqual({ ok: true, value: [{ topic: 'a/+', qos: 0 }] });
  expect(parseSubscriptions('a/#/b 1')).toMatchObject({ ok: false });
  expect(parseSubscriptions('  ')).toMatchObject({ ok: false });
});
