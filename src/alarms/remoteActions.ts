import type { AlarmInstance } from './AlarmInstance';
import type { AlarmEngineState, PendingRemote } from './alarmEngineState';
import { reset, shelveRemote } from './operatorActions';

// Shelves and resets taken from other screens (AlarmSharing). An alarm this screen has no
// instance for yet (no message on its topic so far, rules or stored states not loaded yet) keeps
// the action pending, bounded, and it is applied when the instance appears.

/** Remote actions kept for instances that do not exist yet; the oldest go first beyond this. */
export const MAX_PENDING_REMOTE = 1000;


/**
 * Another screen's shelve. `fillOnly` (a snapshot for late joiners): only an alarm not shelved
 * here is shelved, so an older snapshot never overrides an action this screen already took.
 */
export function remoteShelve(s: AlarmEngineState, key: string, until: number, reason: string, station: string, fillOnly: boolean): void {
  if (until <= s.clock.now()) return;
  const inst = s.instances.get(key);
  if (!inst) return addPending(s, key, { shelve: { until, reason, station } });
  if (fillOnly && inst.m.shelvedUntil !== null) return;
  shelveRemote(s, key, until, reason, station);
}

/**
 * Another screen's reset at `at`: applies to a latch that began before it (a newer activation
 * latched again since, and needs its own reset). Live events pass Infinity; only snapshot
 * entries compare times, which assumes the screens' clocks agree (as shelve expiry does).
 */
export function remoteReset(s: AlarmEngineState, key: string, at: number, station: string): void {
  const inst = s.instances.get(key);
  if (!inst) return addPending(s, key, { reset: { at, station } });
  if (inst.m.latched && inst.since <= at) reset(s, [key], 'remote', station);
}

function addPending(s: AlarmEngineState, key: string, add: PendingRemote): void {
  const entry = s.pendingRemote.get(key) ?? {};
  s.pendingRemote.delete(key);
  s.pendingRemote.set(key, { ...entry, ...add });
  if (s.pendingRemote.size > MAX_PENDING_REMOTE) s.pendingRemote.delete(s.pendingRemote.keys().next().value as string);
}

/** A new (or just restored) instance takes what other screens did to it meanwhile. */
export function applyPendingRemote(s: AlarmEngineState, inst: AlarmInstance): void {
  const p = s.pendingRemote.get(inst.key);
  if (!p) return;
  s.pendingRemote.delete(inst.key);
  if (p.reset) remoteReset(s, inst.key, p.reset.at, p.reset.station);
  if (p.shelve) remoteShelve(s, inst.key, p.shelve.until, p.shelve.reason, p.shelve.station, false);
}
