import { create } from 'zustand';
import type {
  AlarmsDelta,
  AlarmSummary,
  AlarmView,
  JournalMeta,
  JournalQueryResult,
  RuleStatus,
  RuleTestResult,
} from '../../src/alarms';
import { emptyLists, updateLists } from './alarmLists';

/** What the alarm engine (in the worker) last told the UI. Written only by applyAlarmDelta; actions are in app/alarms/alarmActions.ts. */
export interface AlarmStoreState {
  /** Alarms that are not normal-and-acknowledged, by key. */
  alarms: ReadonlyMap<string, AlarmView>;
  /** The "Active alarms" table's rows, sorted (alarmLists.ts); a new array only when its rows changed. */
  table: readonly AlarmView[];
  /** Suppressed and out of service, sorted. */
  other: readonly AlarmView[];
  summary: AlarmSummary | null;
  rules: Record<string, RuleStatus>;
  tests: Record<number, RuleTestResult>;
  journal: JournalMeta | null;
  ruleErrors: readonly { ruleId: string; error: string }[];
  storageError: string | null;
  droppedAtStart: number;
  ready: boolean;
}

export const useAlarmStore = create<AlarmStoreState>(() => ({
  ...emptyLists(),
  summary: null,
  rules: {},
  tests: {},
  journal: null,
  ruleErrors: [],
  storageError: null,
  droppedAtStart: 0,
  ready: false,
}));

/** Journal queries waiting for the worker's answer, by reqId (answers are not store state: they go to their caller). */
const journalWaiters = new Map<number, (result: JournalQueryResult) => void>();

/** Resolves with the answer to journal query `reqId` when it arrives in a delta; `cancel` forgets the wait. */
export function awaitJournalResult(reqId: number): { result: Promise<JournalQueryResult>; cancel: () => void } {
  const result = new Promise<JournalQueryResult>((resolve) => journalWaiters.set(reqId, resolve));
  return { result, cancel: () => journalWaiters.delete(reqId) };
}

export function applyAlarmDelta(part: AlarmsDelta): void {
  for (const r of part.journalResults ?? []) {
    journalWaiters.get(r.reqId)?.(r);
    journalWaiters.delete(r.reqId);
  }
  useAlarmStore.setState((s) => {
    const patch: Partial<AlarmStoreState> = {};
    if (part.reset || part.upsert || part.remove) {
      Object.assign(patch, updateLists(s, part.upsert ?? [], part.remove ?? [], part.reset));
    }
    if (part.summary) patch.summary = part.summary;
    if (part.rules) patch.rules = Object.fromEntries(part.rules.map((r) => [r.ruleId, r]));
    if (part.tests) {
      const tests = { ...s.tests };
      for (const t of part.tests) tests[t.reqId] = t;
      patch.tests = tests;
    }
    if (part.journal) patch.journal = part.journal;
    if (part.ruleErrors) patch.ruleErrors = part.ruleErrors;
    if (part.storageError) patch.storageError = part.storageError;
    if (part.droppedAtStart !== undefined) patch.droppedAtStart = part.droppedAtStart;
    if (part.ready) patch.ready = true;
    return patch;
  });
}
