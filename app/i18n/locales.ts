/** The UI languages. English is the source text (message ids), so it has no catalogue. */
export const LOCALES = [
  { id: 'en', label: 'English' },
  { id: 'zh-CN', label: '简体中文' },
] as const;

export type Locale = (typeof LOCALES)[number]['id'];

export const SOURCE_LOCALE: Locale = 'en';

/**
 * The locale for a BCP 47 tag from untrusted text (URL, storage, navigator.languages); null when
 * none fits. Any Chinese written in simplified script maps to zh-CN (zh, zh-Hans, zh-SG); zh-TW
 * and zh-HK use traditional script, which we do not ship, so they fall through.
 */
export function matchLocale(tag: unknown): Locale | null {
  if (typeof tag !== 'string') return null;
  const lower = tag.trim().toLowerCase().replace(/_/g, '-');
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  if (lower === 'zh' || lower === 'zh-cn' || lower === 'zh-sg' || lower.startsWith('zh-hans')) return 'zh-CN';
  return null;
}

/** The browser's preferred languages, best first, mapped to the first one we ship (else English). */
export function bestLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return SOURCE_LOCALE;
}
