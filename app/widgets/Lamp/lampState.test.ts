import { describe, expect, it } from 'vitest';
import { lampLook } from './lampState';
import type { LampState } from './types';

const states: LampState[] = [
  { value: 'RUNNING', text: 'Running' },
  { value: 'FAULT', text: 'Fault', priority: 'high' },
  { value: true, text: 'On' },
  { value: 3, text: 'Setup', priority: 'low' },
];
const latest = (value: number | null, text?: string) => ({ key: 'k', value, text, t: 0, at: 0 });

describe('lampLook', () => {
  it.each([
    ['a normal state', latest(null, 'RUNNING'), { text: 'Running' }],
    ['an abnormal state', latest(null, 'FAULT'), { text: 'Fault', priority: 'high' }],
    ['a boolean payload', latest(1, 'true'), { text: 'On' }],
    ['a number', latest(3), { text: 'Setup', priority: 'low' }],
    ['an unknown state: its own text, grey', latest(null, 'IDLE'), { text: 'IDLE' }],
    ['an unknown number', latest(7), { text: '7' }],
    ['no value yet', undefined, { text: '—' }],
  ])('%s', (_name, l, expected) => expect(lampLook(states, l)).toEqual(expected));
});
