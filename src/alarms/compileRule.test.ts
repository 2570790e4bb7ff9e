import { describe, expect, it } from 'vitest';
import { compileRule } from './compileRule';

const base = { id: 't1', topic: 'plant/line1/temp', path: 'v', condition: 'above', setpoint: 80 };

describe('compileRule', () => {
  it('compiles the contract example with defaults', () => {
    const r = compileRule({ ...base, name: 'Line 1 temperature high', deadband: 2, priority: 'high' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rule).toMatchObject({ id: 't1', name: 'Line 1 temperature high', setNum: 80, deadband: 2, onDelayMs: 0, priority: 'high', wildcard: false, limit: '> 80 (deadband 2)' });
    expect(r.rule.path).toEqual(['v']);
  });

  it('latches only when asked to', () => {
    expect(compileRule({ ...base, latch: true })).toMatchObject({ ok: true, rule: { latch: true } });
    expect(compileRule(base)).toMatchObject({ ok: true, rule: { latch: false } });
  });

  it.each([
    [{ ...base, setpoint: undefined }, 'setpoint'],
    [{ ...base, setpoint: 'hot' }, 'setpoint'],
    [{ ...base, topic: 'plant/#/x' }, 'topic'],
    [{ ...base, path: 'a..b' }, 'path'],
    [{ ...base, latch: 'yes' }, 'latch'],
    [{ ...base, condition: 'stale', setpoint: undefined }, 'staleAfterMs'],
    [{ ...base, condition: 'state', setpoint: undefined }, 'setpoint'],
    [{ ...base, condition: 'equal', setpoint: '' }, 'setpoint'],
    [{ ...base, condition: 'hotter' }, 'condition'],
    [{ ...base, deadband: -1 }, 'deadband'],
    [{ ...base, priority: 'urgent' }, 'priority'],
    [{ ...base, suppressWhen: { topic: 'plant/+/state', condition: 'equal', value: 'STOPPED' } }, 'suppressWhen.topic'],
    [{ ...base, suppressWhen: { topic: 'plant/x/state', condition: 'above', value: 'x' } }, 'suppressWhen.value'],
  ])('names the field of a problem: %j → %s', (rule, field) => {
    const r = compileRule(rule);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toContain(field);
    expect(r.errors.every((e) => e.message.length > 5)).toBe(true);
  });

  it('accepts wildcards, text states and numeric text setpoints', () => {
    const w = compileRule({ ...base, topic: 'plant/+/+/temp', setpoint: '80' });
    expect(w.ok && w.rule.wildcard && w.rule.setNum === 80).toBe(true);
    const s = compileRule({ id: 's', topic: 'plant/x/state', condition: 'state', setpoint: 'FAULT', states: ['ESTOP'] });
    expect(s.ok && [...s.rule.states!]).toEqual(['FAULT', 'ESTOP']);
  });
});
