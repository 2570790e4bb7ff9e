import { newInstance, type AlarmInstance } from './AlarmInstance';
import type { AlarmEngineState } from './alarmEngineState';
import { stateOf } from './AlarmStateMachine';
import { armStale, disarmAll } from './alarmTimers';
import type { CompiledRule } from './compileRule';
import { applyPendingRemote } from './remoteActions';
import { afterChange } from './transitions';

/** Alarm instances (a `#` rule on a busy broker makes one per topic); beyond this, new ones are counted, not created. */
export const MAX_INSTANCES = 100_000;

/** A new instance of `rule` on `topic`; it starts out of service or suppressed if its rule is. */
export function createInstance(s: AlarmEngineState, rule: CompiledRule, topic: string, connectionId: string, now: number): AlarmInstance {
  const inst = newInstance(rule, topic, connectionId, now);
  // A rule added (or a topic first seen) while its source is bad quality starts out flagged.
  const bad = s.badTopics.get(topic);
  if (bad && (connectionId === '' || bad.connectionId === connectionId)) inst.badQuality = bad.reason;
  if (s.outOfService.has(rule.id)) inst.m = { ...inst.m, outOfService: true };
  if (s.suppressed.get(rule.id)) inst.m = { ...inst.m, suppressed: true };
  s.instances.set(inst.key, inst);
  let set = s.byRule.get(rule.id);
  if (!set) s.byRule.set(rule.id, (set = new Set()));
  set.add(inst);
  if (rule.condition === 'stale') armStale(s, inst);
  s.rulesDirty = true;
  if (stateOf(inst.m) !== 'normal') afterChange(s, inst);
  // A restored instance takes other screens' actions after its stored state (attachOrphans).
  if (!s.orphans.has(inst.key)) applyPendingRemote(s, inst, false);
  return inst;
}

/** Forgets an instance (its rule went or no longer matches): timers, UI, stored state. */
export function dropInstance(s: AlarmEngineState, inst: AlarmInstance): void {
  disarmAll(s, inst);
  s.instances.delete(inst.key);
  s.byRule.get(inst.rule.id)?.delete(inst);
  s.visible.delete(inst);
  s.dirty.delete(inst);
  s.valueDirty.delete(inst);
  s.chattering.delete(inst);
  if (inst.sent) s.removed.add(inst.key);
  s.listener.persist(inst.key, null);
  s.summaryDirty = true;
  s.rulesDirty = true;
}
