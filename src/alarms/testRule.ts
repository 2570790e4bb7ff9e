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
/** A wildcard rule's test lists at most this many topics (newest first), then counts the rest. */
const MAX_LISTED = 20;

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
    const text = compiled.errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ');
    return { reqId, outcome: 'invalid', text, message: { code: 'invalid', problems: compiled.errors } };
  }
  const rule = compiled.rule;
  const matcher = compileFilter(rule.topic);
  const connOk = (c: string) => rule.connection === undefined || rule.connection === c;
  // A wildcard rule is tested on every matching topic, not only the newest (issue 16 #5).
  const newest = new Map<string, AlarmInstance>();
  for (const inst of instances) {
    if (inst.lastPayload === undefined || !connOk(inst.connectionId) || !matcher(inst.topic)) continue;
    const key = `${inst.connectionId}\u0000${inst.topic}`;
    const seen = newest.get(key);
    if (!seen || inst.lastAt > seen.lastAt) newest.set(key, inst);
  }
  const found = [...newest.values()].sort((a, b) => b.lastAt - a.lastAt);
  if (found.length === 1) return evaluate(reqId, rule, found[0].topic, found[0].lastPayload, found[0].lastAt, now);
  if (found.length > 1) return combine(found.map((i) => evaluate(reqId, rule, i.topic, i.lastPayload, i.lastAt, now)));
  return {
    probe: {
      reqId,
      expiresAt: now + PROBE_MS,
      matches: (c, topic) => connOk(c) && matcher(topic),
      evaluate: (topic, payload, at) => evaluate(reqId, rule, topic, payload, at, at),
    },
    waiting: { reqId, outcome: 'waiting', text: `No value seen yet on ${rule.topic}; waiting up to 30 s for the next message…`, message: { code: 'waiting', topic: rule.topic } },
  };
}

/** One answer for many topics: a count of those in alarm, then a line per topic. */
function combine(results: readonly RuleTestResult[]): RuleTestResult {
  const inAlarm = results.filter((r) => r.conditionTrue).length;
  const shown = results.slice(0, MAX_LISTED);
  const more = results.length - shown.length;
  const listed = shown.map((r) => r.text);
  if (more > 0) listed.push(`…and ${more} more topics.`);
  const lines = shown.flatMap((r) => (r.message ? [r.message] : []));
  return {
    ...results[0],
    conditionTrue: inAlarm > 0,
    text: [`${results.length} matching topics, ${inAlarm} would be in alarm:`, ...listed].join('\n'),
    message: { code: 'many', count: results.length, inAlarm, more, lines },
  };
}

function evaluate(reqId: number, rule: CompiledRule, topic: string, payload: unknown, at: number, now: number): RuleTestResult {
  const raw = rule.path.length === 0 ? payload : resolvePath(payload, rule.path);
  const value = scalarValue(raw) ?? null;
  const base = { reqId, outcome: 'value' as const, topic, value, valueAt: at };
  if (rule.condition === 'stale') {
    const age = now - at;
    const stale = age >= rule.staleAfterMs;
    const ageS = Math.round(age / 1000);
    return { ...base, conditionTrue: stale, text: `Last message on ${topic} ${ageS} s ago: ${stale ? 'would be in alarm (stale)' : 'not stale'}.`, message: { code: 'stale', topic, ageS, stale } };
  }
  if (rule.condition === 'rate-above' || rule.condition === 'rate-below') {
    return { ...base, text: `Value ${valueText(value)} on ${topic}. A rate of change needs two messages; it is evaluated live.`, message: { code: 'rate', topic, value: valueText(value) } };
  }
  if (raw === undefined) return { ...base, text: `The payload on ${topic} has nothing at path "${rule.path.join('.')}".`, message: { code: 'no-path', topic, path: rule.path.join('.') } };
  const c = evaluateCondition(rule, raw, false);
  if (c === undefined) {
    const shown = JSON.stringify(raw)?.slice(0, 80) ?? '';
    return { ...base, text: `Value ${shown} on ${topic} cannot be compared with ${rule.limit}.`, message: { code: 'not-comparable', topic, value: shown, limit: rule.limit } };
  }
  const message = { code: 'value', topic, value: valueText(value), inAlarm: c, limit: rule.limit } as const;
  return { ...base, conditionTrue: c, text: `Value ${valueText(value)} on ${topic}: ${c ? 'would be in alarm' : 'normal'} (${rule.limit}).`, message };
}
