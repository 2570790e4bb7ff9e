import { needsPersisting, persistedOf, type AlarmInstance } from './AlarmInstance';
import { markDirty, type AlarmEngineState } from './alarmEngineState';
import { stateOf, transition, type AlarmEvent } from './AlarmStateMachine';
import { annunciate, noteActivation } from './chatterAndFlood';
import { instanceSubject, journalEntry } from './journalEntry';

/** Why a transition happened, for the journal. */
export interface ActionMeta {
  readonly trigger: 'process' | 'timer' | 'operator' | 'remote' | 'system';
  readonly action: string;
  readonly reason?: string;
  readonly station?: string;
  /** Journal even when nothing changed (operator attempts). */
  readonly always?: boolean;
}

/**
 * Feeds one event to an instance's state machine (the pure reducer in AlarmStateMachine.ts) and
 * carries out what follows: journal, annunciation, chattering, persistence, delta. Returns
 * whether the ISA-18.2 state changed.
 */
export function applyEvent(s: AlarmEngineState, inst: AlarmInstance, event: AlarmEvent, meta: ActionMeta): boolean {
  const now = s.clock.now();
  const before = inst.m;
  const from = stateOf(before);
  const after = transition(before, event);
  const to = stateOf(after);
  const activeChanged = before.active !== after.active;
  inst.m = after;
  if (activeChanged && after.active) {
    inst.since = now;
    noteActivation(s, inst, now);
  }
  if (from !== to) inst.stateSince = now;
  if (from !== to || activeChanged || meta.always) {
    s.listener.journal(
      journalEntry(instanceSubject(inst), {
        at: now,
        kind: meta.trigger === 'operator' || meta.trigger === 'remote' ? 'action' : 'transition',
        from,
        to,
        action: meta.action + (meta.always && from === to && !activeChanged ? ' (no change)' : ''),
        trigger: meta.trigger,
        reason: meta.reason,
        station: meta.station ?? s.station,
      }),
    );
  }
  if (to === 'unacknowledged' && from !== 'unacknowledged') annunciate(s, now);
  if (before !== after) afterChange(s, inst);
  return from !== to;
}

/** The instance's state changed (or was restored): visibility, delta, persistence. */
export function afterChange(s: AlarmEngineState, inst: AlarmInstance): void {
  if (stateOf(inst.m) === 'normal') s.visible.delete(inst);
  else s.visible.add(inst);
  markDirty(s, inst);
  s.listener.persist(inst.key, needsPersisting(inst) ? persistedOf(inst) : null);
}
