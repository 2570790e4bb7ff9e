import { useMemo } from 'react';
import type { AlarmState, Priority } from '../../src/alarms';
import { t } from '../i18n/i18n';
import { useLocale } from '../i18n/useLocale';
import { PRIORITY_TEXT } from './priorityStyle';
import { STATE_LABEL } from './stateText';

/** The fixed words of an alarm row, translated once per language. */
export interface RowText {
  readonly priority: Readonly<Record<Priority, string>>;
  readonly state: Readonly<Record<AlarmState, string>>;
  readonly acknowledge: string;
  readonly shelve: string;
  readonly unshelve: string;
  readonly chattering: string;
  readonly consequenceAndAction: string;
  readonly shelvedFor: string;
}

const translateAll = <K extends string>(labels: Readonly<Record<K, string>>): Record<K, string> =>
  Object.fromEntries(Object.entries<string>(labels).map(([k, v]) => [k, t(v)])) as Record<K, string>;

/**
 * Rows get their words from here rather than calling `t()` each: a storm mounts dozens of rows
 * per frame, and a row's seven translations were a quarter of its render (issue 17 #4).
 */
export function useRowText(): RowText {
  const locale = useLocale();
  return useMemo(
    () => ({
      priority: translateAll(PRIORITY_TEXT),
      state: translateAll(STATE_LABEL),
      acknowledge: t('Acknowledge'),
      shelve: t('Shelve'),
      unshelve: t('Unshelve'),
      chattering: t('Chattering'),
      consequenceAndAction: t('Consequence and action'),
      shelvedFor: t('for'),
    }),
    // The words change with the language only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [locale],
  );
}
