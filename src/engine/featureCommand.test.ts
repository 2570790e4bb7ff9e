import { describe, expect, it } from 'vitest';
import { assertNever } from './assertNever';
import { featureOf, isFeatureCommand } from './featureCommand';
import type { ToEngine } from './protocol';

describe('featureCommand', () => {
  it.each<[ToEngine, string | undefined]>([
    [{ type: 'series/unwatch', id: 'w' }, 'series'],
    [{ type: 'noop/feature' }, 'noop'],
    [{ type: 'ack', seq: 1 }, undefined],
    [{ type: 'select', id: null }, undefined],
  ])('routes %j to %s', (msg, feature) => {
    expect(featureOf(msg)).toBe(feature);
    expect(isFeatureCommand(msg)).toBe(feature !== undefined);
  });

  it('does not route an unknown prefix', () => {
    expect(featureOf({ type: 'nope/x' } as unknown as ToEngine)).toBeUndefined();
  });
});

describe('assertNever', () => {
  it('names the unexpected message type', () => {
    expect(() => assertNever({ type: 'bogus' } as never, 'message')).toThrow('Unexpected message: bogus');
    expect(() => assertNever(7 as never)).toThrow('Unexpected value: 7');
  });
});
