import { expect, it } from 'vitest';
import { buildProperties, EMPTY_PROPERTIES } from './propertiesDraft';

it('builds nothing from empty fields', () => {
  expect(buildProperties(EMPTY_PROPERTIES, 10_000)).toEqual({ ok: true, properties: undefined, replyTimeoutMs: undefined });
});

it('builds every property and the reply timeout', () => {
  const r = buildProperties(
    { userProperties: 'site=1\nby=op\nby=lead', contentType: 'application/json', payloadFormatIndicator: true, expiry: '30', responseTopic: 'r/1', correlation: 'abc', replyTimeout: '2.5' },
    10_000,
  );
  expect(r).toEqual({
    ok: true,
    properties: {
      userProperties: { site: '1', by: ['op', 'lead'] }, contentType: 'application/json', payloadFormatIndicator: true, messageExpiryInterval: 30,
      responseTopic: 'r/1', correlationData: new TextEncoder().encode('abc'),
    },
    replyTimeoutMs: 2500,
  });
  expect(buildProperties({ ...EMPTY_PROPERTIES, responseTopic: 'r/1' }, 10_000)).toMatchObject({ replyTimeoutMs: 10_000 });
});

it.each([
  [{ userProperties: 'novalue' }, /user properties line 1: expected name=value/],
  [{ expiry: '1.5' }, /message expiry must be whole seconds/],
  [{ expiry: '-1' }, /message expiry/],
  [{ responseTopic: 'r/#' }, /response topic must not contain/],
  [{ responseTopic: 'r', replyTimeout: '0' }, /reply timeout/],
])('refuses %j', (fields, error) => {
  const r = buildProperties({ ...EMPTY_PROPERTIES, ...fields }, 10_000);
  expect(!r.ok && r.error).toMatch(error);
});
