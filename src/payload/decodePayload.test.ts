import { describe, expect, it } from 'vitest';
import { decodePayload, previewPayload } from './decodePayload';
import { renderPayload } from './payloadViews';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodePayload', () => {
  it.each([
    ['{"v":1}', 'json'],
    ['[1,2]', 'json'],
    ['42.5', 'json'],
    ['true', 'json'],
    ['hello world', 'text'],
    ['{"v": 1,', 'text'],
    ['<script>alert(1)</script>', 'text'],
    ['', 'empty'],
  ])('%s is %s', (payload, kind) => {
    expect(decodePayload(enc(payload)).kind).toBe(kind);
  });

  it('treats invalid UTF-8 and control bytes as binary', () => {
    expect(decodePayload(new Uint8Array([0xff, 0xfe, 0x00])).kind).toBe('binary');
    expect(decodePayload(new Uint8Array([0x01, 0x02, 0x41])).kind).toBe('binary');
  });

  it('parses JSON once and returns the value', () => {
    expect(decodePayload(enc('{"a":{"b":[1,{"c":2}]}}')).json).toEqual({ a: { b: [1, { c: 2 }] } });
  });

  it('survives JSON nested 10 000 deep', () => {
    const deep = '['.repeat(10000) + ']'.repeat(10000);
    const d = decodePayload(enc(deep));
    expect(['json', 'text']).toContain(d.kind);
  });
});

describe('previewPayload', () => {
  it('is one line and bounded', () => {
    const bytes = enc(JSON.stringify({ long: 'x'.repeat(500) }, null, 2));
    const p = previewPayload(bytes, decodePayload(bytes));
    expect(p).not.toContain('\n');
    expect(p.length).toBeLessThanOrEqual(80);
  });
  it('shows binary as hex', () => {
    const bytes = new Uint8Array([0xde, 0xad, 0xbe, 0xef]);
    expect(previewPayload(bytes, decodePayload(bytes))).toBe('de ad be ef');
  });
});

describe('renderPayload', () => {
  const bytes = enc('{"v":1}');
  it.each([
    ['json', '{\n  "v": 1\n}'],
    ['text', '{"v":1}'],
    ['hex', '00000000  7b 22 76 22 3a 31 7d'],
    ['base64', 'eyJ2IjoxfQ=='],
  ] as const)('%s view', (view, expected) => {
    expect(renderPayload(bytes, view)).toBe(expected);
  });
  it('falls back to text for malformed JSON', () => {
    expect(renderPayload(enc('{"v":'), 'json')).toBe('{"v":');
  });
});
