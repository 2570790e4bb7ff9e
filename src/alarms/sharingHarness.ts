import { ManualClock, type EngineHost } from '../engine';
import { AlarmEngine } from './AlarmEngine';
import { instanceKey } from './AlarmInstance';
import { AlarmSharing } from './AlarmSharing';
import type { AlarmSettings, AlarmState, JournalEntry } from './types';

// Test support (not shipped code): screens sharing alarm actions over one in-memory broker.

export const ACKS = 'sightglass/alarms/ack';
export const KEY = instanceKey('t1', 'a');
/** t1 latches on `a`; t2 does not, on every `w/…` topic. */
export const rules = [
  { id: 't1', topic: 'a', path: '', condition: 'above', setpoint: 1, priority: 'low', latch: true },
  { id: 't2', topic: 'w/+', path: '', condition: 'above', setpoint: 1, priority: 'low' },
];

/** A broker in memory: delivers each publish to every screen (the sender too, as MQTT does), keeps retained ones. */
export class Bus {
  readonly clock = new ManualClock();
  readonly screens: Screen[] = [];
  readonly retained = new Map<string, unknown>();
  readonly published: { conn: string; topic: string; body: unknown; retain: boolean }[] = [];
  /** While true, publishes wait in `held` (screens acting in the same instant); `deliver` sends them in order. */
  holding = false;
  private held: { conn: string; topic: string; body: unknown; retain: boolean }[] = [];

  screen(station: string, settings: AlarmSettings = { shareAcksTopic: ACKS }): Screen {
    const s = new Screen(this, station, settings);
    // A late joiner gets the retained messages on subscribing.
    for (const [topic, body] of this.retained) s.sharing.receive('plant', topic, body);
    this.screens.push(s);
    return s;
  }

  publish(conn: string, topic: string, payload: Uint8Array, retain: boolean): void {
    const body = JSON.parse(new TextDecoder().decode(payload)) as unknown;
    const p = { conn, topic, body, retain };
    this.published.push(p);
    if (this.holding) this.held.push(p);
    else this.route(p);
  }

  deliver(order: (held: Bus['held']) => Bus['held'] = (h) => h): void {
    this.holding = false;
    const held = order(this.held);
    this.held = [];
    for (const p of held) this.route(p);
  }

  snapshots(): unknown[] {
    return this.published.filter((p) => p.retain).map((p) => p.body);
  }

  private route(p: { conn: string; topic: string; body: unknown; retain: boolean }): void {
    if (p.retain) this.retained.set(p.topic, p.body);
    for (const s of this.screens) s.sharing.receive(p.conn, p.topic, p.body);
  }
}

export class Screen {
  readonly journal: JournalEntry[] = [];
  readonly engine: AlarmEngine;
  readonly sharing: AlarmSharing;
  private readonly clock: ManualClock;

  constructor(bus: Bus, station: string, settings: AlarmSettings) {
    this.clock = bus.clock;
    const host = { clock: bus.clock, publish: (c: string, t: string, p: Uint8Array, o: { retain: boolean }) => bus.publish(c, t, p, o.retain), wake: () => undefined } as unknown as EngineHost;
    const journal = (e: JournalEntry) => {
      this.journal.push(e);
      // As AlarmsFeature does: the sharing sees every entry (re-activations).
      this.sharing?.observe(e);
    };
    this.engine = new AlarmEngine(bus.clock, { journal, persist: () => undefined, persistService: () => undefined, wake: () => undefined });
    this.engine.station = station;
    this.engine.setRules(rules);
    this.sharing = new AlarmSharing(host, this.engine, (e) => this.journal.push(e));
    this.sharing.configure(settings, station);
  }

  send(v: number, topic = 'a'): void {
    this.engine.onMessage('plant', topic, v, String(v), this.clock.now());
  }

  state(key = KEY): AlarmState {
    return this.engine.viewOf(key)?.state ?? 'normal';
  }
}

