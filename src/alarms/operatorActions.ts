import type { AlarmEngineState } from './alarmEngineState';
import type { AlarmEvent } from './AlarmStateMachine';
import { armShelve, disarmShelve } from './alarmTimers';
import { formatDuration } from '../format';
import { journalEntry, ruleSubject } from './journalEntry';
import { applyEvent } from './transitions';

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

/** Shelving is bounded: at least 1 s, at most `maxShelveMs` (alarmSettings). */
export function shelve(s: AlarmEngineState, keys: readonly string[], durationMs: number, reason: string): void {
  const ms = Math.max(1000, Math.min(durationMs, s.maxShelveMs));
  const until = s.clock.now() + ms;
  for (const key of keys) {
    const inst = s.instances.get(key);
    if (!inst || inst.m.outOfService) continue;
    inst.shelveReason = reason;
    applyEvent(s, inst, { type: 'shelve', until }, { trigger: 'operator', action: `shelve for ${formatDuration(ms)}`, reason, always: true });
    armShelve(s, inst, ms);
  }
}

export function unshelve(s: AlarmEngineState, keys: readonly string[]): void {
  for (const key of keys) {
    const inst = s.instances.get(key);
    if (!inst || inst.m.shelvedUntil === null) continue;
    disarmShelve(s, inst);
    inst.shelveReason = '';
    applyEvent(s, inst, { type: 'unshelve' }, { trigger: 'operator', action: 'unshelve', always: true });
  }
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
