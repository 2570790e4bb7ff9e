import { afterEach, describe, expect, it } from 'vitest';
import { activateLocale } from '../i18n/i18n';
import { commandStatusText } from './commandText';

describe('command status text', () => {
  afterEach(() => activateLocale('en'));

  it('is the contract wording unchanged in English', () => {
    for (const s of ['Sending', 'Cancelled: nothing was sent', 'Sent', 'Delivered', 'Delivered (broker used QoS 1)', 'Failed: Not authorized (0x87)', 'Queued: will be sent when the connection is back'])
      expect(commandStatusText(s)).toBe(s);
  });

  it('reads in Chinese in zh-CN, keeping the broker reason', async () => {
    await activateLocale('zh-CN');
    expect(commandStatusText('Sent')).toBe('已发送');
    expect(commandStatusText('Sending')).toBe('正在发送');
    expect(commandStatusText('Cancelled: nothing was sent')).toBe('已取消：未发送任何内容');
    expect(commandStatusText('Delivered (broker used QoS 1)')).toBe('已送达（代理使用了 QoS 1）');
    expect(commandStatusText('Failed: Not authorized (0x87)')).toBe('失败：Not authorized (0x87)');
  });
});
