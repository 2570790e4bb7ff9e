import { describe, expect, it } from 'vitest';
import { fromBase64, fromHex, toBase64, toHex } from './hexBase64';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('hex', () => {
  it.each([
    ['0aff10', [0x0a, 0xff, 0x10]],
    ['0a ff 10', [0x0a, 0xff, 0x10]],
    ['0x0A 0xFF\n0x10', [0x0a, 0xff, 0x10]],
    ['0a:ff:10', [0x0a, 0xff, 0x10]],
    ['', []],
  ])('fromHex(%j)', (text, expected) => {
    expect(fromHex(text)).toEqual({ ok: true, value: bytes(...expected) });
  });

  it.each([
    ['abc', /odd number/],
    ['zz', /"z" is not a hex digit/],
  ])('fromHex(%j) fails', (text, error) => {
    const r = fromHex(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });

  it.each([
    [bytes(1, 2, 255), {}, '01 02 ff'],
    [bytes(1, 2, 255), { separator: '' }, '0102ff'],
    [bytes(), {}, ''],
    [bytes(0, 1, 2), { bytesPerLine: 2 }, '00 01\n02'],
  ])('toHex(%j, %j)', (input, options, expected) => {
    expect(toHex(input, options)).toBe(expected);
  });

  it('writes 16 bytes a line when asked', () => {
    expect(toHex(new Uint8Array(17), { bytesPerLine: 16 }).split('\n')).toHaveLength(2);
  });
});

describe('base64', () => {
  it.each([
    ['aGVsbG8=', 'hello'],
    ['aGVsbG8', 'hello'],
    ['aGVs\nbG8=', 'hello'],
    ['_-8', '\xff\xef'],
  ])('fromBase64(%j)', (text, expected) => {
    const r = fromBase64(text);
    expect(r.ok && Array.from(r.value)).toEqual(Array.from(expected, (c) => c.charCodeAt(0)));
  });

  it.each(['a$b=', 'abcde'])('refuses %j', (text) => {
    expect(fromBase64(text).ok).toBe(false);
  });

  it('writes standard base64, also past the argument limit of String.fromCharCode', () => {
    expect(toBase64(new TextEncoder().encode('hello'))).toBe('aGVsbG8=');
    const big = new Uint8Array(200_000).fill(0xfb);
    const back = fromBase64(toBase64(big));
    expect(back.ok && back.value.length).toBe(200_000);
  });
});

it('round-trips every byte value', () => {
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  const b64 = fromBase64(toBase64(all));
  const hex = fromHex(toHex(all, { bytesPerLine: 16 }));
  expect(b64.ok && Array.from(b64.value)).toEqual(Array.from(all));
  expect(hex.ok && Array.from(hex.value)).toEqual(Array.from(all));
});
