import { Derivation } from '../series';
import { numberOrUndefined, resolvePath } from '../payload';
import type { CompiledRule } from './compileRule';

/**
 * Counter and aggregate state per rule (issue 15), kept beside the compiled rule rather than in
 * the engine state: a changed rule is compiled anew and its counters start again, like a
 * chart's. One Derivation per rule holds each matching topic as a source, so a wildcard rule
 * with `aggregate` combines them all ("site power above 500 kW") and one without keeps each
 * topic's counter apart.
 */
const derivations = new WeakMap<CompiledRule, Derivation>();

/**
 * The rule's derived value after this payload on `topic` (the series module's pure logic:
 * rate, increase per interval, sum/avg/min/max), or undefined when there is none yet (a rate's
 * first reading, a non-numeric payload).
 */
export function derivedValue(rule: CompiledRule, topic: string, payload: unknown, now: number): number | undefined {
  const spec = rule.derive;
  if (!spec) return undefined;
  const n = numberOrUndefined(rule.path.length === 0 ? payload : resolvePath(payload, rule.path));
  if (n === undefined) return undefined;
  let d = derivations.get(rule);
  if (!d) derivations.set(rule, (d = new Derivation(spec)));
  return d.feed(topic, now, n, now) === 'point' ? d.v : undefined;
}

/** The topic an instance of the rule is kept under: the filter itself for an aggregate (one instance). */
export function derivedInstanceTopic(rule: CompiledRule, topic: string): string {
  return rule.derive?.aggregate ? rule.topic : topic;
}
