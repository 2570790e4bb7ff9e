import type { AlarmInstance } from './AlarmInstance';
import type { AlarmEngineState, PendingRemote } from './alarmEngineState';
import { acknowledge, reset, shelveRemote } from './operatorActions';

// Shelves, resets and snapshot acknowledgements taken from other screens (AlarmSharing). An alarm
// this screen has no instance for yet (no message on its topic so far, rules or stored states not
// loaded yet) keeps the action pending, bounded, and it is applied when the instance appears.

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

/**
 * An acknowledgement from a snapshot, made at `at` by another screen: it applies to the activation
 * standing then, so only to an instance active (or latched) since before `at`; a newer activation
 * needs its own. Like resets, this assumes the screens' clocks agree. An instance not created yet
 * keeps it pending until its first message says what stands (settlePendingAck).
 */
export function remoteAcknowledge(s: AlarmEngineState, key: string, at: number, station: string): void {
  const inst = s.instances.get(key);
  if (!inst) return addPending(s, key, { ack: { at, station } });
  if (!inst.m.acked && inst.since <= at) acknowledge(s, [key], 'remote', station);
}

/**
 * After a new instance's first message: a screen that joined late cannot know when an activation it
 * sees on arrival began, and the snapshot's acknowledgement is the latest word on it (screens drop
 * an ack from their snapshots once the alarm activates again), so it is taken. An instance found
 * normal drops it: the next activation is a new one. A condition waiting out its on-delay keeps it.
 */
export function settlePendingAck(s: AlarmEngineState, inst: AlarmInstance): void {
  const ack = s.pendingRemote.get(inst.key)?.ack;
  if (!ack) return;
  if (!inst.m.active && !inst.m.latched && inst.raw) return;
  takePending(s, inst.key, 'ack');
  if (!inst.m.acked) acknowledge(s, [inst.key], 'remote', ack.station);
}

function takePending(s: AlarmEngineState, key: string, what: keyof PendingRemote): void {
  const entry = s.pendingRemote.get(key);
  if (!entry) return;
  const rest = { ...entry };
  delete rest[what];
  if (rest.shelve || rest.reset || rest.ack) s.pendingRemote.set(key, rest);
  else s.pendingRemote.delete(key);
}

function addPending(s: AlarmEngineState, key: string, add: PendingRemote): void {
  const entry = s.pendingRemote.get(key) ?? {};
  s.pendingRemote.delete(key);
  s.pendingRemote.set(key, { ...entry, ...add });
  if (s.pendingRemote.size > MAX_PENDING_REMOTE) s.pendingRemote.delete(s.pendingRemote.keys().next().value as string);
}

/**
 * A new (or just restored) instance takes what other screens did to it meanwhile. A new one keeps
 * a pending acknowledgement for its first message (settlePendingAck); a restored one knows when
 * its activation began, and is judged like any other.
 */
export function applyPendingRemote(s: AlarmEngineState, inst: AlarmInstance, restored: boolean): void {
  const p = s.pendingRemote.get(inst.key);
  if (!p) return;
  s.pendingRemote.delete(inst.key);
  if (p.ack && !restored) s.pendingRemote.set(inst.key, { ack: p.ack });
  if (p.reset) remoteReset(s, inst.key, p.reset.at, p.reset.station);
  if (p.ack && restored) remoteAcknowledge(s, inst.key, p.ack.at, p.ack.station);
  if (p.shelve) remoteShelve(s, inst.key, p.shelve.until, p.shelve.reason, p.shelve.station, false);
}
