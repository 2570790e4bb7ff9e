import { describe, expect, it } from 'vitest';
import { PROPERTY_FIELD_NAMES } from './PropertiesFields';
import { buildProperties, EMPTY_PROPERTIES, propertyFieldsFrom } from './propertiesDraft';

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

describe('propertyFieldsFrom', () => {
  it('shows stored properties as the fields, and builds them back', () => {
    const fields = propertyFieldsFrom(
      { userProperties: { site: '1', by: ['op', 'lead'] }, contentType: 'application/json', payloadFormatIndicator: true, messageExpiryInterval: 30, responseTopic: 'r/1' },
      2500,
    );
    expect(fields).toEqual({ userProperties: 'site=1\nby=op\nby=lead', contentType: 'application/json', payloadFormatIndicator: true, expiry: '30', responseTopic: 'r/1', replyTimeout: '2.5' });
    expect(buildProperties({ ...fields, correlation: '' }, 10_000)).toEqual({
      ok: true,
      properties: { userProperties: { site: '1', by: ['op', 'lead'] }, contentType: 'application/json', payloadFormatIndicator: true, messageExpiryInterval: 30, responseTopic: 'r/1' },
      replyTimeoutMs: 2500,
    });
  });

  it('leaves every field empty without properties', () => {
    expect({ ...propertyFieldsFrom(), correlation: '' }).toEqual(EMPTY_PROPERTIES);
  });
});

describe('PropertiesFields names', () => {
  it('keeps the contract names of both forms', () => {
    expect(Object.values(PROPERTY_FIELD_NAMES.publish)).toEqual([
      'MQTT 5 properties', 'User properties', 'Content type', 'Message expiry (s)', 'Response topic', 'Correlation data', 'Wait for reply (s)', 'Payload format indicator',
    ]);
    expect(Object.values(PROPERTY_FIELD_NAMES.template)).toEqual([
      'MQTT 5 properties and reply', 'Template user properties', 'Template content type', 'Template message expiry (s)', 'Template response topic', null,
      'Template reply timeout (s)', 'Template payload format indicator',
    ]);
  });
});
