import { t } from '../i18n/i18n';

const RECONNECTING = /^Reconnecting \(attempt (\d+)(?:, next try in (\d+) s)?\) — (Error: )?(.*)$/s;

/**
 * The engine's connection status text (src/mqtt/connectionState.ts, English) in the UI language.
 * Translated at display so the worker stays language-free; the broker's own reason (a CONNACK
 * description, a socket error) is passed through as it came.
 */
export function statusText(text: string): string {
  switch (text) {
    case 'Connected':
      return t('Connected');
    case 'Connecting':
      return t('Connecting');
    case 'Disconnected':
      return t('Disconnected');
  }
  const again = RECONNECTING.exec(text);
  if (again) {
    const [, attempt, wait, error, reason] = again;
    const cause = error ? t('Error: {reason}', { reason }) : reason;
    return wait
      ? t('Reconnecting (attempt {attempt}, next try in {wait} s) — {cause}', { attempt, wait, cause })
      : t('Reconnecting (attempt {attempt}) — {cause}', { attempt, cause });
  }
  if (text.startsWith('Error: ')) return t('Error: {reason}', { reason: text.slice('Error: '.length) });
  return text;
}
