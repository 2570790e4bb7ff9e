import { describe, expect, it } from 'vitest';
import { holdOrder } from './holdOrder';

const key = (r: { k: string }) => r.k;
const rows = (...ks: string[]) => ks.map((k) => ({ k }));

describe('holdOrder', () => {
  it.each([
    ['keeps the held order when rows re-sort', rows('a', 'b', 'c'), ['c', 'b', 'a'], ['c', 'b', 'a']],
    ['drops rows that are gone', rows('a', 'c'), ['c', 'b', 'a'], ['c', 'a']],
    ['appends new rows at the end, in their own order', rows('d', 'a', 'e'), ['a'], ['a', 'd', 'e']],
    ['is the input order when nothing is held', rows('b', 'a'), [], ['b', 'a']],
  ])('%s', (_, input, held, expected) => {
    expect(holdOrder(input, held, key).map(key)).toEqual(expected);
  });
});
