import { instanceKey, type PersistedInstance } from './AlarmInstance';
import { markDirty, type AlarmEngineState } from './alarmEngineState';
import { armShelve, armStale, disarmStale } from './alarmTimers';
import { compileRule, type CompiledRule } from './compileRule';
import { createInstance, dropInstance } from './instances';
import { journalEntry, ruleSubject } from './journalEntry';
import { applyPendingRemote } from './remoteActions';
import { RuleIndex } from './RuleIndex';
import { afterChange, applyEvent } from './transitions';

export interface RuleProblem {
  readonly ruleId: string;
  readonly error: string;
}

/** Persisted states from the last session; attached to instances as rules arrive. */
export function restoreStates(s: AlarmEngineState, records: readonly PersistedInstance[], outOfService: readonly { ruleId: string; reason: string }[]): void {
  for (const r of records) s.orphans.set(r.key, r);
  for (const o of outOfService) s.outOfService.set(o.ruleId, o.reason);
  if (s.rulesLoaded) attachOrphans(s);
}

/** Replaces the rule set; returns the problems of rules that were skipped. */
export function setRules(s: AlarmEngineState, configs: readonly unknown[]): RuleProblem[] {
  const now = s.clock.now();
  const { next, nextConfigs, errors } = compileRules(configs);
  if (s.rulesLoaded) journalRuleChanges(s, nextConfigs, next, now);
  s.rules = next;
  s.ruleConfigs = nextConfigs;
  s.index = new RuleIndex(next.values());
  s.cache.clear();
  s.negatives = 0;
  s.suppressByTopic = new Map();
  for (const rule of next.values()) {
    if (!rule.suppress) continue;
    const list = s.suppressByTopic.get(rule.suppress.topic);
    if (list) list.push(rule);
    else s.suppressByTopic.set(rule.suppress.topic, [rule]);
  }
  for (const id of [...s.suppressed.keys()]) if (!next.get(id)?.suppress) s.suppressed.delete(id);
  for (const id of [...s.outOfService.keys()]) {
    if (!next.has(id)) {
      s.outOfService.delete(id);
      s.listener.persistService(id, null);
    }
  }
  // Existing instances follow their rule's new settings, or go with it.
  for (const inst of [...s.instances.values()]) {
    const rule = next.get(inst.rule.id);
    if (!rule || !ruleMatches(s, rule, inst.topic)) {
      dropInstance(s, inst);
      continue;
    }
    const wasStale = inst.rule.condition === 'stale';
    inst.rule = rule;
    if (wasStale && rule.condition !== 'stale') disarmStale(s, inst);
    if (rule.condition === 'stale' && inst.staleTimer === null) armStale(s, inst);
    markDirty(s, inst);
  }
  s.rulesLoaded = true;
  attachOrphans(s);
  // An exact-topic stale rule watches its topic from now on, even if nothing ever arrives.
  for (const rule of next.values()) {
    if (rule.condition === 'stale' && !rule.wildcard && !s.instances.has(instanceKey(rule.id, rule.topic))) {
      createInstance(s, rule, rule.topic, rule.connection ?? '', now);
    }
  }
  s.rulesDirty = true;
  s.summaryDirty = true;
  s.listener.wake();
  return errors;
}

/** Compiles the enabled rules, keyed by id; invalid and duplicate ones become problems. */
export function compileRules(configs: readonly unknown[]): { next: Map<string, CompiledRule>; nextConfigs: Map<string, string>; errors: RuleProblem[] } {
  const errors: RuleProblem[] = [];
  const next = new Map<string, CompiledRule>();
  const nextConfigs = new Map<string, string>();
  configs.forEach((config, i) => {
    const id = typeof (config as { id?: unknown })?.id === 'string' ? (config as { id: string }).id : `#${i + 1}`;
    const result = compileRule(config);
    if (!result.ok) return errors.push({ ruleId: id, error: result.errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ') });
    if (next.has(id)) return errors.push({ ruleId: id, error: 'id is used twice; the later rule is skipped' });
    if (!result.rule.enabled) return;
    next.set(id, result.rule);
    nextConfigs.set(id, JSON.stringify(config));
  });
  return { next, nextConfigs, errors };
}

function ruleMatches(s: AlarmEngineState, rule: CompiledRule, topic: string): boolean {
  return rule.wildcard ? s.index.match(topic).includes(rule) : rule.topic === topic;
}

/** Rule edits are operator actions: journal each added, changed and removed rule. */
function journalRuleChanges(s: AlarmEngineState, nextConfigs: Map<string, string>, next: Map<string, CompiledRule>, now: number): void {
  const note = (rule: CompiledRule | undefined, id: string, action: string, reason: string) =>
    s.listener.journal(journalEntry(ruleSubject(id, rule), { at: now, kind: 'action', action, trigger: 'operator', reason, station: s.station }));
  for (const [id, text] of nextConfigs) {
    const old = s.ruleConfigs.get(id);
    if (old === undefined) note(next.get(id), id, 'rule added', '');
    else if (old !== text) note(next.get(id), id, 'rule changed', describeChange(old, text));
  }
  for (const id of s.ruleConfigs.keys()) if (!nextConfigs.has(id)) note(s.rules.get(id), id, 'rule removed or disabled', '');
}

/** Restored states whose rule exists become instances again; the rest are forgotten. */
function attachOrphans(s: AlarmEngineState): void {
  const now = s.clock.now();
  for (const record of s.orphans.values()) {
    const rule = s.rules.get(record.ruleId);
    if (!rule || !ruleMatches(s, rule, record.topic)) {
      s.listener.persist(record.key, null);
      continue;
    }
    const inst = s.instances.get(record.key) ?? createInstance(s, rule, record.topic, record.connectionId, now);
    inst.m = { ...inst.m, active: record.active, acked: record.acked, shelvedUntil: record.shelvedUntil, latched: record.latched === true };
    inst.raw = record.active;
    inst.since = record.since;
    inst.stateSince = record.stateSince;
    inst.value = record.value;
    inst.unit = record.unit ?? '';
    inst.valueAt = record.valueAt;
    inst.shelveReason = record.shelveReason;
    if (record.shelvedUntil !== null) {
      if (record.shelvedUntil <= now) applyEvent(s, inst, { type: 'shelve-expired' }, { trigger: 'timer', action: 'shelve expired' });
      else armShelve(s, inst, record.shelvedUntil - now);
    }
    afterChange(s, inst);
    applyPendingRemote(s, inst, true);
  }
  s.orphans.clear();
}

/** "setpoint 80 → 85, priority high → critical" from two rule documents. */
export function describeChange(oldText: string, newText: string): string {
  const a = JSON.parse(oldText) as Record<string, unknown>;
  const b = JSON.parse(newText) as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const parts: string[] = [];
  for (const k of keys) {
    const x = JSON.stringify(a[k]);
    const y = JSON.stringify(b[k]);
    if (x !== y) parts.push(`${k} ${x ?? '(none)'} → ${y ?? '(none)'}`);
  }
  return parts.join(', ');
}
