import { afterEach, describe, expect, it } from 'vitest';
import { activateLocale } from '../i18n/i18n';
import { statusText } from './statusText';

describe('connection status text', () => {
  afterEach(() => activateLocale('en'));

  it('is the engine text unchanged in English', () => {
    for (const s of ['Connected', 'Error: Broker refused the connection: Not authorized', 'Reconnecting (attempt 2, next try in 4 s) — Error: connection lost'])
      expect(statusText(s)).toBe(s);
  });

  it('reads in Chinese in zh-CN, keeping the broker reason', async () => {
    await activateLocale('zh-CN');
    expect(statusText('Connected')).toBe('已连接');
    expect(statusText('Error: Not authorized')).toBe('错误：Not authorized');
    expect(statusText('Reconnecting (attempt 3, next try in 5 s) — connection lost')).toBe('正在重连（第 3 次，5 秒后重试）— connection lost');
    expect(statusText('Reconnecting (attempt 1) — Error: timeout')).toBe('正在重连（第 1 次）— 错误：timeout');
  });
});
