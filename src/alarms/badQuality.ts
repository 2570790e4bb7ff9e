import type { QualityChange } from '../engine';
import type { AlarmInstance } from './AlarmInstance';
import { markDirty, type AlarmEngineState } from './alarmEngineState';
import { stateOf } from './AlarmStateMachine';
import { armStale, disarmStale } from './alarmTimers';
import { instanceSubject, journalEntry } from './journalEntry';

/**
 * A source's quality changed (Sparkplug NDEATH/DDEATH/stale, then BIRTH; EngineFeature.onQuality).
 * ISA-18.2 keeps bad quality apart from the process: every alarm instance on those topics is
 * flagged (its row and the journal say "Bad quality: <reason>") but its state is left as it is:
 * bad quality neither raises nor clears a process alarm. A `stale` rule's timer does not raise
 * while the flag is set (the source is silent because it is known to be dead) and starts over
 * when quality is good again.
 */
export function applyQualityToInstances(s: AlarmEngineState, change: QualityChange): void {
  const topics = new Set(change.topics);
  const now = s.clock.now();
  for (const t of topics) {
    if (!change.good) s.badTopics.set(t, { connectionId: change.connectionId, reason: change.reason });
    else if (s.badTopics.get(t)?.connectionId === change.connectionId) s.badTopics.delete(t);
  }
  for (const inst of s.instances.values()) {
    if (!topics.has(inst.topic) || (inst.connectionId !== '' && inst.connectionId !== change.connectionId)) continue;
    const next = change.good ? null : change.reason;
    if (inst.badQuality === next) continue;
    const wasBad = inst.badQuality !== null;
    inst.badQuality = next;
    const state = stateOf(inst.m);
    s.listener.journal(
      journalEntry(instanceSubject(inst), {
        at: now, kind: 'system', from: state, to: state, trigger: 'system', station: s.station,
        action: next === null ? 'quality good' : 'bad quality',
        reason: next === null ? `Quality good: ${change.reason}` : `Bad quality: ${next}`,
      }),
    );
    if (next === null && wasBad) restartStale(s, inst, now);
    markDirty(s, inst);
  }
}

/** Silence is measured from the moment the source is good again, not from before it died. */
function restartStale(s: AlarmEngineState, inst: AlarmInstance, now: number): void {
  if (inst.rule.condition !== 'stale') return;
  inst.lastAt = Math.max(inst.lastAt, now);
  disarmStale(s, inst);
  armStale(s, inst);
}
