import { afterEach, describe, expect, it } from 'vitest';
import { activateLocale } from '../i18n/i18n';
import { dayStart, formatWhen, remaining } from './formatAlarm';

describe('formatWhen (cached formatters)', () => {
  const t = new Date(2026, 11, 5, 13, 4, 5).getTime();
  afterEach(() => activateLocale('en'));

  it('shows the 24-hour local time alone on the same day', () => {
    expect(formatWhen(t, dayStart(t + 3600_000))).toBe('13:04:05');
  });

  it('adds the date on another day, and a dash for no time', () => {
    const text = formatWhen(t, dayStart(t + 86_400_000));
    expect(text).toBe('12/05/2026 13:04:05');
    expect(text.endsWith(formatWhen(t, dayStart(t)))).toBe(true);
    expect(formatWhen(0)).toBe('—');
  });

  it('keeps midnight at 00, not 24', () => {
    const midnight = new Date(2026, 11, 5, 0, 0, 7).getTime();
    expect(formatWhen(midnight, dayStart(midnight))).toMatch(/^00\D00\D07$/);
  });

  it('follows the UI language: the date reads year first in zh-CN', async () => {
    await activateLocale('zh-CN');
    expect(formatWhen(t, dayStart(t + 86_400_000))).toBe('2026/12/05 13:04:05');
  });
});

describe('remaining (the shelve countdown)', () => {
  afterEach(() => activateLocale('en'));

  it('counts down in minutes and seconds, then hours and minutes', () => {
    expect(remaining(245_000, 0)).toBe('4 min 5 sec');
    expect(remaining(3_900_000, 0)).toBe('1 hr 5 min');
    expect(remaining(0, 5000)).toBe('0 sec');
  });

  it('speaks Chinese units in zh-CN', async () => {
    await activateLocale('zh-CN');
    expect(remaining(245_000, 0)).toBe('4分钟5秒');
    expect(remaining(30_000, 0)).toBe('30秒');
  });
});
