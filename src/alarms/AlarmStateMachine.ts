import type { AlarmState } from './types';

/**
 * The ISA-18.2 / IEC 62682 alarm state machine for one alarm instance, as a pure reducer.
 *
 * Kept as orthogonal sub-states (the way OPC UA Part 9 §4.8 models it: Active, Acked, Shelving,
 * Suppressed, OutOfService), from which the standard's single state letter is derived by
 * `stateOf`. Out of service wins over shelved, shelved over suppressed.
 *
 * - A→B activate; B→C acknowledge; B→D clear; C→A clear; D→A acknowledge; D→B activate.
 * - Latching rules (`latch: true`): B→E clear; C→F clear; E→F acknowledge; F→A reset; E/F→B activate.
 *   Reset is refused in E: ISA-18.2 resets only an acknowledged latched alarm (F→A), so the
 *   operator has acknowledged what happened before declaring it dealt with — two deliberate acts,
 *   never one click that both silences and removes an alarm nobody acknowledged.
 * - A–F → G shelve(until); G → re-evaluated on unshelve or expiry: active → B, latched → F, else A.
 * - A–F → H suppress (design condition); H → re-evaluated when it ends.
 * - A–F → I remove from service; I → re-evaluated on return to service.
 * - While in G/H/I the process condition is still tracked (and journaled by the caller), but
 *   nothing is annunciated, acknowledge and reset do nothing, and a clear does not latch (the
 *   operator did not see that activation). A latch taken before G/H/I is kept through it.
 */
export interface MachineState {
  /** The process condition, after on/off delays. */
  readonly active: boolean;
  readonly acked: boolean;
  /** Shelved until this time (ms), or null. */
  readonly shelvedUntil: number | null;
  readonly suppressed: boolean;
  readonly outOfService: boolean;
  /** Held by its latch after the condition cleared (E/F), until reset. */
  readonly latched: boolean;
}

export type AlarmEvent =
  | { readonly type: 'activate' }
  /** `latch`: the rule latches (E/F instead of D/A). */
  | { readonly type: 'clear'; readonly latch?: boolean }
  | { readonly type: 'acknowledge' }
  | { readonly type: 'reset' }
  | { readonly type: 'shelve'; readonly until: number }
  | { readonly type: 'unshelve' }
  | { readonly type: 'shelve-expired' }
  | { readonly type: 'suppress' }
  | { readonly type: 'unsuppress' }
  | { readonly type: 'remove-from-service' }
  | { readonly type: 'return-to-service' };

export const NORMAL: MachineState = { active: false, acked: true, shelvedUntil: null, suppressed: false, outOfService: false, latched: false };

export function stateOf(m: MachineState): AlarmState {
  if (m.outOfService) return 'out-of-service';
  if (m.shelvedUntil !== null) return 'shelved';
  if (m.suppressed) return 'suppressed';
  if (m.active) return m.acked ? 'acknowledged' : 'unacknowledged';
  if (m.latched) return m.acked ? 'latched-acknowledged' : 'latched-unacknowledged';
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
      return isAnnunciating(m) ? { ...m, active: true, acked: false, latched: false } : { ...m, active: true };
    case 'clear':
      if (!m.active) return m;
      return e.latch && isAnnunciating(m) ? { ...m, active: false, latched: true } : { ...m, active: false };
    case 'acknowledge':
      // ACK in A or C (and in G/H/I) is a no-op; the caller still journals the attempt.
      return isAnnunciating(m) && !m.acked ? { ...m, acked: true } : m;
    case 'reset':
      // F → A only: the condition has cleared and the alarm was acknowledged.
      return isAnnunciating(m) && m.latched && !m.active && m.acked ? { ...m, latched: false } : m;
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
