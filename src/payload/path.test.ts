import { describe, expect, it } from 'vitest';
import { numberOrUndefined as toNumber } from './extractNumber';
import { compilePath, resolvePath } from './path';

const payload = { v: 71.2, a: { b: [{ c: 5 }, { c: '6.5' }], flag: true }, 'x-y': 3, n: null };

describe('compilePath / resolvePath', () => {
  it.each([
    ['', payload],
    ['v', 71.2],
    ['a.b[0].c', 5],
    ['a.b[1].c', '6.5'],
    ['a.flag', true],
    ['x-y', 3],
    ['n', null],
    ['missing', undefined],
    ['v.w', undefined],
    ['a.b[5].c', undefined],
    ['a[0]', undefined],
    ['constructor', undefined],
  ])('%j → %j', (path, expected) => {
    const compiled = compilePath(path);
    if ('error' in compiled) throw new Error(compiled.error);
    expect(resolvePath(payload, compiled)).toEqual(expected);
  });

  it('reads from a top-level array', () => {
    expect(resolvePath([1, [2, 3]], compilePath('[1][0]') as never)).toBe(2);
  });

  it.each(['a.', 'a..b', 'a[', 'a[x]', '.a'])('rejects %j', (path) => {
    expect(compilePath(path)).toHaveProperty('error');
  });

  it.each([
    [3, 3], ['71.5', 71.5], [true, 1], [false, 0], ['', undefined], ['abc', undefined], [null, undefined], [{}, undefined], [NaN, undefined],
  ])('toNumber(%j) = %j', (v, n) => {
    expect(toNumber(v)).toBe(n);
  });
});
