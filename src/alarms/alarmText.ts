import type { AlarmState, Priority } from './types';

/** Highest first: the order of banners, counts and the horn. */
export const PRIORITIES: readonly Priority[] = ['critical', 'high', 'medium', 'low'];

/** The words the UI shows (ui-contract.md: state text of the "Active alarms" table). */
export const STATE_TEXT: Readonly<Record<AlarmState, string>> = {
  normal: 'Normal',
  unacknowledged: 'Unacknowledged',
  acknowledged: 'Acknowledged',
  'returned-unacknowledged': 'Returned unacknowledged',
  'latched-unacknowledged': 'Latched unacknowledged',
  'latched-acknowledged': 'Latched acknowledged',
  shelved: 'Shelved',
  suppressed: 'Suppressed',
  'out-of-service': 'Out of service',
};

/** Waiting for the operator's acknowledgement (B, D, E): counted and annunciated as such. */
export const isUnackedState = (state: AlarmState): boolean =>
  state === 'unacknowledged' || state === 'returned-unacknowledged' || state === 'latched-unacknowledged';

/** Presented as standing alarms (B, C, E, F): a latched alarm stays active until reset. */
export const isActiveState = (state: AlarmState): boolean =>
  state === 'unacknowledged' || state === 'acknowledged' || state === 'latched-unacknowledged' || state === 'latched-acknowledged';
