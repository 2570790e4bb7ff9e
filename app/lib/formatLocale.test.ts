import { afterEach, describe, expect, it } from 'vitest';
import { activateLocale } from '../i18n/i18n';
import { dateFormat, formatClock, formatDate, formatDateTime, formatNumber, numberFormat } from './formatLocale';

// 2026-12-05 14:03:07.089 local time
const AT = new Date(2026, 11, 5, 14, 3, 7, 89).getTime();

describe('formatLocale', () => {
  afterEach(() => activateLocale('en'));

  it('formats in English by default', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(3.14159)).toBe('3.142');
    expect(formatClock(AT)).toBe('14:03:07');
    expect(formatDate(AT)).toBe('12/05/2026');
    expect(formatDateTime(AT)).toBe('12/05/2026, 14:03:07');
  });

  it('formats for zh-CN once it is active', async () => {
    await activateLocale('zh-CN');
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatDate(AT)).toBe('2026/12/05');
    expect(formatDateTime(AT)).toBe('2026/12/05 14:03:07');
  });

  it('keeps one formatter per locale and preset', async () => {
    expect(numberFormat('integer')).toBe(numberFormat('integer'));
    const en = dateFormat('time');
    await activateLocale('zh-CN');
    expect(dateFormat('time')).not.toBe(en);
    expect(dateFormat('time')).toBe(dateFormat('time'));
  });
});
