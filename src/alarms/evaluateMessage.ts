import { numberOrUndefined as toNumber, resolvePath } from '../payload';
import { instanceKey, scalarValue, type AlarmInstance } from './AlarmInstance';
import { NO_MATCH, type AlarmEngineState, type TopicEntry } from './alarmEngineState';
import { armStale, setRaw } from './alarmTimers';
import type { CompiledRule } from './compileRule';
import { evaluateCondition, suppressionHolds } from './evaluateCondition';
import { derivedInstanceTopic, derivedValue } from './derivedValue';
import { createInstance, MAX_INSTANCES } from './instances';
import { feedProbes } from './ruleProbes';
import { settlePendingAck } from './remoteActions';
import { applyEvent } from './transitions';

/** Topics remembered as "no rule matches" before the cache is reset (bounds memory with many topics). */
const MAX_NEGATIVE_CACHE = 200_000;

/**
 * The hot path: one message against every rule that matches its topic. Rules are found through
 * the RuleIndex once per topic and cached, so the cost per message does not grow with the
 * number of rules; a topic no rule matches costs one Map lookup.
 */
export function evaluateMessage(s: AlarmEngineState, connectionId: string, topic: string, json: unknown, text: string | undefined, now: number): void {
  const payload = json !== undefined ? json : text;
  if (s.probes.length) feedProbes(s, connectionId, topic, payload, now);
  if (s.suppressByTopic.size) {
    const sup = s.suppressByTopic.get(topic);
    if (sup) feedSuppression(s, sup, connectionId, payload);
  }
  let entry = s.cache.get(topic);
  if (entry === undefined) entry = fillCache(s, topic);
  if (entry === NO_MATCH) return;
  const { rules, insts } = entry;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (rule.connection !== undefined && rule.connection !== connectionId) continue;
    let derived: number | undefined;
    if (rule.derive) {
      derived = derivedValue(rule, topic, payload, now);
      if (derived === undefined) continue;
    }
    let inst = insts[i];
    if (inst === undefined) {
      const instTopic = derivedInstanceTopic(rule, topic);
      inst = s.instances.get(instanceKey(rule.id, instTopic));
      if (inst === undefined) {
        if (s.instances.size >= MAX_INSTANCES) {
          s.droppedInstances++;
          s.summaryDirty = true;
          continue;
        }
        inst = createInstance(s, rule, instTopic, connectionId, now);
      }
      insts[i] = inst;
    }
    feed(s, inst, connectionId, payload, now, derived);
    if (s.pendingRemote.size !== 0) settlePendingAck(s, inst);
  }
}

function fillCache(s: AlarmEngineState, topic: string): TopicEntry {
  const rules = s.index.match(topic);
  if (rules.length === 0) {
    if (++s.negatives > MAX_NEGATIVE_CACHE) {
      s.cache.clear();
      s.negatives = 0;
    }
    s.cache.set(topic, NO_MATCH);
    return NO_MATCH;
  }
  const entry: TopicEntry = { rules, insts: rules.map(() => undefined) };
  s.cache.set(topic, entry);
  return entry;
}

/**
 * One payload into one instance: latest value, then the condition (stale, rate, limits, state).
 * `derived`: the rule's transformed/aggregated value, judged instead of the payload's.
 */
function feed(s: AlarmEngineState, inst: AlarmInstance, connectionId: string, payload: unknown, now: number, derived?: number): void {
  const rule = inst.rule;
  inst.connectionId = connectionId;
  inst.lastAt = now;
  inst.lastPayload = payload;
  const raw = derived !== undefined ? derived : rule.path.length === 0 ? payload : resolvePath(payload, rule.path);
  const shown = scalarValue(raw);
  if (shown !== undefined) {
    inst.value = shown;
    inst.valueAt = now;
    const unit = derived === undefined && rule.path.length === 1 && payload !== null && typeof payload === 'object' ? (payload as { unit?: unknown }).unit : undefined;
    if (typeof unit === 'string' && unit.length <= 16) inst.unit = unit;
    if (inst.sent) s.valueDirty.add(inst);
  }
  if (rule.condition === 'stale') {
    if (inst.staleTimer === null) armStale(s, inst);
    setRaw(s, inst, false);
    return;
  }
  let input: unknown = raw;
  if (rule.condition === 'rate-above' || rule.condition === 'rate-below') {
    const n = toNumber(raw);
    if (n === undefined || now <= inst.prevAt) return;
    input = inst.prevAt < 0 ? undefined : ((n - inst.prevNum) * 1000) / (now - inst.prevAt);
    inst.prevNum = n;
    inst.prevAt = now;
  }
  const c = evaluateCondition(rule, input, inst.raw);
  if (c !== undefined) setRaw(s, inst, c);
}

/** Suppression by design (`suppressWhen`): a condition on another topic holds or ends. */
function feedSuppression(s: AlarmEngineState, rules: readonly CompiledRule[], connectionId: string, payload: unknown): void {
  for (const rule of rules) {
    const sup = rule.suppress!;
    if (sup.connection !== undefined && sup.connection !== connectionId) continue;
    const holds = suppressionHolds(sup, sup.path.length === 0 ? payload : resolvePath(payload, sup.path));
    if (holds === undefined || (s.suppressed.get(rule.id) ?? false) === holds) continue;
    s.suppressed.set(rule.id, holds);
    s.rulesDirty = true;
    for (const inst of s.byRule.get(rule.id) ?? []) {
      applyEvent(s, inst, { type: holds ? 'suppress' : 'unsuppress' }, { trigger: 'process', action: holds ? 'suppressed by design' : 'suppression ended' });
    }
  }
}
