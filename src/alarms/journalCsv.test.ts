import { expect, it } from 'vitest';
import { journalToCsv } from './journalCsv';
import type { JournalEntry } from './types';

const entry = (over: Partial<JournalEntry>): JournalEntry => ({
  at: Date.UTC(2025, 0, 2, 3, 4, 5), kind: 'transition', ruleId: 't1', ruleName: 'Temp, high', priority: 'high', connectionId: 'plant',
  topic: 'plant/t', value: '81', from: 'normal', to: 'unacknowledged', action: 'activate', trigger: 'process', reason: '', station: 's1', ...over,
});

it('writes a header and one quoted row per entry', () => {
  const csv = journalToCsv([entry({}), entry({ value: '-3.5', reason: 'said "hi"\nthen', ruleName: '=cmd()' })]);
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe('time,kind,rule,name,priority,connection,topic,value,from,to,action,trigger,reason,station');
  expect(lines[1]).toBe('2025-01-02T03:04:05.000Z,transition,t1,"Temp, high",high,plant,plant/t,81,normal,unacknowledged,activate,process,,s1');
  // Negative numbers stay numbers; formula-like text is defused; quotes doubled.
  expect(csv).toContain(`"'=cmd()"`);
  expect(csv).toContain(',-3.5,');
  expect(csv).toContain('"said ""hi""\nthen"');
});
