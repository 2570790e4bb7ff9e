import { setupI18n, type Messages } from '@lingui/core';
import { compileIcu } from './compileIcu';
import { SOURCE_LOCALE, type Locale } from './locales';

/**
 * The UI's one Lingui instance. English source text is the message id (no catalogue for English:
 * each id is compiled the first time it is shown, then kept); other locales' catalogues are
 * import()ed when first activated, so English start-up pays nothing for them.
 */
export const i18n = setupI18n();

type Values = Record<string, unknown>;

// Compiled catalogues by locale. Lingui keeps the object it is given (loadAndActivate), so ids
// compiled on first use below land in the active catalogue without a "change" event (which
// would re-render the whole UI from inside a render).
const catalogues = new Map<Locale, Messages>([[SOURCE_LOCALE, {}]]);
i18n.loadAndActivate({ locale: SOURCE_LOCALE, messages: catalogues.get(SOURCE_LOCALE)! });

/**
 * Translate: `t('Connect')`, `t('{count} active alarms', { count })`. The id is the English text
 * in ICU MessageFormat; app/i18n/README.md says how to add one. For use outside React (in a
 * component, `useT()` also re-renders on a language change).
 */
export function t(id: string, values?: Values): string {
  const messages = i18n.messages;
  // A missing translation falls back to the English text (the catalogue test keeps this rare).
  if (messages[id] === undefined) messages[id] = compileIcu(id);
  return i18n._(id, values);
}

/** Marks text for translation where it is defined (a table of labels); `t(label)` shows it. */
export const msg = (id: string): string => id;

/** The active UI locale. */
export const currentLocale = (): Locale => i18n.locale as Locale;

/** Calls `listener` after each language switch; returns the unsubscribe function. */
export const onLocaleChange = (listener: () => void): (() => void) => i18n.on('change', listener);

const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Record<string, string> }>> = {
  'zh-CN': () => import('./locales/zh-CN.json'),
};

/** Switches the UI language; fetches and compiles that catalogue the first time. */
export async function activateLocale(locale: Locale): Promise<void> {
  let messages = catalogues.get(locale);
  if (!messages) {
    const source = (await loaders[locale as Exclude<Locale, 'en'>]()).default;
    messages = {};
    for (const [id, text] of Object.entries(source)) if (text) messages[id] = compileIcu(text);
    catalogues.set(locale, messages);
  }
  if (i18n.locale !== locale) i18n.loadAndActivate({ locale, messages });
}
