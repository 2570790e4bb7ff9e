import { describe, expect, it } from 'vitest';
import type { AlarmState, AlarmView } from '../../src/alarms';
import { freshActivations } from './freshActivations';

const view = (key: string, since: number, state: AlarmState = 'unacknowledged') => ({ key, since, state }) as AlarmView;

describe('freshActivations', () => {
  it('reports each activation once, and a re-activation again', () => {
    const first = freshActivations([view('a', 10), view('b', 12), view('c', 11, 'acknowledged')], -Infinity);
    expect(first.fresh.map((a) => a.key)).toEqual(['a', 'b']);
    expect(first.upTo).toBe(12);
    const same = freshActivations([view('a', 10), view('b', 12), view('d', 13)], first.upTo);
    expect(same.fresh.map((a) => a.key)).toEqual(['d']);
    const again = freshActivations([view('a', 20), view('b', 12), view('d', 13)], same.upTo);
    expect(again.fresh.map((a) => a.key)).toEqual(['a']);
    expect(freshActivations([], again.upTo).upTo).toBe(20);
  });
});
