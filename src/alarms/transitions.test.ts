import { describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock';
import { newInstance } from './AlarmInstance';
import { createAlarmEngineState } from './alarmEngineState';
import { compileRule } from './compileRule';
import { afterChange, applyEvent } from './transitions';
import type { JournalEntry } from './types';

function setup() {
  const clock = new ManualClock();
  const journal: JournalEntry[] = [];
  const persisted = new Map<string, unknown>();
  let wakes = 0;
  const s = createAlarmEngineState(clock, {
    journal: (e) => journal.push(e),
    persist: (k, r) => (r ? persisted.set(k, r) : persisted.delete(k)),
    persistService: () => undefined,
    wake: () => void wakes++,
  });
  s.station = 'screen-1';
  const r = compileRule({ id: 't1', topic: 'a', condition: 'above', setpoint: 1, priority: 'low' });
  if (!r.ok) throw new Error('rule');
  const inst = newInstance(r.rule, 'a', 'plant', 0);
  return { clock, journal, persisted, s, inst, wakes: () => wakes };
}

describe('applyEvent', () => {
  it('activation: journal, annunciation, visible, persisted, dirty', () => {
    const { clock, journal, persisted, s, inst, wakes } = setup();
    clock.advance(1000);
    const now = clock.now();
    expect(applyEvent(s, inst, { type: 'activate' }, { trigger: 'process', action: 'activate' })).toBe(true);
    expect(journal).toMatchObject([{ kind: 'transition', from: 'normal', to: 'unacknowledged', station: 'screen-1', at: now }]);
    expect(inst).toMatchObject({ since: now, stateSince: now, activations: [now] });
    expect(s.annunciationSeq).toBe(1);
    expect(s.visible.has(inst) && s.dirty.has(inst)).toBe(true);
    expect(persisted.has(inst.key)).toBe(true);
    expect(wakes()).toBeGreaterThan(0);
  });

  it('operator attempts with no effect are journalled as actions "(no change)" with their station', () => {
    const { journal, s, inst } = setup();
    expect(applyEvent(s, inst, { type: 'acknowledge' }, { trigger: 'remote', action: 'acknowledge', station: 'screen-2', always: true })).toBe(false);
    expect(journal).toMatchObject([{ kind: 'action', action: 'acknowledge (no change)', station: 'screen-2', from: 'normal', to: 'normal' }]);
  });

  it('no change and not `always`: nothing journalled or marked', () => {
    const { journal, s, inst } = setup();
    applyEvent(s, inst, { type: 'clear' }, { trigger: 'process', action: 'clear' });
    expect(journal).toEqual([]);
    expect(s.dirty.size).toBe(0);
  });

  it('afterChange hides and forgets a normal-and-acknowledged instance', () => {
    const { persisted, s, inst } = setup();
    applyEvent(s, inst, { type: 'activate' }, { trigger: 'process', action: 'activate' });
    applyEvent(s, inst, { type: 'acknowledge' }, { trigger: 'operator', action: 'acknowledge' });
    applyEvent(s, inst, { type: 'clear' }, { trigger: 'process', action: 'clear' });
    afterChange(s, inst);
    expect(s.visible.has(inst)).toBe(false);
    expect(persisted.has(inst.key)).toBe(false);
  });
});
