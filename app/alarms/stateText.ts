import type { AlarmState } from '../../src/alarms';
import { msg } from '../i18n/i18n';

/**
 * The alarm states as the operator reads them, marked for translation (shown with `t()`). The
 * English text is the engine's STATE_TEXT (stateText.test.ts keeps the two equal), so English
 * screens, the journal CSV and the contract's names do not change.
 */
export const STATE_LABEL: Readonly<Record<AlarmState, string>> = {
  normal: msg('Normal'),
  unacknowledged: msg('Unacknowledged'),
  acknowledged: msg('Acknowledged'),
  'returned-unacknowledged': msg('Returned unacknowledged'),
  'latched-unacknowledged': msg('Latched unacknowledged'),
  'latched-acknowledged': msg('Latched acknowledged'),
  shelved: msg('Shelved'),
  suppressed: msg('Suppressed'),
  'out-of-service': msg('Out of service'),
};
