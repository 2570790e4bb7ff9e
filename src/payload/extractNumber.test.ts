import { describe, expect, it } from 'vitest';
import { decodePayload } from './decodePayload';
import { extractNumber, extractValue, leafText, numericPaths, parsePath, textPaths, toNumber } from './extractNumber';

const dec = (text: string) => decodePayload(new TextEncoder().encode(text));

describe('parsePath', () => {
  it.each([
    ['', []],
    ['v', ['v']],
    ['a.b', ['a', 'b']],
    ['a.b[0].c', ['a', 'b', 0, 'c']],
    ['[2]', [2]],
    ['a[1][2]', ['a', 1, 2]],
    ['a..b', null],
    ['a.', null],
    ['a[x]', null],
    ['a[1', null],
  ])('%j → %j', (path, expected) => {
    expect(parsePath(path)).toEqual(expected);
  });
});

describe('extractNumber', () => {
  it.each([
    ['whole number payload', '21.5', '', 21.5],
    ['whole negative', '-3e2', '', -300],
    ['whole text, not numeric', 'RUNNING', '', NaN],
    ['top-level field', '{"v":71.2,"unit":"°C"}', 'v', 71.2],
    ['nested', '{"a":{"b":4}}', 'a.b', 4],
    ['array inside', '{"a":{"b":[{"c":7},{"c":8}]}}', 'a.b[1].c', 8],
    ['top-level array', '[1,2,3]', '[2]', 3],
    ['missing field', '{"v":1}', 'w', NaN],
    ['missing nested', '{"a":{}}', 'a.b.c', NaN],
    ['index out of range', '{"a":[1]}', 'a[3]', NaN],
    ['index on object', '{"a":{"0":1}}', 'a[0]', NaN],
    ['key on array', '{"a":[1]}', 'a.length', NaN],
    ['non-numeric string', '{"state":"FAULT"}', 'state', NaN],
    ['numeric string', '{"v":" 12.5 "}', 'v', 12.5],
    ['boolean true', '{"on":true}', 'on', 1],
    ['boolean false', '{"on":false}', 'on', 0],
    ['whole boolean', 'true', '', 1],
    ['null', '{"v":null}', 'v', NaN],
    ['object', '{"v":{"x":1}}', 'v', NaN],
    ['prototype key is not a field', '{"v":1}', 'constructor', NaN],
    ['malformed path', '{"v":1}', 'v..', NaN],
  ])('%s', (_name, payload, path, expected) => {
    expect(extractNumber(dec(payload), path)).toEqual(expected);
  });

  it('binary payloads give no number', () => {
    expect(extractNumber(decodePayload(new Uint8Array([0, 1, 2])), '')).toBeNaN();
  });
});

describe('toNumber and leafText', () => {
  it.each([
    [Infinity, NaN],
    ['', NaN],
    ['1e3', 1000],
    ['0x10', NaN],
    ['.5', 0.5],
  ])('toNumber(%j) = %j', (value, expected) => expect(toNumber(value)).toEqual(expected));

  it('gives a leaf as text, objects as undefined', () => {
    expect(leafText(extractValue(dec('{"s":"IDLE"}'), 's'))).toBe('IDLE');
    expect(leafText(true)).toBe('true');
    expect(leafText({})).toBeUndefined();
  });
});

describe('numericPaths', () => {
  it('finds numeric leaves, nested and in arrays, and skips text', () => {
    const paths = numericPaths(dec('{"v":1,"unit":"°C","ts":2,"ok":true,"s":"7","a":{"b":[{"c":1},{"c":2}]},"n":null}'));
    expect(paths).toEqual(['v', 'ts', 'ok', 's', 'a.b[0].c', 'a.b[1].c']);
  });

  it('is bounded', () => {
    const big = JSON.stringify(Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i])));
    expect(numericPaths(dec(big), 10)).toHaveLength(10);
    expect(numericPaths(dec(JSON.stringify({ a: Array.from({ length: 1000 }, (_, i) => i) })))).toEqual(['a[0]', 'a[1]', 'a[2]', 'a[3]']);
  });

  it('a plain number payload has the whole-payload path', () => {
    expect(numericPaths(dec('42'))).toEqual(['']);
    expect(numericPaths(dec('hello'))).toEqual([]);
  });
});

describe('textPaths', () => {
  it('finds text leaves that are not numbers', () => {
    expect(textPaths(dec('{"state":"RUNNING","ts":1,"s":"7","m":{"mode":"auto"}}'))).toEqual(['state', 'm.mode']);
    expect(textPaths(dec('IDLE'))).toEqual(['']);
    expect(textPaths(dec('12'))).toEqual([]);
  });
});
