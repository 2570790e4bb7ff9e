import { describe, expect, it } from 'vitest';
import { initialLocale } from './localeActions';
import { bestLocale, matchLocale } from './locales';

describe('locale choice', () => {
  it('maps simplified Chinese tags to zh-CN, English tags to en, others to nothing', () => {
    expect(['zh', 'zh-CN', 'zh_cn', 'zh-Hans', 'zh-Hans-CN', 'zh-SG'].map(matchLocale)).toEqual(Array(6).fill('zh-CN'));
    expect(['en', 'en-US', 'en-GB'].map(matchLocale)).toEqual(['en', 'en', 'en']);
    expect(['zh-TW', 'de-DE', '', 42].map(matchLocale)).toEqual([null, null, null, null]);
  });

  it('takes the first browser language we ship, else English', () => {
    expect(bestLocale(['de-DE', 'zh-CN', 'en'])).toBe('zh-CN');
    expect(bestLocale(['en-US', 'zh-CN'])).toBe('en');
    expect(bestLocale(['fr-FR'])).toBe('en');
  });

  it('prefers ?lang=, then the stored choice, then the browser', () => {
    expect(initialLocale('?kiosk=1&lang=zh-CN', 'en', ['en-US'])).toBe('zh-CN');
    expect(initialLocale('?lang=xx', 'zh-CN', ['en-US'])).toBe('zh-CN');
    expect(initialLocale('', null, ['zh-CN'])).toBe('zh-CN');
    expect(initialLocale('', 'en', ['zh-CN'])).toBe('en');
  });
});
