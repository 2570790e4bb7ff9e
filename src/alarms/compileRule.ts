import * as v from 'valibot';
import { AlarmRuleSchema, type AlarmRuleConfig } from '../config';
import { isValidFilter, isValidTopicName, isWildcardFilter } from '../topics';
import { compilePath, type CompiledPath } from '../payload';
import { parseInterval, type DerivationSpec } from '../series';
import type { AlarmCondition, Priority, RuleProblem } from './types';

type SuppressCondition = 'above' | 'below' | 'equal' | 'not-equal';

export interface CompiledSuppression {
  readonly connection: string | undefined;
  readonly topic: string;
  readonly path: CompiledPath;
  readonly condition: SuppressCondition;
  readonly value: number | string | boolean;
}

/** A rule ready for the hot path: paths parsed, setpoint split by kind, texts defaulted. */
export interface CompiledRule {
  readonly id: string;
  readonly name: string;
  readonly connection: string | undefined;
  readonly topic: string;
  readonly wildcard: boolean;
  readonly path: CompiledPath;
  readonly condition: AlarmCondition;
  /** Numeric setpoint (NaN when the setpoint is text). */
  readonly setNum: number;
  /** Text form of the setpoint for equal / not-equal / state. */
  readonly setText: string;
  readonly states: ReadonlySet<string> | null;
  readonly deadband: number;
  readonly onDelayMs: number;
  readonly offDelayMs: number;
  readonly staleAfterMs: number;
  readonly priority: Priority;
  readonly enabled: boolean;
  /** Stays after its condition clears until reset (ISA-18.2 E/F). */
  readonly latch: boolean;
  readonly message: string;
  readonly consequence: string;
  readonly action: string;
  readonly suppress: CompiledSuppression | null;
  /** Human summary of the limit, e.g. "> 80 (deadband 2)", "sum rate > 500". */
  readonly limit: string;
  /**
   * Counter transform and/or aggregate (issue 15): the condition is judged on the derived
   * value. With `aggregate` a wildcard rule has ONE instance (on the rule's topic filter).
   */
  readonly derive: DerivationSpec | null;
}

export interface RuleError {
  /** The rule field the problem is about ('' for the rule as a whole). */
  readonly field: string;
  /** English text (logs, the config error list, the CSV); the UI says `problem` in its language when given. */
  readonly message: string;
  readonly problem?: RuleProblem;
}

export type CompileResult = { ok: true; rule: CompiledRule } | { ok: false; errors: RuleError[] };

const NUMERIC: ReadonlySet<AlarmCondition> = new Set(['above', 'below', 'rate-above', 'rate-below']);

/** Validates a rule (the config format) and compiles it. Every problem is listed by field. */
export function compileRule(input: unknown): CompileResult {
  const parsed = v.safeParse(AlarmRuleSchema, input);
  const errors: RuleError[] = parsed.success
    ? []
    : parsed.issues.map((issue) => ({ field: issue.path?.map((p) => String(p.key)).join('.') ?? '', message: issue.message }));
  // The semantic checks run on the raw input too, so the editor shows every problem at once.
  const r = (parsed.success ? parsed.output : input) as Partial<AlarmRuleConfig>;
  if (typeof r !== 'object' || r === null) return { ok: false, errors };
  const has = (field: string) => errors.some((e) => e.field === field);
  const add = (field: string, message: string, problem?: RuleProblem) => has(field) || errors.push({ field, message, ...(problem && { problem }) });
  if (typeof r.topic === 'string' && r.topic && !isValidFilter(r.topic)) add('topic', 'must be a valid MQTT topic or filter (+ and # only as whole levels, # last)', { code: 'topic-filter' });
  const path = compilePath(typeof r.path === 'string' ? r.path : '');
  if ('error' in path) add('path', path.error);
  const setNum = typeof r.setpoint === 'number' ? r.setpoint : typeof r.setpoint === 'string' && r.setpoint.trim() !== '' ? Number(r.setpoint) : NaN;
  const condition = r.condition as AlarmCondition;
  if (NUMERIC.has(condition) && !Number.isFinite(setNum)) add('setpoint', `must be a number for "${condition}"`, { code: 'number-for', condition });
  if ((condition === 'equal' || condition === 'not-equal') && (r.setpoint === undefined || r.setpoint === '')) add('setpoint', `is required for "${condition}"`, { code: 'required-for', condition });
  if (condition === 'state' && (r.setpoint === undefined || r.setpoint === '') && !r.states?.length) add('setpoint', 'give the state text to match (e.g. FAULT)', { code: 'state-text' });
  if (condition === 'stale' && r.staleAfterMs === undefined) add('staleAfterMs', 'is required for "stale"', { code: 'required-for', condition: 'stale' });
  if (typeof r.interval === 'string' && !parseInterval(r.interval)) add('interval', 'must divide a day (15m, 1h, 8h…) or be days or weeks (1d, 1w)', { code: 'interval' });
  if ((r.transform || r.aggregate) && (condition === 'stale' || condition === 'state')) add('condition', `"${condition}" does not apply to a transformed or aggregated value`, { code: 'not-for-derived', condition });
  let suppress: CompiledSuppression | null = null;
  const s = r.suppressWhen;
  if (s && typeof s === 'object') {
    const sPath = compilePath(typeof s.path === 'string' ? s.path : '');
    if (typeof s.topic !== 'string' || !isValidTopicName(s.topic)) add('suppressWhen.topic', 'must be one topic (no + or #)', { code: 'one-topic' });
    if ('error' in sPath) add('suppressWhen.path', sPath.error);
    if ((s.condition === 'above' || s.condition === 'below') && typeof s.value !== 'number') add('suppressWhen.value', `must be a number for "${s.condition}"`, { code: 'number-for', condition: s.condition });
    if (!('error' in sPath)) suppress = { connection: s.connection || undefined, topic: s.topic, path: sPath, condition: s.condition, value: s.value };
  }
  if (errors.length || 'error' in path || !parsed.success) return { ok: false, errors };
  const o = parsed.output;
  const setText = o.setpoint === undefined ? '' : String(o.setpoint);
  return {
    ok: true,
    rule: {
      id: o.id,
      name: o.name || o.id,
      connection: o.connection || undefined,
      topic: o.topic,
      wildcard: isWildcardFilter(o.topic),
      path,
      condition: o.condition,
      setNum,
      setText,
      states: o.condition === 'state' ? new Set([...(setText ? [setText] : []), ...(o.states ?? [])]) : null,
      deadband: o.deadband,
      onDelayMs: o.onDelayMs,
      offDelayMs: o.offDelayMs,
      staleAfterMs: o.staleAfterMs ?? 0,
      priority: o.priority,
      enabled: o.enabled,
      latch: o.latch === true,
      message: o.message ?? '',
      consequence: o.consequence ?? '',
      action: o.action ?? '',
      suppress,
      limit: derivedPrefix(o) + limitText(o.condition, setText, o.deadband, o.staleAfterMs ?? 0, o.states),
      derive: o.transform || o.aggregate || (o.scale !== undefined && o.scale !== 1) ? { transform: o.transform, interval: o.interval, aggregate: o.aggregate, wrapAt: o.wrapAt, scale: o.scale } : null,
    },
  };
}

/** "sum of rate ", "increase per 1h " in front of the limit of a derived rule. */
function derivedPrefix(o: AlarmRuleConfig): string {
  const transform = o.transform === 'increase' ? `increase per ${o.interval || '1h'}` : (o.transform ?? '');
  if (o.aggregate) return transform ? `${o.aggregate} of ${transform} ` : `${o.aggregate} `;
  return transform ? `${transform} ` : '';
}

function limitText(condition: AlarmCondition, sp: string, deadband: number, staleAfterMs: number, states: readonly string[] | undefined): string {
  const db = deadband ? ` (deadband ${deadband})` : '';
  switch (condition) {
    case 'above':
      return `> ${sp}${db}`;
    case 'below':
      return `< ${sp}${db}`;
    case 'equal':
      return `= ${sp}`;
    case 'not-equal':
      return `≠ ${sp}`;
    case 'rate-above':
      return `rate > ${sp}/s${db}`;
    case 'rate-below':
      return `rate < ${sp}/s${db}`;
    case 'state':
      return `state ${[...(sp ? [sp] : []), ...(states ?? [])].join(' | ')}`;
    case 'stale':
      return `no message for ${staleAfterMs / 1000} s`;
  }
}
