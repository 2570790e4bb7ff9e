import { afterEach, describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../src/commands';
import { activateLocale } from '../i18n/i18n';
import { auditResultText, auditSourceText } from './auditText';

const record = (over: Partial<AuditRecord>): AuditRecord => ({
  at: 1, session: 's1', connectionId: 'plant', connectionName: 'Plant', clientId: 'c', source: 'Publish', topic: 'cmd/1', payload: '{}',
  payloadBytes: 2, qos: 1, retain: false, properties: '', result: 'sent', ...over,
});

describe('the command audit in the UI language', () => {
  afterEach(() => activateLocale('en'));

  it('reads as before in English', () => {
    expect(auditResultText(record({ result: 'delivered', reply: '{"ok":true}', rttMs: 1500 }), 's1')).toBe('Delivered; reply after 1.5 sec: {"ok":true}');
    expect(auditResultText(record({ result: 'pending' }), 's2')).toBe('No result (the app was closed before one came)');
    expect(auditSourceText('Template Stop line 1')).toBe('Template Stop line 1');
  });

  it('is Chinese in zh-CN: results, failures with the broker reason as it came, and sources', async () => {
    await activateLocale('zh-CN');
    expect(auditResultText(record({ result: 'sent' }), 's1')).toBe('已发送');
    expect(auditResultText(record({ result: 'queued' }), 's1')).toBe('已排队');
    expect(auditResultText(record({ result: 'failed', reason: 'Not authorized (0x87)' }), 's1')).toBe('失败：Not authorized (0x87)');
    expect(auditResultText(record({ result: 'delivered', reply: 'ok', rttMs: 250 }), 's1')).toBe('已送达；250毫秒后收到回复：ok');
    expect(auditSourceText('Publish')).toBe('发布');
    expect(auditSourceText('Widget Line 1 setpoint')).toBe('组件 Line 1 setpoint');
  });
});
