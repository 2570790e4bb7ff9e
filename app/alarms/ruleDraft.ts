import { freeId } from '../dashboards/dashboardEdits';
import { compileRule, type AlarmRuleConfigLike, type RuleError } from './ruleTypes';
import { msg } from '../i18n/i18n';
import { ruleProblemText } from './ruleText';

/** The rule editor's form: every field as typed text, converted to the config format on save. */
export interface RuleDraft {
  id: string;
  name: string;
  connection: string;
  topic: string;
  path: string;
  condition: string;
  setpoint: string;
  states: string;
  deadband: string;
  onDelayMs: string;
  offDelayMs: string;
  staleAfterMs: string;
  priority: string;
  enabled: boolean;
  /** ISA-18.2 latching: stays after the condition clears until "Reset". */
  latch: boolean;
  message: string;
  consequence: string;
  action: string;
  suppressTopic: string;
  suppressPath: string;
  suppressCondition: string;
  suppressValue: string;
}

export const emptyDraft = (): RuleDraft => ({
  id: '', name: '', connection: '', topic: '', path: 'v', condition: 'above', setpoint: '', states: '', deadband: '0', onDelayMs: '0',
  offDelayMs: '0', staleAfterMs: '', priority: 'medium', enabled: true, latch: false, message: '', consequence: '', action: '',
  suppressTopic: '', suppressPath: '', suppressCondition: 'equal', suppressValue: '',
});

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

export function draftFromRule(r: AlarmRuleConfigLike): RuleDraft {
  const s = r.suppressWhen;
  return {
    id: r.id, name: str(r.name), connection: str(r.connection), topic: r.topic, path: str(r.path), condition: r.condition,
    setpoint: str(r.setpoint), states: (r.states ?? []).join(', '), deadband: str(r.deadband ?? 0), onDelayMs: str(r.onDelayMs ?? 0),
    offDelayMs: str(r.offDelayMs ?? 0), staleAfterMs: str(r.staleAfterMs), priority: r.priority ?? 'medium', enabled: r.enabled !== false,
    latch: r.latch === true,
    message: str(r.message), consequence: str(r.consequence), action: str(r.action),
    suppressTopic: str(s?.topic), suppressPath: str(s?.path), suppressCondition: s?.condition ?? 'equal', suppressValue: str(s?.value),
  };
}

/** Numbers stay numbers, true/false become booleans, anything else is text. */
function scalar(text: string): number | string | boolean | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (t === 'true' || t === 'false') return t === 'true';
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

const num = (text: string): number | string | undefined => {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
};

/**
 * The config-format rule for a draft. Fields the editor does not show (unknown fields of the
 * original) are kept from `base`.
 */
export function ruleFromDraft(d: RuleDraft, base: Record<string, unknown> = {}): Record<string, unknown> {
  const rule: Record<string, unknown> = { ...base };
  const set = (k: string, v: unknown) => {
    if (v === undefined || v === '') delete rule[k];
    else rule[k] = v;
  };
  set('id', d.id.trim());
  set('name', d.name.trim());
  set('connection', d.connection);
  set('topic', d.topic.trim());
  rule.path = d.path.trim();
  set('condition', d.condition);
  const numeric = ['above', 'below', 'rate-above', 'rate-below'].includes(d.condition);
  set('setpoint', d.condition === 'stale' ? undefined : numeric ? num(d.setpoint) : d.condition === 'state' ? d.setpoint.trim() || undefined : scalar(d.setpoint));
  const states = d.states.split(',').map((s) => s.trim()).filter(Boolean);
  set('states', d.condition === 'state' && states.length ? states : undefined);
  rule.deadband = num(d.deadband) ?? 0;
  rule.onDelayMs = num(d.onDelayMs) ?? 0;
  rule.offDelayMs = num(d.offDelayMs) ?? 0;
  set('staleAfterMs', num(d.staleAfterMs));
  rule.priority = d.priority;
  rule.enabled = d.enabled;
  set('latch', d.latch || undefined);
  set('message', d.message.trim());
  set('consequence', d.consequence.trim());
  set('action', d.action.trim());
  set(
    'suppressWhen',
    d.suppressTopic.trim()
      ? { topic: d.suppressTopic.trim(), path: d.suppressPath.trim(), condition: d.suppressCondition, value: scalar(d.suppressValue) ?? '' }
      : undefined,
  );
  return rule;
}

/**
 * A validator message in words an operator reads ("is required", "must be a number"), never the
 * schema library's text (`Invalid key: Expected "id" but received undefined`, issue 16 #5).
 */
export function plainMessage(message: string): string {
  if (/^Invalid key/.test(message) || /but received undefined$/.test(message)) return msg('is required');
  const type = /^Invalid type: Expected (.+?) but received/.exec(message)?.[1];
  if (type === undefined) return message;
  if (type === 'number') return msg('must be a number');
  if (type === 'string') return msg('must be text');
  if (type === 'boolean') return msg('must be true or false');
  const options = [...type.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  return options.length ? `must be one of ${options.join(', ')}` : msg('has the wrong type');
}

/**
 * Problems by field, from the same validation the worker uses, plus a unique id. An empty
 * Rule ID is derived from the name (as dashboards do), free among `otherIds`.
 */
export function validateDraft(d: RuleDraft, otherIds: readonly string[], base?: Record<string, unknown>): { rule: Record<string, unknown>; errors: Record<string, string> } {
  const id = d.id.trim() || freeId(d.name.trim() || d.topic.trim() || 'alarm', otherIds);
  const rule = ruleFromDraft({ ...d, id }, base);
  const errors: Record<string, string> = {};
  const result = compileRule(rule);
  // A problem the engine coded is said in the UI language (ruleText.ts); the schema's own text is made plain.
  if (!result.ok) for (const e of result.errors as RuleError[]) errors[e.field || 'rule'] ??= e.problem ? ruleProblemText(e.problem) : plainMessage(e.message);
  if (otherIds.includes(d.id.trim())) errors.id = msg('is already used by another rule');
  for (const k of ['deadband', 'onDelayMs', 'offDelayMs', 'staleAfterMs'] as const) {
    if (d[k].trim() && !Number.isFinite(Number(d[k]))) errors[k] = msg('must be a number');
  }
  return { rule, errors };
}
