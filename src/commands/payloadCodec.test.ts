import { describe, expect, it } from 'vitest';
import { convertPayloadText, decodePayload, encodePayload, formatJson, summarizePayload, type PayloadEncoding } from './payloadCodec';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('modes', () => {
  it('JSON mode refuses invalid JSON and says where', () => {
    const r = encodePayload('{"a":1,}', 'json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^not valid JSON: .*position/);
    expect(encodePayload('{"a":1}', 'json').ok).toBe(true);
    expect(encodePayload('', 'json').ok).toBe(false);
  });

  it('formats JSON', () => {
    expect(formatJson('{"a":[1,2]}')).toEqual({ ok: true, value: '{\n  "a": [\n    1,\n    2\n  ]\n}' });
  });

  it.each<[string, PayloadEncoding, PayloadEncoding, string]>([
    ['hi', 'text', 'hex', '68 69'],
    ['68 69', 'hex', 'text', 'hi'],
    ['hi', 'text', 'base64', 'aGk='],
    ['aGk=', 'base64', 'hex', '68 69'],
    ['{"a":1}', 'text', 'json', '{"a":1}'],
    ['{"a":1}', 'hex', 'hex', '{"a":1}'],
    ['7b 22 61 22 3a 31 7d', 'hex', 'json', '{\n  "a": 1\n}'],
    ['°C', 'text', 'hex', 'c2 b0 43'],
  ])('%j from %s to %s', (text, from, to, expected) => {
    expect(convertPayloadText(text, from, to)).toEqual({ ok: true, value: expected });
  });

  it('keeps binary out of text mode', () => {
    const r = convertPayloadText('ff fe', 'hex', 'text');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/not valid UTF-8/);
    expect(decodePayload(bytes(0xff), 'base64')).toEqual({ ok: true, value: '/w==' });
  });

  it('summarizes text and binary payloads', () => {
    expect(summarizePayload(new TextEncoder().encode('{"value":\n 42}'))).toBe('{"value": 42}');
    expect(summarizePayload(bytes())).toBe('(empty)');
    expect(summarizePayload(bytes(0xff, 0x00))).toBe('hex ff 00');
    expect(summarizePayload(new TextEncoder().encode('x'.repeat(300)), 10)).toBe('xxxxxxxxxx…');
  });
});
