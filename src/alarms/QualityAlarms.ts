import type { QualityChange } from '../engine';
import type { AlarmEngineState } from './alarmEngineState';
import { NORMAL, stateOf, transition, type AlarmEvent, type MachineState } from './AlarmStateMachine';
import { annunciate } from './chatterAndFlood';
import { journalEntry, type JournalSubject } from './journalEntry';
import type { AlarmSummary, AlarmView } from './types';

/** Keys of diagnostic rows; never a rule id + topic (instanceKey joins those with one separator). */
export const DIAGNOSTIC_PREFIX = 'quality\u001f';
const NAME = 'Bad quality';

/** One bad source: the topics one bad-quality change named (that some alarm rule watches), still bad. */
interface Diagnostic {
  readonly key: string;
  readonly connectionId: string;
  readonly reason: string;
  readonly topics: Set<string>;
  m: MachineState;
  since: number;
  stateSince: number;
  /** The UI holds this row. */
  sent: boolean;
}

/**
 * The bad-quality diagnostic alarms (ISA-18.2 §5 / iiot-standards.md §1: a bad-quality alarm per
 * source, not a process alarm per point): one row "Bad quality", priority low, per bad source
 * whose topics an alarm rule watches, so a dead edge node with 40 alarmed metrics is one row,
 * not 40. It goes through the same state machine as any alarm: it annunciates, is acknowledged,
 * and when the source is good again (BIRTH) it returns to normal (returned-unacknowledged until
 * acknowledged). A source is keyed by connection and reason (the change carries no source id);
 * a topic belongs to the newest bad change that named it. Not persisted: after a reload the
 * Sparkplug host reports dead sources again.
 */
export class QualityAlarms {
  private readonly byKey = new Map<string, Diagnostic>();
  /** `connection \u001f topic` → the diagnostic that holds it. */
  private readonly byTopic = new Map<string, Diagnostic>();
  private readonly dirty = new Set<Diagnostic>();
  private removed: string[] = [];

  constructor(private readonly s: AlarmEngineState) {}

  apply(change: QualityChange): void {
    const key = `${DIAGNOSTIC_PREFIX}${change.connectionId}\u001f${change.reason}`;
    const touched = new Set<Diagnostic>();
    let target = change.good ? undefined : this.byKey.get(key);
    for (const topic of change.topics) {
      const tk = `${change.connectionId}\u001f${topic}`;
      const old = this.byTopic.get(tk);
      if (old) {
        old.topics.delete(topic);
        this.byTopic.delete(tk);
        touched.add(old);
      }
      if (change.good || !this.watched(change.connectionId, topic)) continue;
      target ??= this.create(key, change);
      target.topics.add(topic);
      this.byTopic.set(tk, target);
      touched.add(target);
    }
    for (const d of touched) {
      if (d.topics.size > 0 && !d.m.active) this.event(d, { type: 'activate' }, 'bad quality', 'system', `Bad quality: ${d.reason}`);
      else if (d.topics.size === 0 && d.m.active) this.event(d, { type: 'clear' }, 'quality good', 'system', `Quality good: ${change.reason}`);
    }
  }

  /** Acknowledges diagnostic rows among `keys`; returns those that were unacknowledged. */
  acknowledge(keys: readonly string[], trigger: 'operator' | 'remote', station: string): string[] {
    const done: string[] = [];
    for (const key of keys) {
      const d = key.startsWith(DIAGNOSTIC_PREFIX) ? this.byKey.get(key) : undefined;
      if (!d || d.m.acked) continue;
      this.event(d, { type: 'acknowledge' }, 'acknowledge', trigger, '', station);
      done.push(key);
    }
    return done;
  }

  takeChanges(): { upsert: AlarmView[]; remove: string[] } {
    const upsert: AlarmView[] = [];
    for (const d of this.dirty) {
      if (!this.byKey.has(d.key)) continue;
      upsert.push(viewOf(d));
      d.sent = true;
    }
    this.dirty.clear();
    const remove = this.removed;
    this.removed = [];
    return { upsert, remove };
  }

  resend(): AlarmView[] {
    this.dirty.clear();
    this.removed = [];
    return [...this.byKey.values()].map((d) => {
      d.sent = true;
      return viewOf(d);
    });
  }

  /** The summary with the diagnostics counted (priority low), so the banner and alert include them. */
  addTo(summary: AlarmSummary): AlarmSummary {
    if (this.byKey.size === 0) return summary;
    let unacked = 0;
    let active = 0;
    for (const d of this.byKey.values()) {
      const state = stateOf(d.m);
      if (state === 'unacknowledged' || state === 'returned-unacknowledged') unacked++;
      if (state === 'unacknowledged' || state === 'acknowledged') active++;
    }
    return {
      ...summary,
      unacknowledged: { ...summary.unacknowledged, low: summary.unacknowledged.low + unacked },
      active: { ...summary.active, low: summary.active.low + active },
    };
  }

  view(key: string): AlarmView | undefined {
    const d = this.byKey.get(key);
    return d && viewOf(d);
  }

  /** Only sources an alarm rule watches get a row: the Sparkplug view shows every node's state anyway. */
  private watched(connectionId: string, topic: string): boolean {
    return this.s.index.match(topic).some((r) => r.connection === undefined || r.connection === connectionId);
  }

  private create(key: string, change: QualityChange): Diagnostic {
    const d: Diagnostic = { key, connectionId: change.connectionId, reason: change.reason, topics: new Set(), m: NORMAL, since: 0, stateSince: 0, sent: false };
    this.byKey.set(key, d);
    return d;
  }

  private event(d: Diagnostic, event: AlarmEvent, action: string, trigger: string, reason: string, station = this.s.station): void {
    const now = this.s.clock.now();
    const from = stateOf(d.m);
    d.m = transition(d.m, event);
    const to = stateOf(d.m);
    if (event.type === 'activate') d.since = now;
    if (from !== to) d.stateSince = now;
    const kind = trigger === 'operator' || trigger === 'remote' ? 'action' : 'transition';
    this.s.listener.journal(journalEntry(subjectOf(d), { at: now, kind, from, to, action, trigger, reason, station }));
    if (to === 'unacknowledged' && from !== 'unacknowledged') annunciate(this.s, now);
    if (to === 'normal') {
      this.byKey.delete(d.key);
      for (const t of d.topics) this.byTopic.delete(`${d.connectionId}\u001f${t}`);
      this.dirty.delete(d);
      if (d.sent) this.removed.push(d.key);
    } else {
      this.dirty.add(d);
    }
    this.s.summaryDirty = true;
    this.s.listener.wake();
  }
}

const firstTopic = (d: Diagnostic): string => {
  const sorted = [...d.topics].sort();
  return sorted.length > 1 ? `${sorted[0]} (+${sorted.length - 1} more)` : (sorted[0] ?? '');
};

const subjectOf = (d: Diagnostic): JournalSubject => ({
  ruleId: '', ruleName: NAME, priority: 'low', connectionId: d.connectionId, topic: firstTopic(d), value: '',
});

function viewOf(d: Diagnostic): AlarmView {
  return {
    key: d.key,
    ruleId: '',
    name: NAME,
    priority: 'low',
    topic: firstTopic(d),
    connectionId: d.connectionId,
    state: stateOf(d.m),
    active: d.m.active,
    value: null,
    unit: '',
    valueAt: d.since,
    since: d.since,
    stateSince: d.stateSince,
    shelvedUntil: null,
    shelveReason: '',
    chattering: false,
    limit: '',
    message: `Bad quality: ${d.reason}`,
    consequence: 'Alarms on this source cannot be trusted, and its silence raises no comm-loss alarm, until it reports again.',
    action: 'Check the device, its edge node and their link to the broker.',
    badQuality: d.reason,
    diagnostic: true,
  };
}
