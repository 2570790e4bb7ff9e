import type { AlarmEngineState } from './alarmEngineState';
import type { AlarmEvent } from './AlarmStateMachine';
import { armShelve, disarmShelve } from './alarmTimers';
import { formatDuration } from '../format';
import { journalEntry, ruleSubject } from './journalEntry';
import { applyEvent, type ActionMeta } from './transitions';

// Operator actions (ISA-18.2 §11: acknowledge, shelve, out of service). Operator attempts are
// journalled even when they change nothing ("(no change)"), as an audit of who did what.

/** Acknowledges; returns the keys that were unacknowledged (for sharing with other screens). */
export function acknowledge(s: AlarmEngineState, keys: readonly string[], trigger: 'operator' | 'remote', station: string): string[] {
  const done: string[] = [];
  for (const key of keys) {
    const inst = s.instances.get(key);
    if (!inst) continue;
    const wasUnacked = !inst.m.acked;
    applyEvent(s, inst, { type: 'acknowledge' }, { trigger, action: 'acknowledge', station, always: trigger === 'operator' });
    if (wasUnacked && inst.m.acked) done.push(key);
  }
  return done;
}

/**
 * Resets latched alarms (F → A). A local operator must have acknowledged first (the state
 * machine refuses E; the attempt is journalled). A remote screen's reset implies its operator
 * acknowledged there, so it acknowledges here too. Returns the keys that were reset.
 */
export function reset(s: AlarmEngineState, keys: readonly string[], trigger: 'operator' | 'remote', station: string): string[] {
  const done: string[] = [];
  for (const key of keys) {
    const inst = s.instances.get(key);
    if (!inst) continue;
    if (trigger === 'remote' && !inst.m.latched) continue;
    if (trigger === 'remote' && !inst.m.acked) applyEvent(s, inst, { type: 'acknowledge' }, { trigger, action: 'acknowledge', station });
    const was = inst.m.latched;
    applyEvent(s, inst, { type: 'reset' }, { trigger, action: 'reset', station, always: trigger === 'operator' });
    if (was && !inst.m.latched) done.push(key);
  }
  return done;
}

/** One shelve, as done here or taken from another screen (AlarmSharing): expiry is an absolute time. */
export interface ShelveDone {
  readonly key: string;
  readonly until: number;
  readonly reason: string;
}

/**
 * Shelving is bounded: at least 1 s, at most `maxShelveMs` (alarmSettings). Returns what was
 * shelved, with the absolute expiry, so other screens expire it at the same moment.
 */
export function shelve(s: AlarmEngineState, keys: readonly string[], durationMs: number, reason: string): ShelveDone[] {
  const ms = Math.max(1000, Math.min(durationMs, s.maxShelveMs));
  const until = s.clock.now() + ms;
  const done: ShelveDone[] = [];
  for (const key of keys) {
    if (shelveUntil(s, key, until, reason, { trigger: 'operator', action: `shelve for ${formatDuration(ms)}`, reason, always: true })) done.push({ key, until, reason });
  }
  return done;
}

/**
 * Another screen's shelve: until the same absolute time (clamped to this screen's own bound);
 * one already past, or already applied, changes nothing. Returns whether it shelved.
 */
export function shelveRemote(s: AlarmEngineState, key: string, until: number, reason: string, station: string): boolean {
  const now = s.clock.now();
  const at = Math.min(until, now + s.maxShelveMs);
  const inst = s.instances.get(key);
  if (at <= now || !inst || inst.m.shelvedUntil === at) return false;
  return shelveUntil(s, key, at, reason, { trigger: 'remote', action: `shelve for ${formatDuration(at - now)}`, reason, station });
}

function shelveUntil(s: AlarmEngineState, key: string, until: number, reason: string, meta: ActionMeta): boolean {
  const inst = s.instances.get(key);
  if (!inst || inst.m.outOfService) return false;
  inst.shelveReason = reason;
  applyEvent(s, inst, { type: 'shelve', until }, meta);
  armShelve(s, inst, until - s.clock.now());
  return true;
}

/** Returns the keys that were shelved and are not any more. */
export function unshelve(s: AlarmEngineState, keys: readonly string[], trigger: 'operator' | 'remote' = 'operator', station = s.station): string[] {
  const done: string[] = [];
  for (const key of keys) {
    const inst = s.instances.get(key);
    if (!inst || inst.m.shelvedUntil === null) continue;
    disarmShelve(s, inst);
    inst.shelveReason = '';
    applyEvent(s, inst, { type: 'unshelve' }, { trigger, action: 'unshelve', station, always: trigger === 'operator' });
    done.push(key);
  }
  return done;
}

/** Out of service is per rule (maintenance): every instance, present and future. */
export function setService(s: AlarmEngineState, ruleId: string, inService: boolean, reason: string): void {
  const rule = s.rules.get(ruleId);
  if (!rule || s.outOfService.has(ruleId) === !inService) return;
  if (inService) s.outOfService.delete(ruleId);
  else s.outOfService.set(ruleId, reason);
  s.listener.persistService(ruleId, inService ? null : reason);
  const event: AlarmEvent = inService ? { type: 'return-to-service' } : { type: 'remove-from-service' };
  const insts = s.byRule.get(ruleId) ?? new Set();
  for (const inst of insts) applyEvent(s, inst, event, { trigger: 'operator', action: event.type, reason, always: true });
  if (insts.size === 0) {
    // No instance to carry the entry: journal it against the rule.
    s.listener.journal(journalEntry(ruleSubject(ruleId, rule), { at: s.clock.now(), kind: 'action', action: event.type, trigger: 'operator', reason, station: s.station }));
  }
  s.rulesDirty = true;
  s.listener.wake();
}
