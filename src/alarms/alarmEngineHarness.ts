// Test support (not shipped code): an AlarmEngine on a ManualClock, with its listener's output kept.
import { expect } from 'vitest';
import { ManualClock } from '../engine';
import { AlarmEngine } from './AlarmEngine';
import { instanceKey, type PersistedInstance } from './AlarmInstance';
import type { AlarmState, JournalEntry } from './types';

export const T = 'plant/line1/temp';

/** A limit rule on T (`above 80, deadband 2, high`), with overrides. */
export const rule = (over: Record<string, unknown> = {}) => ({ id: 't1', name: 'Temp high', topic: T, path: 'v', condition: 'above', setpoint: 80, deadband: 2, priority: 'high', ...over });

export class EngineHarness {
  readonly clock = new ManualClock();
  journal: JournalEntry[] = [];
  readonly persisted = new Map<string, PersistedInstance>();
  readonly services = new Map<string, string>();
  engine: AlarmEngine;

  constructor(...rules: Record<string, unknown>[]) {
    this.engine = this.make();
    expect(this.engine.setRules(rules)).toEqual([]);
  }

  /** A new engine on the same clock and storage: a reloaded worker. */
  make(): AlarmEngine {
    return new AlarmEngine(this.clock, {
      journal: (e) => this.journal.push(e),
      persist: (k, r) => (r ? this.persisted.set(k, r) : this.persisted.delete(k)),
      persistService: (id, reason) => (reason === null ? this.services.delete(id) : this.services.set(id, reason)),
      wake: () => undefined,
    });
  }

  /** A JSON message `{ v }`. */
  send(v: unknown, topic = T, conn = 'plant'): void {
    this.engine.onMessage(conn, topic, { v }, undefined, this.clock.now());
  }

  state(id = 't1', topic = T): AlarmState {
    return this.engine.viewOf(instanceKey(id, topic))?.state ?? 'normal';
  }

  transitions(): string[] {
    return this.journal.filter((e) => e.kind === 'transition').map((e) => `${e.from}→${e.to}`);
  }
}
