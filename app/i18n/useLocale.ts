import { useContext } from 'react';
import { LinguiContext } from '@lingui/react';
import { currentLocale } from './i18n';
import type { Locale } from './locales';

/** The active UI locale; re-renders on a language change. */
export function useLocale(): Locale {
  useContext(LinguiContext);
  return currentLocale();
}
