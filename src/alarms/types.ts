/**
 * Alarm types shared by the engine (worker) and the UI. Type-only (src/engine/protocol.ts depends
 * on it): runtime constants live in alarmText.ts. States follow the ISA-18.2-2016 /
 * IEC 62682 state model (letters A–I in the standard's figure; E/F for rules with `latch`).
 */

export type Priority = 'critical' | 'high' | 'medium' | 'low';

export type AlarmCondition = 'above' | 'below' | 'equal' | 'not-equal' | 'stale' | 'rate-above' | 'rate-below' | 'state';

/** ISA-18.2 A, B, C, D, E, F, G, H, I. */
export type AlarmState =
  | 'normal'
  | 'unacknowledged'
  | 'acknowledged'
  | 'returned-unacknowledged'
  | 'latched-unacknowledged'
  | 'latched-acknowledged'
  | 'shelved'
  | 'suppressed'
  | 'out-of-service';

export type AlarmValue = number | string | boolean | null;

/** One alarm instance as the UI sees it: only instances that are not normal-and-acknowledged. */
export interface AlarmView {
  /** Stable id: rule id + topic. */
  readonly key: string;
  readonly ruleId: string;
  readonly name: string;
  readonly priority: Priority;
  readonly topic: string;
  readonly connectionId: string;
  readonly state: AlarmState;
  /** The process condition (after delays): true while abnormal, also when shelved etc. */
  readonly active: boolean;
  /** The rule latches: after its condition clears the alarm stays until "Reset" (ISA-18.2 E/F). */
  readonly latch?: boolean;
  readonly value: AlarmValue;
  /** Engineering unit, when the payload carries one next to the value (`{"v":…,"unit":"°C"}`). */
  readonly unit: string;
  readonly valueAt: number;
  /** When the alarm last became active (the time used for sorting). */
  readonly since: number;
  readonly stateSince: number;
  readonly shelvedUntil: number | null;
  readonly shelveReason: string;
  readonly chattering: boolean;
  /** e.g. "> 80 (deadband 2)" */
  readonly limit: string;
  readonly message: string;
  readonly consequence: string;
  readonly action: string;
  /**
   * The source's data is bad quality (e.g. Sparkplug NDEATH/DDEATH/stale), in words; absent when
   * good. ISA-18.2: it neither raises nor clears the process alarm, it says the value is not to be trusted.
   */
  readonly badQuality?: string;
  /** A diagnostic (system) alarm rather than a process alarm: one "Bad quality" row per bad source. */
  readonly diagnostic?: boolean;
}

export interface AlarmSummary {
  /** Unacknowledged alarms (B and D) per priority. */
  readonly unacknowledged: Readonly<Record<Priority, number>>;
  /** Active alarms (B and C) per priority. */
  readonly active: Readonly<Record<Priority, number>>;
  readonly shelved: number;
  readonly suppressed: number;
  readonly outOfService: number;
  readonly chattering: number;
  /** EEMUA 191 / ISA-18.2 flood: > 10 new alarms in 10 min; ends below 5. */
  readonly flood: boolean;
  /** Annunciations in the last 10 minutes. */
  readonly recentAnnunciations: number;
  /** Grows with every new annunciation (A→B, D→B, re-annunciation): the UI re-sounds on change. */
  readonly annunciationSeq: number;
  /** Messages not evaluated because the instance limit was reached (MAX_INSTANCES). */
  readonly droppedInstances: number;
}

export interface RuleStatus {
  readonly ruleId: string;
  readonly instances: number;
  readonly outOfService: boolean;
  readonly suppressed: boolean;
}

/** A rule problem the engine found, as a code the UI says in its language (compileRule; the English stays in `message`). */
export type RuleProblem =
  | { readonly code: 'topic-filter' | 'state-text' | 'interval' | 'one-topic' }
  | { readonly code: 'number-for' | 'required-for' | 'not-for-derived'; readonly condition: string };

/**
 * A rule test's answer as a code and its parameters, for the UI to say in its language (the
 * English stays in `text`). Values are the engine's text of the value; `limit` is the rule's.
 */
export type RuleTestMessage =
  | { readonly code: 'invalid'; readonly problems: readonly { readonly field: string; readonly message: string; readonly problem?: RuleProblem }[] }
  | { readonly code: 'waiting'; readonly topic: string }
  | { readonly code: 'timeout' }
  | { readonly code: 'stale'; readonly topic: string; readonly ageS: number; readonly stale: boolean }
  | { readonly code: 'rate'; readonly topic: string; readonly value: string }
  | { readonly code: 'no-path'; readonly topic: string; readonly path: string }
  | { readonly code: 'not-comparable'; readonly topic: string; readonly value: string; readonly limit: string }
  | { readonly code: 'value'; readonly topic: string; readonly value: string; readonly inAlarm: boolean; readonly limit: string }
  | { readonly code: 'many'; readonly count: number; readonly inAlarm: number; readonly more: number; readonly lines: readonly RuleTestMessage[] };

export interface RuleTestResult {
  readonly reqId: number;
  /** 'value': evaluated; 'waiting': no message yet, the next one will be used; 'invalid' / 'timeout'. */
  readonly outcome: 'value' | 'waiting' | 'invalid' | 'timeout';
  readonly topic?: string;
  readonly value?: AlarmValue;
  readonly valueAt?: number;
  /** Whether the condition holds for that value (ignoring delays). */
  readonly conditionTrue?: boolean;
  /** English (the fallback for other consumers); the UI shows `message`. */
  readonly text: string;
  readonly message?: RuleTestMessage;
}

export interface JournalMeta {
  /** Changes whenever entries were written: the journal view re-reads then. */
  readonly version: number;
  /** Entries removed to keep the journal bounded (all time, persisted). */
  readonly pruned: number;
  readonly lastPrunedAt: number | null;
  /** Entries lost because IndexedDB was unavailable or too slow (bounded write queue). */
  readonly dropped: number;
  readonly max: number;
}

export type JournalKind = 'transition' | 'action' | 'system';

/** One row of the alarm journal (iiot-standards.md §1 "Alarm journal"). */
export interface JournalEntry {
  id?: number;
  readonly at: number;
  readonly kind: JournalKind;
  readonly ruleId: string;
  readonly ruleName: string;
  readonly priority: Priority | '';
  readonly connectionId: string;
  readonly topic: string;
  readonly value: string;
  readonly from: AlarmState | '';
  readonly to: AlarmState | '';
  /** What happened: activate, clear, acknowledge, shelve, … */
  readonly action: string;
  /** process | operator | timer | system | remote */
  readonly trigger: string;
  readonly reason: string;
  readonly station: string;
  /** The reason as a code and its parameters, for the UI to say in its language (`reason` stays the English text, in the CSV too). */
  readonly reasonCode?: JournalReasonCode;
}

/**
 * Journal reasons the engine writes as codes (connection outages, issue 7). `cause` is the
 * socket's or broker's own text (English, passed through); absent when none was given.
 */
export type JournalReasonCode =
  | { readonly code: 'connection-lost'; readonly connection: string; readonly cause?: string }
  | { readonly code: 'connection-restored'; readonly connection: string; readonly downMs: number };

/** Which journal entries the Journal view asks for (`alarms/journalQuery`). */
export interface JournalFilter {
  /** Inclusive bounds in ms; null = open. */
  readonly from: number | null;
  readonly to: number | null;
  readonly priority: Priority | '';
  /** Case-insensitive text anywhere in the entry; '' = any. */
  readonly text: string;
}

/** The worker's answer to one `alarms/journalQuery`: matching entries, newest first. */
export interface JournalQueryResult {
  readonly reqId: number;
  readonly entries: readonly JournalEntry[];
  /** Why the journal could not be read (entries is then empty). */
  readonly error?: string;
}

/** The alarms part of a delta (keyed upserts/removals, merged last-wins until sent). */
export interface AlarmsDelta {
  /** The UI replaces everything it holds (first delta after start-up or a sync). */
  readonly reset?: boolean;
  readonly upsert?: readonly AlarmView[];
  readonly remove?: readonly string[];
  readonly summary?: AlarmSummary;
  readonly rules?: readonly RuleStatus[];
  readonly tests?: readonly RuleTestResult[];
  readonly journal?: JournalMeta;
  /** Answers to `alarms/journalQuery`, by reqId (like SeriesDelta.exports). */
  readonly journalResults?: readonly JournalQueryResult[];
  /** Rule problems found by the worker (invalid rules are skipped, not fatal). */
  readonly ruleErrors?: readonly { ruleId: string; error: string }[];
  /** False until persisted states were restored. */
  readonly ready?: boolean;
  /** Persistence trouble, in words (alarms keep working, without surviving a reload). */
  readonly storageError?: string;
  /** Messages not evaluated because they arrived before the rules and stored states were loaded. */
  readonly droppedAtStart?: number;
}

/** Global alarm options: the site config's top-level `alarmSettings` (unknown fields kept). */
export interface AlarmSettings {
  /** Publish each transition as JSON to this topic (off when empty). */
  readonly publishTopic?: string;
  /**
   * Share acknowledgements, shelving and resets between screens through this topic (off when
   * empty); a retained snapshot there tells a late-joining screen the current shelves.
   */
  readonly shareAcksTopic?: string;
  /** Connection used for publishing; default: the alarm's own connection. */
  readonly connection?: string;
  /** Journal size bound (entries). */
  readonly journalMax?: number;
  /** Longest shelving an operator may choose (ms). */
  readonly maxShelveMs?: number;
}

export type AlarmCommand =
  | { type: 'alarms/rules'; rules: readonly unknown[]; settings: AlarmSettings; station: string }
  | { type: 'alarms/acknowledge'; keys: readonly string[] }
  | { type: 'alarms/shelve'; keys: readonly string[]; durationMs: number; reason: string }
  | { type: 'alarms/unshelve'; keys: readonly string[] }
  /** Resets latched alarms whose condition cleared and that are acknowledged (F → A). */
  | { type: 'alarms/reset'; keys: readonly string[] }
  | { type: 'alarms/service'; ruleId: string; inService: boolean; reason: string }
  | { type: 'alarms/test'; reqId: number; rule: unknown }
  | { type: 'alarms/sync' }
  /** Reads the journal from wherever the worker keeps it (IndexedDB or its memory fallback). */
  | { type: 'alarms/journalQuery'; reqId: number; filter: JournalFilter; limit?: number };
