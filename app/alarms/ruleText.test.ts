import { afterEach, describe, expect, it } from 'vitest';
import { activateLocale } from '../i18n/i18n';
import { ruleTestText } from './ruleText';
import { validateDraft, emptyDraft } from './ruleDraft';

const value = (topic: string, v: string, inAlarm: boolean) => ({ code: 'value', topic, value: v, inAlarm, limit: '> 80' }) as const;

describe('rule checks from the engine, in the UI language', () => {
  afterEach(() => activateLocale('en'));

  it('says a test answer from its code, the same as the engine English', () => {
    const text = 'Value 90 on plant/a/temp: would be in alarm (> 80).';
    expect(ruleTestText({ reqId: 1, outcome: 'value', text, message: value('plant/a/temp', '90', true) })).toBe(text);
    expect(ruleTestText({ reqId: 1, outcome: 'timeout', text: 'old English' })).toBe('old English');
  });

  it('is Chinese in zh-CN: a wildcard test, a timeout and a field problem', async () => {
    await activateLocale('zh-CN');
    const many = { code: 'many', count: 2, inAlarm: 1, more: 3, lines: [value('plant/a/temp', '90', true), value('plant/b/temp', '50', false)] } as const;
    expect(ruleTestText({ reqId: 1, outcome: 'value', text: '', message: many }).split('\n')).toEqual([
      '2 个匹配的主题，其中 1 个将处于报警：',
      'plant/a/temp 上的值 90：将处于报警（> 80）。',
      'plant/b/temp 上的值 50：正常（> 80）。',
      '…另有 3 个主题。',
    ]);
    expect(ruleTestText({ reqId: 2, outcome: 'timeout', text: '', message: { code: 'timeout' } })).toBe('30 秒内匹配的主题上没有收到消息。');
    const { errors } = validateDraft({ ...emptyDraft(), id: 'r', topic: 'plant/#/x', setpoint: '80' }, []);
    expect(errors.topic).toBe('必须是有效的 MQTT 主题或过滤器（+ 和 # 只能作为完整层级，# 只能在最后）');
  });
});
