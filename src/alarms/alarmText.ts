import type { AlarmState, Priority } from './types';

/** Highest first: the order of banners, counts and the horn. */
export const PRIORITIES: readonly Priority[] = ['critical', 'high', 'medium', 'low'];

/** The words the UI shows (ui-contract.md: state text of the "Active alarms" table). */
export const STATE_TEXT: Readonly<Record<AlarmState, string>> = {
  normal: 'Normal',
  unacknowledged: 'Unacknowledged',
  acknowledged: 'Acknowledged',
  'returned-unacknowledged': 'Returned unacknowledged',
  shelved: 'Shelved',
  suppressed: 'Suppressed',
  'out-of-service': 'Out of service',
};
