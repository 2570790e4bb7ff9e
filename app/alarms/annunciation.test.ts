import { afterEach, describe, expect, it } from 'vitest';
import type { AlarmView } from '../../src/alarms';
import { activateLocale } from '../i18n/i18n';
import { alarmNotification } from './annunciation';

const alarm: AlarmView = {
  key: 't1\u001fplant/boiler', ruleId: 't1', name: 'Boiler temperature high', priority: 'high', topic: 'plant/boiler',
  connectionId: 'plant', state: 'unacknowledged', active: true, value: 91.5, unit: '°C', valueAt: 1, since: 1, stateSince: 1,
  shelvedUntil: null, shelveReason: '', chattering: false, limit: '> 80', message: 'Check the burner', consequence: '', action: '',
};

describe('alarmNotification (desktop notification text)', () => {
  afterEach(() => activateLocale('en'));

  it('names the priority, the alarm, its value with unit and limit, and the rule message', () => {
    expect(alarmNotification(alarm)).toEqual({ title: 'High alarm: Boiler temperature high', body: 'Value 91.5 °C (> 80) — Check the burner' });
    expect(alarmNotification({ ...alarm, value: null, message: '' }).body).toBe('');
  });

  it('is in Chinese in zh-CN (names and messages as the operator wrote them)', async () => {
    await activateLocale('zh-CN');
    const { title, body } = alarmNotification(alarm);
    expect(title).toBe('高报警：Boiler temperature high');
    expect(body).toBe('值 91.5 °C（> 80） — Check the burner');
  });
});
