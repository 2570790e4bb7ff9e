import type { Clock, QualityChange } from '../engine';
import { viewOf, type PersistedInstance } from './AlarmInstance';
import { createAlarmEngineState, type AlarmEngineListener, type AlarmEngineState } from './alarmEngineState';
import { applyQualityToInstances } from './badQuality';
import { tickChatterAndFlood } from './chatterAndFlood';
import { resend, takeChanges, takeRuleStatuses, takeSummary, takeTestResults } from './deltaOutput';
import { evaluateMessage } from './evaluateMessage';
import { acknowledge, reset, setService, shelve, unshelve, type ShelveDone } from './operatorActions';
import { remoteAcknowledge, remoteReset, remoteShelve } from './remoteActions';
import { expireProbes, startRuleTest } from './ruleProbes';
import { QualityAlarms } from './QualityAlarms';
import { restoreStates, setRules, type RuleProblem } from './ruleSet';
import type { AlarmSummary, AlarmView, RuleStatus, RuleTestResult } from './types';

/**
 * Every alarm instance, fed message by message; time (delays, stale, shelving expiry) comes
 * from the injected Clock. A slim front over free functions on one state object:
 * rule set (ruleSet.ts), hot path (evaluateMessage.ts), transitions (transitions.ts,
 * chatterAndFlood.ts), timers (alarmTimers.ts), operator actions (operatorActions.ts),
 * rule tests (ruleProbes.ts), delta output (deltaOutput.ts) and bad quality (badQuality.ts;
 * QualityAlarms.ts keeps the "Bad quality" diagnostic rows beside the instances).
 */
export class AlarmEngine {
  private readonly s: AlarmEngineState;
  private readonly quality: QualityAlarms;

  constructor(clock: Clock, listener: AlarmEngineListener) {
    this.s = createAlarmEngineState(clock, listener);
    this.quality = new QualityAlarms(this.s);
  }

  get instanceCount(): number {
    return this.s.instances.size;
  }

  /** This screen's name in journal entries. */
  get station(): string {
    return this.s.station;
  }
  set station(v: string) {
    this.s.station = v;
  }

  get maxShelveMs(): number {
    return this.s.maxShelveMs;
  }
  set maxShelveMs(v: number) {
    this.s.maxShelveMs = v;
  }

  restore(records: readonly PersistedInstance[], outOfService: readonly { ruleId: string; reason: string }[]): void {
    restoreStates(this.s, records, outOfService);
  }

  setRules(configs: readonly unknown[]): RuleProblem[] {
    return setRules(this.s, configs);
  }

  onMessage(connectionId: string, topic: string, json: unknown, text: string | undefined, now: number): void {
    evaluateMessage(this.s, connectionId, topic, json, text, now);
  }

  acknowledge(keys: readonly string[], trigger: 'operator' | 'remote' = 'operator', station = this.s.station): string[] {
    return [...acknowledge(this.s, keys, trigger, station), ...this.quality.acknowledge(keys, trigger, station)];
  }

  /** A source went bad or good (EngineFeature.onQuality): flags its instances, keeps its diagnostic row. */
  onQuality(change: QualityChange): void {
    applyQualityToInstances(this.s, change);
    this.quality.apply(change);
  }

  /** Returns what was shelved, with its absolute expiry (shared with other screens). */
  shelve(keys: readonly string[], durationMs: number, reason: string): ShelveDone[] {
    return shelve(this.s, keys, durationMs, reason);
  }

  /** Returns the keys that were unshelved. */
  unshelve(keys: readonly string[], trigger: 'operator' | 'remote' = 'operator', station = this.s.station): string[] {
    return unshelve(this.s, keys, trigger, station);
  }

  /** Resets latched alarms (F → A); returns the keys that were reset. */
  reset(keys: readonly string[], trigger: 'operator' | 'remote' = 'operator', station = this.s.station): string[] {
    return reset(this.s, keys, trigger, station);
  }

  /** Another screen's shelve (until an absolute time); `fillOnly` for a late joiner's snapshot. */
  remoteShelve(key: string, until: number, reason: string, station: string, fillOnly = false): void {
    remoteShelve(this.s, key, until, reason, station, fillOnly);
  }

  /** Another screen's reset at time `at`. */
  remoteReset(key: string, at: number, station: string): void {
    remoteReset(this.s, key, at, station);
  }

  /** Another screen's acknowledgement at time `at`, from a snapshot (live ones go through acknowledge). */
  remoteAcknowledge(key: string, at: number, station: string): void {
    remoteAcknowledge(this.s, key, at, station);
  }

  /**
   * Whether an acknowledgement at `at` may still speak for the alarm's current activation, as far
   * as this screen knows: not once it activated again after it and stands unacknowledged. (A
   * screen that opened late saw the activation first after the ack, and took it: acked.)
   */
  ackStands(key: string, at: number): boolean {
    const inst = this.s.instances.get(key);
    return !inst || inst.m.acked || inst.since <= at;
  }

  /** The current shelves, latest expiry first, at most `limit` (the snapshot other screens learn from). */
  shelves(limit: number): ShelveDone[] {
    const out: ShelveDone[] = [];
    // Shelved instances are never normal, so they are all in `visible`.
    for (const inst of this.s.visible) {
      const until = inst.m.shelvedUntil;
      if (until !== null) out.push({ key: inst.key, until, reason: inst.shelveReason });
    }
    // Shelves for alarms not seen here yet are passed on too: the snapshot is every screen's.
    const now = this.s.clock.now();
    for (const [key, p] of this.s.pendingRemote) if (p.shelve && p.shelve.until > now) out.push({ key, until: p.shelve.until, reason: p.shelve.reason });
    return out.sort((a, b) => b.until - a.until).slice(0, limit);
  }

  setService(ruleId: string, inService: boolean, reason: string): void {
    setService(this.s, ruleId, inService, reason);
  }

  /** Once a second. */
  tick(now: number): void {
    tickChatterAndFlood(this.s, now);
    expireProbes(this.s, now);
  }

  test(reqId: number, config: unknown): void {
    startRuleTest(this.s, reqId, config);
  }

  takeChanges(withValues: boolean): { upsert: AlarmView[]; remove: string[] } {
    const out = takeChanges(this.s, withValues);
    const q = this.quality.takeChanges();
    return q.upsert.length || q.remove.length ? { upsert: [...out.upsert, ...q.upsert], remove: [...out.remove, ...q.remove] } : out;
  }

  hasValueChanges(): boolean {
    return this.s.valueDirty.size > 0;
  }

  resend(): AlarmView[] {
    return [...resend(this.s), ...this.quality.resend()];
  }

  takeSummary(): AlarmSummary | undefined {
    const summary = takeSummary(this.s);
    return summary && this.quality.addTo(summary);
  }

  get rulesPending(): boolean {
    return this.s.rulesDirty;
  }

  takeRuleStatuses(): RuleStatus[] | undefined {
    return takeRuleStatuses(this.s);
  }

  takeTestResults(): RuleTestResult[] | undefined {
    return takeTestResults(this.s);
  }

  /** For tests and diagnostics. */
  viewOf(key: string): AlarmView | undefined {
    const inst = this.s.instances.get(key);
    return inst ? viewOf(inst) : this.quality.view(key);
  }
}
