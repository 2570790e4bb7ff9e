import { t } from '../i18n/i18n';

const QUEUED = 'Queued: will be sent when the connection is back';

/** Notes the engine adds to a success (src/mqtt/PublishQueue.ts), in the UI language. */
const note = (reason: string): string => (reason === 'broker used QoS 1' ? t('broker used QoS 1') : reason);

/**
 * A command run's status text (commandStore's English contract wording: "Sent", "Delivered",
 * "Queued…", "Failed: <reason>") in the UI language. Translated at display so the store and its
 * tests stay in English; a broker's failure reason is shown as it came.
 */
export function commandStatusText(text: string): string {
  switch (text) {
    case 'Sending':
      return t('Sending');
    case 'Cancelled: nothing was sent':
      return t('Cancelled: nothing was sent');
    case 'Sent':
      return t('Sent');
    case 'Delivered':
      return t('Delivered');
    case QUEUED:
      return t('Queued: will be sent when the connection is back');
  }
  const delivered = /^Delivered \((.*)\)$/s.exec(text);
  if (delivered) return t('Delivered ({note})', { note: note(delivered[1]) });
  if (text.startsWith('Failed: ')) return t('Failed: {reason}', { reason: text.slice('Failed: '.length) });
  return text;
}
