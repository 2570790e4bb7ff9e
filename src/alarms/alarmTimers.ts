import type { AlarmInstance } from './AlarmInstance';
import { isLive, type AlarmEngineState } from './alarmEngineState';
import type { AlarmEvent } from './AlarmStateMachine';
import { applyEvent } from './transitions';

// Every timer runs on the injected Clock, between messages; each checks on firing that its
// instance is still the live one (a rule edit may have dropped it).

/**
 * The raw condition changed (or was confirmed). ISA-18.2 delays: the on-delay requires the
 * condition to hold continuously before activating; the off-delay likewise before clearing.
 */
export function setRaw(s: AlarmEngineState, inst: AlarmInstance, raw: boolean): void {
  if (raw === inst.raw) return;
  inst.raw = raw;
  if (inst.delayTimer !== null) {
    s.clock.clearTimer(inst.delayTimer);
    inst.delayTimer = null;
  }
  if (inst.m.active === raw) return;
  const delay = raw ? inst.rule.onDelayMs : inst.rule.offDelayMs;
  const event: AlarmEvent = raw ? { type: 'activate' } : { type: 'clear', latch: inst.rule.latch };
  if (delay <= 0) {
    applyEvent(s, inst, event, { trigger: 'process', action: event.type });
    return;
  }
  inst.delayTimer = s.clock.setTimer(() => {
    inst.delayTimer = null;
    if (inst.raw === raw && inst.m.active !== raw && isLive(s, inst)) {
      applyEvent(s, inst, event, { trigger: 'timer', action: `${event.type} after ${raw ? 'on' : 'off'}-delay` });
    }
  }, delay);
}

/** Stale rules: raise when no message arrived for `staleAfterMs`. */
export function armStale(s: AlarmEngineState, inst: AlarmInstance): void {
  const due = inst.lastAt + inst.rule.staleAfterMs - s.clock.now();
  inst.staleTimer = s.clock.setTimer(() => {
    inst.staleTimer = null;
    if (!isLive(s, inst) || inst.rule.condition !== 'stale') return;
    // A source known to be bad (its edge node died) is silent for that reason: the bad-quality
    // diagnostic says so, a comm-loss alarm would repeat it. Re-armed when quality is good again.
    if (inst.badQuality !== null) return;
    // Messages only move lastAt; the timer re-arms lazily for the remaining time.
    if (s.clock.now() - inst.lastAt >= inst.rule.staleAfterMs) setRaw(s, inst, true);
    else armStale(s, inst);
  }, Math.max(0, due));
}

export function disarmStale(s: AlarmEngineState, inst: AlarmInstance): void {
  if (inst.staleTimer === null) return;
  s.clock.clearTimer(inst.staleTimer);
  inst.staleTimer = null;
}

/** Shelving expires by itself (ISA-18.2 §11.8: shelving is time-limited). */
export function armShelve(s: AlarmEngineState, inst: AlarmInstance, ms: number): void {
  disarmShelve(s, inst);
  inst.shelveTimer = s.clock.setTimer(() => {
    inst.shelveTimer = null;
    if (!isLive(s, inst)) return;
    applyEvent(s, inst, { type: 'shelve-expired' }, { trigger: 'timer', action: 'shelve expired' });
  }, ms);
}

export function disarmShelve(s: AlarmEngineState, inst: AlarmInstance): void {
  if (inst.shelveTimer === null) return;
  s.clock.clearTimer(inst.shelveTimer);
  inst.shelveTimer = null;
}

export function disarmAll(s: AlarmEngineState, inst: AlarmInstance): void {
  for (const t of [inst.delayTimer, inst.staleTimer, inst.shelveTimer]) if (t !== null) s.clock.clearTimer(t);
}
