import { afterEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/alarms';
import { activateLocale } from '../i18n/i18n';
import { journalActionText, journalReasonText, journalTriggerText } from './journalText';

const entry = (over: Partial<JournalEntry>): JournalEntry => ({
  at: 1, kind: 'system', ruleId: '', ruleName: '', priority: '', connectionId: 'plant', topic: '', value: '', from: '', to: '',
  action: 'connection restored', trigger: 'system', reason: 'connection plant: down for 1 min 12 s', station: 's1', ...over,
});

describe('journal texts in the UI language', () => {
  afterEach(() => activateLocale('en'));

  it('shows the stored English when the engine gave no code (older entries)', () => {
    expect(journalReasonText(entry({}))).toBe('connection plant: down for 1 min 12 s');
    expect(journalActionText('something new')).toBe('something new');
  });

  it('says outages, actions and triggers in Chinese in zh-CN', async () => {
    await activateLocale('zh-CN');
    expect(journalReasonText(entry({ reasonCode: { code: 'connection-restored', connection: 'plant', downMs: 72_000 } }))).toBe('连接 plant：中断了 1分钟12秒');
    expect(journalReasonText(entry({ reasonCode: { code: 'connection-lost', connection: 'plant' } }))).toBe('连接 plant：连接已断开');
    expect(journalActionText('connection restored')).toBe('连接已恢复');
    expect(journalActionText('shelve for 1 h')).toBe('搁置 1 h');
    expect(journalTriggerText('operator')).toBe('操作员');
  });
});
