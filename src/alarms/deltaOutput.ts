import { viewOf, type AlarmInstance } from './AlarmInstance';
import type { AlarmEngineState } from './alarmEngineState';
import { stateOf } from './AlarmStateMachine';
import { isActiveState, isUnackedState } from './alarmText';
import type { AlarmState, AlarmSummary, AlarmView, Priority, RuleStatus, RuleTestResult } from './types';

// What the engine hands to the alarms part of the next delta. Each `take…` returns what changed
// since the last call and forgets it; nothing here changes alarm state.

/** Instances to upsert and keys to remove since the last call. Values refresh only when `withValues`. */
export function takeChanges(s: AlarmEngineState, withValues: boolean): { upsert: AlarmView[]; remove: string[] } {
  const upsert: AlarmView[] = [];
  const remove = [...s.removed];
  s.removed.clear();
  const emit = (inst: AlarmInstance) => {
    if (s.visible.has(inst)) {
      upsert.push(viewOf(inst));
      inst.sent = true;
    } else if (inst.sent) {
      remove.push(inst.key);
      inst.sent = false;
    }
  };
  for (const inst of s.dirty) emit(inst);
  if (withValues) {
    for (const inst of s.valueDirty) if (!s.dirty.has(inst)) emit(inst);
    s.valueDirty.clear();
  }
  s.dirty.clear();
  return { upsert, remove };
}

/** Every visible instance again (the UI starts over). */
export function resend(s: AlarmEngineState): AlarmView[] {
  s.dirty.clear();
  s.valueDirty.clear();
  s.removed.clear();
  for (const inst of s.instances.values()) inst.sent = false;
  return [...s.visible].map((inst) => {
    inst.sent = true;
    return viewOf(inst);
  });
}

const zero = (): Record<Priority, number> => ({ critical: 0, high: 0, medium: 0, low: 0 });

export function takeSummary(s: AlarmEngineState): AlarmSummary | undefined {
  if (!s.summaryDirty) return undefined;
  s.summaryDirty = false;
  const unacknowledged = zero();
  const active = zero();
  const counts: Partial<Record<AlarmState, number>> = {};
  let chattering = 0;
  for (const inst of s.visible) {
    const state = stateOf(inst.m);
    counts[state] = (counts[state] ?? 0) + 1;
    if (isUnackedState(state)) unacknowledged[inst.rule.priority]++;
    if (isActiveState(state)) active[inst.rule.priority]++;
    if (inst.chattering) chattering++;
  }
  return {
    unacknowledged,
    active,
    shelved: counts.shelved ?? 0,
    suppressed: counts.suppressed ?? 0,
    outOfService: counts['out-of-service'] ?? 0,
    chattering,
    flood: s.flood.flood,
    recentAnnunciations: s.flood.count,
    annunciationSeq: s.annunciationSeq,
    droppedInstances: s.droppedInstances,
  };
}

export function takeRuleStatuses(s: AlarmEngineState): RuleStatus[] | undefined {
  if (!s.rulesDirty) return undefined;
  s.rulesDirty = false;
  return [...s.rules.values()].map((r) => ({
    ruleId: r.id,
    instances: s.byRule.get(r.id)?.size ?? 0,
    outOfService: s.outOfService.has(r.id),
    suppressed: s.suppressed.get(r.id) ?? false,
  }));
}

export function takeTestResults(s: AlarmEngineState): RuleTestResult[] | undefined {
  if (!s.testResults.length) return undefined;
  const out = s.testResults;
  s.testResults = [];
  return out;
}

/** A flush with at least this many rows changed means a storm: the row list is then paced. */
export const STORM_ROWS = 50;
/**
 * In a storm the row list and the summary go out at most this often (10 Hz): each list is a
 * re-sort and a table render in the UI, each summary a pass over every shown alarm here.
 */
export const STORM_LIST_MS = 100;

/** Paces the row list (upserts, removals) and summary in an alarm storm; calm changes go out next frame. */
export class ListPacer {
  private lastAt = -Infinity;
  private lastRows = 0;

  /** How long the list must wait before it may go out again (0 = now). */
  wait(now: number): number {
    return this.lastRows >= STORM_ROWS ? Math.max(0, STORM_LIST_MS - (now - this.lastAt)) : 0;
  }

  sent(now: number, rows: number): void {
    this.lastAt = now;
    this.lastRows = rows;
  }
}
