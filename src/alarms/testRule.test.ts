import { describe, expect, it } from 'vitest';
import type { AlarmInstance } from './AlarmInstance';
import { testRule } from './testRule';

const rule = { id: 'w', name: 'Any line hot', topic: 'plant/+/temp', path: 'v', condition: 'above', setpoint: 80, priority: 'high' };
const seen = (topic: string, v: number, lastAt: number) => ({ connectionId: 'plant', topic, lastPayload: { v }, lastAt }) as unknown as AlarmInstance;

describe('testRule', () => {
  it('tests a wildcard rule on every matching topic, not only the newest', () => {
    const result = testRule(1, rule, [seen('plant/a/temp', 90, 10), seen('plant/b/temp', 50, 20), seen('plant/b/temp', 40, 5), seen('other/x', 99, 30)], 100);
    expect('probe' in result).toBe(false);
    const text = 'text' in result ? result.text : '';
    expect(text).toMatch(/^2 matching topics, 1 would be in alarm:/);
    expect(text).toContain('Value 90 on plant/a/temp: would be in alarm');
    expect(text).toContain('Value 50 on plant/b/temp: normal');
  });

  it('answers one topic as before', () => {
    const result = testRule(1, rule, [seen('plant/a/temp', 90, 10)], 100);
    expect('text' in result && result.text).toMatch(/^Value 90 on plant\/a\/temp: would be in alarm/);
  });

  it('gives the UI a code and parameters beside the English text', () => {
    const many = testRule(1, rule, [seen('plant/a/temp', 90, 10), seen('plant/b/temp', 50, 20)], 100);
    expect('message' in many && many.message).toEqual({
      code: 'many', count: 2, inAlarm: 1, more: 0,
      lines: [
        { code: 'value', topic: 'plant/b/temp', value: '50', inAlarm: false, limit: '> 80' },
        { code: 'value', topic: 'plant/a/temp', value: '90', inAlarm: true, limit: '> 80' },
      ],
    });
    const bad = testRule(2, { ...rule, setpoint: 'x' }, [], 100);
    expect('message' in bad && bad.message).toMatchObject({ code: 'invalid', problems: [{ field: 'setpoint', problem: { code: 'number-for', condition: 'above' } }] });
    const waiting = testRule(3, { ...rule, topic: 'plant/z/temp' }, [], 100);
    expect('waiting' in waiting && waiting.waiting.message).toEqual({ code: 'waiting', topic: 'plant/z/temp' });
  });
});
