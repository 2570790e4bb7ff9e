import { describe, expect, it } from 'vitest';
import { draftFromRule, emptyDraft, ruleFromDraft, validateDraft } from './ruleDraft';

describe('rule drafts', () => {
  it('round-trips a contract rule and keeps unknown fields', () => {
    const rule = { id: 't1', name: 'Temp', connection: 'plant', topic: 'plant/t', path: 'v', condition: 'above' as const, setpoint: 80, deadband: 2, onDelayMs: 0, offDelayMs: 0, priority: 'high' as const, enabled: true, area: 'north' };
    expect(ruleFromDraft(draftFromRule(rule), rule)).toEqual(rule);
  });

  it('"Latch until reset" writes latch: true, and unticked leaves no latch field', () => {
    const rule = { id: 't1', topic: 'plant/t', path: 'v', condition: 'above' as const, setpoint: 80, deadband: 0, onDelayMs: 0, offDelayMs: 0, priority: 'high' as const, enabled: true, latch: true };
    const draft = draftFromRule(rule);
    expect(draft.latch).toBe(true);
    expect(ruleFromDraft(draft, rule)).toEqual(rule);
    expect(ruleFromDraft({ ...draft, latch: false }, rule)).not.toHaveProperty('latch');
    expect(validateDraft(draft, []).errors).toEqual({});
  });

  it('names each invalid field', () => {
    const d = { ...emptyDraft(), id: 'dup', topic: 'a/#/b', setpoint: 'hot', deadband: 'x' };
    const { errors } = validateDraft(d, ['dup']);
    expect(Object.keys(errors).sort()).toEqual(expect.arrayContaining(['id', 'topic', 'setpoint', 'deadband']));
  });

  it('turns state texts and equal values into the right types', () => {
    expect(ruleFromDraft({ ...emptyDraft(), id: 's', topic: 't', condition: 'state', setpoint: 'FAULT', states: 'ESTOP, TRIP' })).toMatchObject({ setpoint: 'FAULT', states: ['ESTOP', 'TRIP'] });
    expect(ruleFromDraft({ ...emptyDraft(), id: 'e', topic: 't', condition: 'equal', setpoint: 'true' })).toMatchObject({ setpoint: true });
    expect(validateDraft({ ...emptyDraft(), id: 'ok', topic: 'plant/+/temp', setpoint: '80' }, []).errors).toEqual({});
  });

  it('derives a free id from the name when Rule ID is empty, and words every problem for people', () => {
    const { rule, errors } = validateDraft({ ...emptyDraft(), name: 'Line 2 temp high', topic: '', setpoint: '' }, ['line-2-temp-high']);
    expect(rule.id).toBe('line-2-temp-high-2');
    expect(errors.id).toBeUndefined();
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(['topic', 'setpoint']));
    for (const message of Object.values(errors)) expect(message).not.toMatch(/Invalid (key|type)|Expected|received/);
  });
});
