import { describe, expect, it } from 'vitest';
import { makeNaturalCompare, naturalCompare } from './naturalCompare';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const sign = (n: number) => Math.sign(n);

describe('naturalCompare', () => {
  it.each([
    ['line2', 'line10', -1], ['a', 'A', 0], ['a01', 'a1', 0], ['a1', 'ab', -1], ['a', 'a1', -1], ['Z', 'a', 1],
    ['b', 'A1', 1], ['0', '00', 0], ['c9', 'c10', -1], ['a_b', 'ab', -1], ['Zürich', 'zurich', 0], ['x', 'X1', -1],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(sign(naturalCompare(a, b))).toBe(expected);
    expect(sign(collator.compare(a, b))).toBe(expected);
  });

  it('agrees with the collator (fuzz)', () => {
    let seed = 11;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const alphabet = 'aAbBzZ0019_-. é:$#+~"\'(';
    const name = () => Array.from({ length: rnd(7) }, () => alphabet[rnd(alphabet.length)]).join('');
    for (let i = 0; i < 20_000; i++) {
      const a = name();
      const b = rnd(4) ? name() : a.toUpperCase();
      expect(sign(naturalCompare(a, b)), `${a} vs ${b}`).toBe(sign(collator.compare(a, b)));
    }
    const long = ['a1234567890123456789', 'a1234567890123456780', 'a99999999999999999999'];
    for (const a of long) for (const b of long) expect(sign(naturalCompare(a, b))).toBe(sign(collator.compare(a, b)));
  });

  it.each(['da', 'tr', 'lt', 'hu', 'et', 'cs', 'cy', 'th', 'sv', 'en', 'de', 'fr', 'ja'])('orders as the %s collator', (locale) => {
    const compare = makeNaturalCompare(locale);
    const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    const names = [
      'aa', 'z', 'y', 'j', 'ia', 'I', 'i', 'ı', 'cs', 'cz', 'd', 'ch', 'h', 'line2', 'line10', 's', 'š', 'dd', 'e', 'v', 'w',
      'a-b', 'ab', 'a_b', 'a.b', 'a b', 'a1', 'a-1', 'Sensor-01', 'sensor_1', 'sensor.1',
    ];
    for (const a of names) for (const b of names) expect(sign(compare(a, b)), `${a} vs ${b}`).toBe(sign(collator.compare(a, b)));
  });
});
