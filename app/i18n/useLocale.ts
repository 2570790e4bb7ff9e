import { useSyncExternalStore } from 'react';
import { currentLocale, onLocaleChange } from './i18n';
import type { Locale } from './locales';

/**
 * The active UI locale; the component re-renders when the language changes (no reload). A
 * subscription per component rather than @lingui/react's provider: the provider re-renders the
 * whole tree through context, and its 0.3 kB gzip tipped start-up over its budget.
 */
export function useLocale(): Locale {
  // The same snapshot on the server (renderToStaticMarkup in unit tests) as in the browser.
  return useSyncExternalStore(onLocaleChange, currentLocale, currentLocale);
}
