import { describe, expect, it } from 'vitest';
import { ingestMessage } from './ingest';

const enc = (s: string) => new TextEncoder().encode(s);

describe('ingestMessage (compact kept message, issue 17)', () => {
  it('gives back QoS, retain, kind, time, size and properties as received', () => {
    const at = 1_764_892_800_123;
    for (const qos of [0, 1, 2] as const) {
      for (const retain of [false, true]) {
        const { stored } = ingestMessage(enc('{"v":1}'), qos, retain, { contentType: 'application/json' }, at + qos, 1024);
        expect([stored.qos, stored.retain, stored.kind, stored.receivedAt, stored.size]).toEqual([qos, retain, 'json', at + qos, 7]);
        expect(stored.properties).toEqual({ contentType: 'application/json' });
      }
    }
    const bin = ingestMessage(new Uint8Array([0, 255, 1]), 1, false, undefined, at + 40 * 86_400_000, 1024).stored;
    expect([bin.kind, bin.receivedAt, bin.properties, [...bin.payload]]).toEqual(['binary', at + 40 * 86_400_000, undefined, [0, 255, 1]]);
    expect(ingestMessage(new Uint8Array(0), 0, true, undefined, at, 1024).stored.kind).toBe('empty');
    expect(ingestMessage(enc('hello'), 0, false, undefined, at, 1024).stored.kind).toBe('text');
  });
});
