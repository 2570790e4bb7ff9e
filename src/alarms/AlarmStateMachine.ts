import type { AlarmState } from './types';

/**
 * The ISA-18.2 / IEC 62682 alarm state machine for one alarm instance, as a pure reducer.
 *
 * Kept as orthogonal sub-states (the way OPC UA Part 9 §4.8 models it: Active, Acked, Shelving,
 * Suppressed, OutOfService), from which the standard's single state letter is derived by
 * `stateOf`. Out of service wins over shelved, shelved over suppressed.
 *
 * - A→B activate; B→C acknowledge; B→D clear; C→A clear; D→A acknowledge; D→B activate.
 * - A–D → G shelve(until); G → re-evaluated on unshelve or expiry: active → B, else A.
 * - A–D → H suppress (design condition); H → re-evaluated when it ends.
 * - A–D → I remove from service; I → re-evaluated on return to service.
 * - While in G/H/I the process condition is still tracked (and journaled by the caller), but
 *   nothing is annunciated and acknowledge does nothing.
 * Latching (E/F) is not offered.
 */
export interface MachineState {
  /** The process condition, after on/off delays. */
  readonly active: boolean;
  readonly acked: boolean;
  /** Shelved until this time (ms), or null. */
  readonly shelvedUntil: number | null;
  readonly suppressed: boolean;
  readonly outOfService: boolean;
}

export type AlarmEvent =
  | { readonly type: 'activate' }
  | { readonly type: 'clear' }
  | { readonly type: 'acknowledge' }
  | { readonly type: 'shelve'; readonly until: number }
  | { readonly type: 'unshelve' }
  | { readonly type: 'shelve-expired' }
  | { readonly type: 'suppress' }
  | { readonly type: 'unsuppress' }
  | { readonly type: 'remove-from-service' }
  | { readonly type: 'return-to-service' };

export const NORMAL: MachineState = { active: false, acked: true, shelvedUntil: null, suppressed: false, outOfService: false };

export function stateOf(m: MachineState): AlarmState {
  if (m.outOfService) return 'out-of-service';
  if (m.shelvedUntil !== null) return 'shelved';
  if (m.suppressed) return 'suppressed';
  if (m.active) return m.acked ? 'acknowledged' : 'unacknowledged';
  return m.acked ? 'normal' : 'returned-unacknowledged';
}

/** True while the alarm is presented to the operator (not in G, H or I). */
function isAnnunciating(m: MachineState): boolean {
  return !m.outOfService && m.shelvedUntil === null && !m.suppressed;
}

/** Leaving G, H or I: re-evaluate, so a still-active alarm annunciates again (unacknowledged). */
function reevaluate(m: MachineState): MachineState {
  return isAnnunciating(m) ? { ...m, acked: !m.active } : m;
}

export function transition(m: MachineState, e: AlarmEvent): MachineState {
  switch (e.type) {
    case 'activate':
      if (m.active) return m;
      // While shelved/suppressed/out of service the condition is tracked but not annunciated.
      return isAnnunciating(m) ? { ...m, active: true, acked: false } : { ...m, active: true };
    case 'clear':
      return m.active ? { ...m, active: false } : m;
    case 'acknowledge':
      // ACK in A or C (and in G/H/I) is a no-op; the caller still journals the attempt.
      return isAnnunciating(m) && !m.acked ? { ...m, acked: true } : m;
    case 'shelve':
      // Out of service is not operator shelving: it cannot be shelved on top.
      return m.outOfService ? m : { ...m, shelvedUntil: e.until };
    case 'unshelve':
    case 'shelve-expired':
      return m.shelvedUntil === null ? m : reevaluate({ ...m, shelvedUntil: null });
    case 'suppress':
      return m.suppressed ? m : { ...m, suppressed: true };
    case 'unsuppress':
      return m.suppressed ? reevaluate({ ...m, suppressed: false }) : m;
    case 'remove-from-service':
      return m.outOfService ? m : { ...m, outOfService: true };
    case 'return-to-service':
      return m.outOfService ? reevaluate({ ...m, outOfService: false }) : m;
  }
}
