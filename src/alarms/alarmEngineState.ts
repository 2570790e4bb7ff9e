import type { Clock } from '../engine';
import type { AlarmInstance, PersistedInstance } from './AlarmInstance';
import type { CompiledRule } from './compileRule';
import { FloodDetector } from './FloodDetector';
import { RuleIndex } from './RuleIndex';
import type { RuleProbe } from './testRule';
import type { JournalEntry, RuleTestResult } from './types';

/** Another screen's action on an alarm this screen has not seen yet (remoteActions.ts). */
export interface PendingRemote {
  shelve?: { readonly until: number; readonly reason: string; readonly station: string };
  reset?: { readonly at: number; readonly station: string };
  ack?: { readonly at: number; readonly station: string };
}

export interface AlarmEngineListener {
  journal(entry: JournalEntry): void;
  /** A persisted instance changed; null = forget it. */
  persist(key: string, record: PersistedInstance | null): void;
  persistService(ruleId: string, reason: string | null): void;
  /** Something for the UI changed: schedule a flush. */
  wake(): void;
}

/** The rules that match one topic, and their instances there (filled lazily, same order). */
export interface TopicEntry {
  readonly rules: readonly CompiledRule[];
  readonly insts: (AlarmInstance | undefined)[];
}
export const NO_MATCH: TopicEntry = { rules: [], insts: [] };

/**
 * Everything the alarm engine knows, in one plain object. The engine's parts (ruleSet,
 * evaluateMessage, transitions, alarmTimers, operatorActions, deltaOutput) are free functions
 * over it, so each can be read and tested on its own; `AlarmEngine` is the slim class in front.
 */
export interface AlarmEngineState {
  readonly clock: Clock;
  readonly listener: AlarmEngineListener;
  /** This screen's name in journal entries. */
  station: string;
  maxShelveMs: number;
  // Rule set
  rules: Map<string, CompiledRule>;
  /** Each rule's document as JSON, to journal what an edit changed. */
  ruleConfigs: Map<string, string>;
  index: RuleIndex;
  /** Per topic: the rules that match it (or NO_MATCH). */
  readonly cache: Map<string, TopicEntry>;
  /** NO_MATCH entries in the cache (bounded). */
  negatives: number;
  suppressByTopic: Map<string, CompiledRule[]>;
  rulesLoaded: boolean;
  // Instances
  readonly instances: Map<string, AlarmInstance>;
  readonly byRule: Map<string, Set<AlarmInstance>>;
  readonly suppressed: Map<string, boolean>;
  /** Rule id → reason, for rules taken out of service. */
  readonly outOfService: Map<string, string>;
  /** Restored states waiting for their rule. */
  readonly orphans: Map<string, PersistedInstance>;
  /** Other screens' shelves, resets and acknowledgements for instances not created yet (remoteActions.ts). */
  readonly pendingRemote: Map<string, PendingRemote>;
  droppedInstances: number;
  // Chattering, flood, annunciation
  readonly chattering: Set<AlarmInstance>;
  readonly flood: FloodDetector;
  annunciationSeq: number;
  // "Test against the last value"
  probes: RuleProbe[];
  testResults: RuleTestResult[];
  // Delta output
  /** Instances the UI sees (not normal-and-acknowledged). */
  readonly visible: Set<AlarmInstance>;
  readonly dirty: Set<AlarmInstance>;
  readonly valueDirty: Set<AlarmInstance>;
  readonly removed: Set<string>;
  summaryDirty: boolean;
  rulesDirty: boolean;
  /** Topics whose source is bad quality (badQuality.ts): topic → its connection and why. */
  readonly badTopics: Map<string, { readonly connectionId: string; readonly reason: string }>;
}

export function createAlarmEngineState(clock: Clock, listener: AlarmEngineListener): AlarmEngineState {
  return {
    clock,
    listener,
    station: '',
    maxShelveMs: 12 * 3600_000,
    rules: new Map(),
    ruleConfigs: new Map(),
    index: new RuleIndex([]),
    cache: new Map(),
    negatives: 0,
    suppressByTopic: new Map(),
    rulesLoaded: false,
    instances: new Map(),
    byRule: new Map(),
    suppressed: new Map(),
    outOfService: new Map(),
    orphans: new Map(),
    pendingRemote: new Map(),
    droppedInstances: 0,
    chattering: new Set(),
    flood: new FloodDetector(),
    annunciationSeq: 0,
    probes: [],
    testResults: [],
    visible: new Set(),
    dirty: new Set(),
    valueDirty: new Set(),
    removed: new Set(),
    summaryDirty: true,
    rulesDirty: true,
    badTopics: new Map(),
  };
}

/** The instance is the live one for its key (timers of dropped instances must do nothing). */
export const isLive = (s: AlarmEngineState, inst: AlarmInstance): boolean => s.instances.get(inst.key) === inst;

/** Something the UI shows about this instance changed. */
export function markDirty(s: AlarmEngineState, inst: AlarmInstance): void {
  s.dirty.add(inst);
  s.summaryDirty = true;
  s.listener.wake();
}
