import { afterEach, describe, expect, it } from 'vitest';
import { activateLocale } from '../i18n/i18n';
import { formatSpan } from './formatSpan';

describe('formatSpan (durations in the UI language, Intl units)', () => {
  afterEach(() => activateLocale('en'));

  it.each([
    [250, false, '250 ms'],
    [4500, false, '4.5 sec'],
    [72_000, false, '1 min 12 sec'],
    [7_200_000, false, '2 hr'],
    [45_000, true, '45 sec'],
    [300_000, true, '5 min 0 sec'],
    [7_380_000, true, '2 hr 3 min'],
  ])('%d ms (countdown %s) reads "%s" in English', (ms, countdown, text) => {
    expect(formatSpan(ms, countdown)).toBe(text);
  });

  it('uses Chinese units in zh-CN, with no Latin unit left', async () => {
    await activateLocale('zh-CN');
    expect(formatSpan(45_000, true)).toBe('45秒');
    expect(formatSpan(303_000, true)).toBe('5分钟3秒');
    expect(formatSpan(7_380_000, true)).toBe('2小时3分钟');
    expect(formatSpan(250)).toBe('250毫秒');
  });
});
