import { describe, expect, it } from 'vitest';
import { newInstance } from './AlarmInstance';
import { compileRule, type CompiledRule } from './compileRule';
import { connectionSubject, instanceSubject, journalEntry, NO_SUBJECT, ruleSubject } from './journalEntry';

const compiled = (): CompiledRule => {
  const r = compileRule({ id: 't1', name: 'Temp high', connection: 'plant', topic: 'a/b', path: 'v', condition: 'above', setpoint: 80, priority: 'high' });
  if (!r.ok) throw new Error('rule');
  return r.rule;
};

describe('journalEntry', () => {
  it('builds all 14 fields from an instance, defaulting from/to/reason to empty', () => {
    const inst = newInstance(compiled(), 'a/b', 'plant', 0);
    inst.value = 81.1234567;
    const e = journalEntry(instanceSubject(inst), { at: 5, kind: 'transition', action: 'activate', trigger: 'process', station: 's1' });
    expect(e).toEqual({
      at: 5, kind: 'transition', ruleId: 't1', ruleName: 'Temp high', priority: 'high', connectionId: 'plant', topic: 'a/b',
      value: '81.123457', from: '', to: '', action: 'activate', trigger: 'process', reason: '', station: 's1',
    });
  });

  it('carries from, to and reason when given', () => {
    const e = journalEntry(NO_SUBJECT, { at: 1, kind: 'action', action: 'x', trigger: 'operator', station: 's', from: 'normal', to: 'shelved', reason: 'why' });
    expect(e).toMatchObject({ from: 'normal', to: 'shelved', reason: 'why', ruleId: '', topic: '' });
  });

  it.each([
    ['a known rule', ruleSubject('t1', compiled()), { ruleId: 't1', ruleName: 'Temp high', priority: 'high', connectionId: 'plant', topic: 'a/b', value: '' }],
    ['a rule known only by id', ruleSubject('gone', undefined), { ruleId: 'gone', ruleName: 'gone', priority: '', connectionId: '', topic: '', value: '' }],
    ['a connection', connectionSubject('plant'), { ...NO_SUBJECT, connectionId: 'plant' }],
  ])('subject: %s', (_name, subject, expected) => {
    expect(subject).toEqual(expected);
  });
});
