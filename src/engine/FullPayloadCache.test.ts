import { describe, expect, it } from 'vitest';
import { FullPayloadCache } from './FullPayloadCache';

const bytes = (n: number, fill = 1) => new Uint8Array(n).fill(fill);

describe('FullPayloadCache', () => {
  it('keeps a copy per topic and replaces it with the next big payload', () => {
    const c = new FullPayloadCache(100);
    const src = bytes(40);
    c.keep(1, src, 10);
    src.fill(9);
    expect(c.get(1)?.bytes[0]).toBe(1);
    c.keep(1, bytes(30, 2), 20);
    expect(c.get(1)).toMatchObject({ receivedAt: 20 });
    expect(c.bytes).toBe(30);
  });

  it('drops the oldest over budget and counts it; a payload above the budget is not kept', () => {
    const c = new FullPayloadCache(100);
    c.keep(1, bytes(40), 1);
    c.keep(2, bytes(40), 2);
    c.keep(3, bytes(40), 3);
    expect(c.get(1)).toBeUndefined();
    expect(c.get(2)).toBeDefined();
    expect(c.evicted).toBe(1);
    c.keep(4, bytes(101), 4);
    expect(c.get(4)).toBeUndefined();
    expect(c.evicted).toBe(2);
    expect(c.bytes).toBe(80);
    c.forget(2);
    expect(c.bytes).toBe(40);
  });
});
