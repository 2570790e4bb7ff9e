import { activateLocale, currentLocale } from './i18n';
import { bestLocale, matchLocale, type Locale } from './locales';

export const LOCALE_KEY = 'sightglass.locale';

/**
 * The language to start in: `?lang=` (kiosks; not remembered, so one screen's URL does not change
 * another tab), else the operator's last choice, else the browser's languages.
 */
export function initialLocale(search: string, stored: string | null, preferred: readonly string[]): Locale {
  return matchLocale(new URLSearchParams(search).get('lang')) ?? matchLocale(stored) ?? bestLocale(preferred);
}

/** Before the first render: activate the start-up language (English resolves at once). */
export async function startLocale(): Promise<void> {
  const locale = initialLocale(window.location.search, readStored(), navigator.languages ?? [navigator.language]);
  try {
    await activateLocale(locale);
  } catch {
    // the catalogue could not load (offline before it was cached): stay in English
  }
  document.documentElement.lang = currentLocale();
}

/** The operator picked a language: switch without reload and remember it. */
export async function setLocale(locale: Locale): Promise<void> {
  await activateLocale(locale);
  document.documentElement.lang = locale;
  try {
    window.localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // storage disabled: the choice still lasts for this page
  }
}

function readStored(): string | null {
  try {
    return window.localStorage.getItem(LOCALE_KEY);
  } catch {
    return null;
  }
}
