import { compileFilter } from '../topics';
import { valueText, scalarValue, type AlarmInstance } from './AlarmInstance';
import { compileRule, type CompiledRule } from './compileRule';
import { evaluateCondition } from './evaluateCondition';
import { resolvePath } from '../payload';
import type { RuleTestResult } from './types';

/** A test waiting for the next message on a matching topic. */
export interface RuleProbe {
  readonly reqId: number;
  readonly expiresAt: number;
  matches(connectionId: string, topic: string): boolean;
  evaluate(topic: string, payload: unknown, now: number): RuleTestResult;
}

const PROBE_MS = 30_000;

/**
 * Evaluates an edited rule against the newest payload already seen on a matching topic, or
 * returns a probe for the next one. Delays and the deadband's memory are ignored: this answers
 * "would this value be in alarm?".
 */
export function testRule(
  reqId: number,
  config: unknown,
  instances: Iterable<AlarmInstance>,
  now: number,
): RuleTestResult | { probe: RuleProbe; waiting: RuleTestResult } {
  const compiled = compileRule(config);
  if (!compiled.ok) {
    return { reqId, outcome: 'invalid', text: compiled.errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ') };
  }
  const rule = compiled.rule;
  const matcher = compileFilter(rule.topic);
  const connOk = (c: string) => rule.connection === undefined || rule.connection === c;
  let best: AlarmInstance | undefined;
  for (const inst of instances) {
    if (inst.lastPayload === undefined || !connOk(inst.connectionId) || !matcher(inst.topic)) continue;
    if (!best || inst.lastAt > best.lastAt) best = inst;
  }
  if (best) return evaluate(reqId, rule, best.topic, best.lastPayload, best.lastAt, now);
  return {
    probe: {
      reqId,
      expiresAt: now + PROBE_MS,
      matches: (c, topic) => connOk(c) && matcher(topic),
      evaluate: (topic, payload, at) => evaluate(reqId, rule, topic, payload, at, at),
    },
    waiting: { reqId, outcome: 'waiting', text: `No value seen yet on ${rule.topic}; waiting up to 30 s for the next message…` },
  };
}

function evaluate(reqId: number, rule: CompiledRule, topic: string, payload: unknown, at: number, now: number): RuleTestResult {
  const raw = rule.path.length === 0 ? payload : resolvePath(payload, rule.path);
  const value = scalarValue(raw) ?? null;
  const base = { reqId, outcome: 'value' as const, topic, value, valueAt: at };
  if (rule.condition === 'stale') {
    const age = now - at;
    const stale = age >= rule.staleAfterMs;
    return { ...base, conditionTrue: stale, text: `Last message on ${topic} ${Math.round(age / 1000)} s ago: ${stale ? 'would be in alarm (stale)' : 'not stale'}.` };
  }
  if (rule.condition === 'rate-above' || rule.condition === 'rate-below') {
    return { ...base, text: `Value ${valueText(value)} on ${topic}. A rate of change needs two messages; it is evaluated live.` };
  }
  if (raw === undefined) return { ...base, text: `The payload on ${topic} has nothing at path "${rule.path.join('.')}".` };
  const c = evaluateCondition(rule, raw, false);
  if (c === undefined) return { ...base, text: `Value ${JSON.stringify(raw)?.slice(0, 80)} on ${topic} cannot be compared with ${rule.limit}.` };
  return { ...base, conditionTrue: c, text: `Value ${valueText(value)} on ${topic}: ${c ? 'would be in alarm' : 'normal'} (${rule.limit}).` };
}
