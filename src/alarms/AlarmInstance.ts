import type { TimerId } from '../engine';
import { NORMAL, stateOf, type MachineState } from './AlarmStateMachine';
import type { CompiledRule } from './compileRule';
import type { AlarmValue, AlarmView } from './types';

/** One alarm instance: a rule applied to one topic (wildcard rules give one per matching topic). */
export interface AlarmInstance {
  readonly key: string;
  rule: CompiledRule;
  readonly topic: string;
  connectionId: string;
  m: MachineState;
  /** Raw condition after the deadband, before on/off delays. */
  raw: boolean;
  /** On- or off-delay timer (at most one runs). */
  delayTimer: TimerId | null;
  staleTimer: TimerId | null;
  shelveTimer: TimerId | null;
  value: AlarmValue;
  unit: string;
  valueAt: number;
  /** The last decoded payload (JSON value or text), for "test against the last value". */
  lastPayload: unknown;
  /** Time of the last message (stale detection). */
  lastAt: number;
  /** Previous numeric sample, for rate of change. */
  prevNum: number;
  prevAt: number;
  /** When the alarm last became active. */
  since: number;
  stateSince: number;
  shelveReason: string;
  /** Times of the last activations (at most 3), for chattering detection. */
  readonly activations: number[];
  chattering: boolean;
  /** The UI holds this instance (it was sent and not removed since). */
  sent: boolean;
  /** Why its source's data is bad quality (badQuality.ts), or null while good. */
  badQuality: string | null;
}

/** What survives a reload, in the IndexedDB store `alarmState` (key = instance key). */
export interface PersistedInstance {
  readonly key: string;
  readonly ruleId: string;
  readonly topic: string;
  readonly connectionId: string;
  readonly active: boolean;
  readonly acked: boolean;
  readonly shelvedUntil: number | null;
  readonly shelveReason: string;
  /** Latched after its condition cleared (absent in records written before latching existed). */
  readonly latched?: boolean;
  readonly since: number;
  readonly stateSince: number;
  readonly value: AlarmValue;
  readonly unit?: string;
  readonly valueAt: number;
}

/** Instance keys: rule id and topic, joined by the ASCII unit separator (never in ids or topics in practice). */
export const instanceKey = (ruleId: string, topic: string): string => `${ruleId}\u001f${topic}`;

export function newInstance(rule: CompiledRule, topic: string, connectionId: string, now: number): AlarmInstance {
  return {
    key: instanceKey(rule.id, topic),
    rule,
    topic,
    connectionId,
    m: NORMAL,
    raw: false,
    delayTimer: null,
    staleTimer: null,
    shelveTimer: null,
    value: null,
    unit: '',
    valueAt: 0,
    lastPayload: undefined,
    lastAt: now,
    prevNum: NaN,
    prevAt: -1,
    since: 0,
    stateSince: now,
    shelveReason: '',
    activations: [],
    chattering: false,
    sent: false,
    badQuality: null,
  };
}

export function viewOf(inst: AlarmInstance): AlarmView {
  const r = inst.rule;
  return {
    key: inst.key,
    ruleId: r.id,
    name: r.name,
    priority: r.priority,
    topic: inst.topic,
    connectionId: inst.connectionId,
    state: stateOf(inst.m),
    active: inst.m.active,
    ...(r.latch && { latch: true }),
    value: inst.value,
    unit: inst.unit,
    valueAt: inst.valueAt,
    since: inst.since,
    stateSince: inst.stateSince,
    shelvedUntil: inst.m.shelvedUntil,
    shelveReason: inst.shelveReason,
    chattering: inst.chattering,
    limit: r.limit,
    message: r.message,
    consequence: r.consequence,
    action: r.action,
    ...(inst.badQuality !== null && { badQuality: inst.badQuality }),
  };
}

export function persistedOf(inst: AlarmInstance): PersistedInstance {
  return {
    key: inst.key,
    ruleId: inst.rule.id,
    topic: inst.topic,
    connectionId: inst.connectionId,
    active: inst.m.active,
    acked: inst.m.acked,
    shelvedUntil: inst.m.shelvedUntil,
    shelveReason: inst.shelveReason,
    latched: inst.m.latched,
    since: inst.since,
    stateSince: inst.stateSince,
    value: inst.value,
    unit: inst.unit,
    valueAt: inst.valueAt,
  };
}

/** Worth keeping across a reload: anything but normal-and-acknowledged, shelving and latches. */
export function needsPersisting(inst: AlarmInstance): boolean {
  const m = inst.m;
  return m.active || !m.acked || m.shelvedUntil !== null || m.latched;
}

/** A scalar to show; objects and arrays are not shown as a value. */
export function scalarValue(v: unknown): AlarmValue | undefined {
  if (v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return undefined;
}

export function valueText(v: AlarmValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(Math.round(v * 1e6) / 1e6);
  return String(v);
}
