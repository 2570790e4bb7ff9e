import type { Clock } from '../engine/clock';
import {
  instanceKey,
  needsPersisting,
  newInstance,
  persistedOf,
  scalarValue,
  valueText,
  viewOf,
  type AlarmInstance,
  type PersistedInstance,
} from './AlarmInstance';
import { stateOf, transition, type AlarmEvent } from './AlarmStateMachine';
import { compileRule, type CompiledRule } from './compileRule';
import { evaluateCondition, suppressionHolds } from './evaluateCondition';
import { FloodDetector } from './FloodDetector';
import { numberOrUndefined as toNumber, resolvePath } from '../payload';
import { RuleIndex } from './RuleIndex';
import { testRule, type RuleProbe } from './testRule';
import { type AlarmState, type AlarmSummary, type AlarmView, type JournalEntry, type Priority, type RuleStatus, type RuleTestResult } from './types';

/** Chattering: at least 3 activations within 60 s (iiot-standards.md §1 KPIs). */
const CHATTER_COUNT = 3;
const CHATTER_WINDOW_MS = 60_000;
/** Topics remembered as "no rule matches" before the cache is reset (bounds memory with many topics). */
const MAX_NEGATIVE_CACHE = 200_000;
/** Alarm instances (a `#` rule on a busy broker makes one per topic); beyond this, new ones are counted, not created. */
export const MAX_INSTANCES = 100_000;

export interface AlarmEngineListener {
  journal(entry: JournalEntry): void;
  /** A persisted instance changed; null = forget it. */
  persist(key: string, record: PersistedInstance | null): void;
  persistService(ruleId: string, reason: string | null): void;
  /** Something for the UI changed: schedule a flush. */
  wake(): void;
}

interface TopicEntry {
  readonly rules: readonly CompiledRule[];
  readonly insts: (AlarmInstance | undefined)[];
}
const NO_MATCH: TopicEntry = { rules: [], insts: [] };

interface ActionMeta {
  readonly trigger: 'process' | 'timer' | 'operator' | 'remote' | 'system';
  readonly action: string;
  readonly reason?: string;
  readonly station?: string;
  /** Journal even when nothing changed (operator attempts). */
  readonly always?: boolean;
}

/**
 * Every alarm instance, fed message by message. Rules are found through a RuleIndex and the
 * result cached per topic, so the cost per message does not grow with the number of rules.
 * Time (delays, stale, shelving expiry) comes from the injected Clock.
 */
export class AlarmEngine {
  private rules = new Map<string, CompiledRule>();
  private ruleConfigs = new Map<string, string>();
  private index = new RuleIndex([]);
  private cache = new Map<string, TopicEntry>();
  private negatives = 0;
  private readonly instances = new Map<string, AlarmInstance>();
  private readonly byRule = new Map<string, Set<AlarmInstance>>();
  private suppressByTopic = new Map<string, CompiledRule[]>();
  private readonly suppressed = new Map<string, boolean>();
  private readonly outOfService = new Map<string, string>();
  private orphans = new Map<string, PersistedInstance>();
  private readonly visible = new Set<AlarmInstance>();
  private readonly dirty = new Set<AlarmInstance>();
  private readonly valueDirty = new Set<AlarmInstance>();
  private readonly removed = new Set<string>();
  private readonly chattering = new Set<AlarmInstance>();
  private readonly flood = new FloodDetector();
  private probes: RuleProbe[] = [];
  private testResults: RuleTestResult[] = [];
  private annunciationSeq = 0;
  private droppedInstances = 0;
  private summaryDirty = true;
  private rulesDirty = true;
  private rulesLoaded = false;
  station = '';
  maxShelveMs = 12 * 3600_000;

  constructor(
    private readonly clock: Clock,
    private readonly listener: AlarmEngineListener,
  ) {}

  get instanceCount(): number {
    return this.instances.size;
  }

  // ---------------------------------------------------------------------------------------------
  // Rules and restore

  /** Persisted states from the last session; attached to instances as rules arrive. */
  restore(records: readonly PersistedInstance[], outOfService: readonly { ruleId: string; reason: string }[]): void {
    for (const r of records) this.orphans.set(r.key, r);
    for (const s of outOfService) this.outOfService.set(s.ruleId, s.reason);
    if (this.rulesLoaded) this.attachOrphans();
  }

  /** Replaces the rule set; returns the problems of rules that were skipped. */
  setRules(configs: readonly unknown[]): { ruleId: string; error: string }[] {
    const now = this.clock.now();
    const errors: { ruleId: string; error: string }[] = [];
    const next = new Map<string, CompiledRule>();
    const nextConfigs = new Map<string, string>();
    configs.forEach((config, i) => {
      const id = typeof (config as { id?: unknown })?.id === 'string' ? (config as { id: string }).id : `#${i + 1}`;
      const result = compileRule(config);
      if (!result.ok) return errors.push({ ruleId: id, error: result.errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ') });
      if (next.has(id)) return errors.push({ ruleId: id, error: 'id is used twice; the later rule is skipped' });
      if (!result.rule.enabled) return;
      next.set(id, result.rule);
      nextConfigs.set(id, JSON.stringify(config));
    });
    if (this.rulesLoaded) this.journalRuleChanges(nextConfigs, next, now);
    this.rules = next;
    this.ruleConfigs = nextConfigs;
    this.index = new RuleIndex(next.values());
    this.cache.clear();
    this.negatives = 0;
    this.suppressByTopic = new Map();
    for (const rule of next.values()) {
      if (!rule.suppress) continue;
      const list = this.suppressByTopic.get(rule.suppress.topic);
      if (list) list.push(rule);
      else this.suppressByTopic.set(rule.suppress.topic, [rule]);
    }
    for (const id of [...this.suppressed.keys()]) if (!next.get(id)?.suppress) this.suppressed.delete(id);
    for (const id of [...this.outOfService.keys()]) {
      if (!next.has(id)) {
        this.outOfService.delete(id);
        this.listener.persistService(id, null);
      }
    }
    // Existing instances follow their rule's new settings, or go with it.
    for (const inst of [...this.instances.values()]) {
      const rule = next.get(inst.rule.id);
      if (!rule || (rule.wildcard ? !this.index.match(inst.topic).includes(rule) : rule.topic !== inst.topic)) {
        this.dropInstance(inst);
        continue;
      }
      const wasStale = inst.rule.condition === 'stale';
      inst.rule = rule;
      if (wasStale && rule.condition !== 'stale' && inst.staleTimer !== null) {
        this.clock.clearTimer(inst.staleTimer);
        inst.staleTimer = null;
      }
      if (rule.condition === 'stale' && inst.staleTimer === null) this.armStale(inst);
      this.markDirty(inst);
    }
    this.rulesLoaded = true;
    this.attachOrphans();
    // An exact-topic stale rule watches its topic from now on, even if nothing ever arrives.
    for (const rule of next.values()) {
      if (rule.condition === 'stale' && !rule.wildcard && !this.instances.has(instanceKey(rule.id, rule.topic))) {
        this.createInstance(rule, rule.topic, rule.connection ?? '', now);
      }
    }
    this.rulesDirty = true;
    this.summaryDirty = true;
    this.listener.wake();
    return errors;
  }

  private journalRuleChanges(nextConfigs: Map<string, string>, next: Map<string, CompiledRule>, now: number): void {
    const note = (rule: CompiledRule | undefined, id: string, action: string, reason: string) =>
      this.listener.journal({
        at: now, kind: 'action', ruleId: id, ruleName: rule?.name ?? id, priority: rule?.priority ?? '', connectionId: rule?.connection ?? '',
        topic: rule?.topic ?? '', value: '', from: '', to: '', action, trigger: 'operator', reason, station: this.station,
      });
    for (const [id, text] of nextConfigs) {
      const old = this.ruleConfigs.get(id);
      if (old === undefined) note(next.get(id), id, 'rule added', '');
      else if (old !== text) note(next.get(id), id, 'rule changed', describeChange(old, text));
    }
    for (const id of this.ruleConfigs.keys()) if (!nextConfigs.has(id)) note(this.rules.get(id), id, 'rule removed or disabled', '');
  }

  private attachOrphans(): void {
    const now = this.clock.now();
    for (const record of this.orphans.values()) {
      const rule = this.rules.get(record.ruleId);
      const matches = rule && (rule.wildcard ? this.index.match(record.topic).includes(rule) : rule.topic === record.topic);
      if (!rule || !matches) {
        this.listener.persist(record.key, null);
        continue;
      }
      const inst = this.instances.get(record.key) ?? this.createInstance(rule, record.topic, record.connectionId, now);
      inst.m = { ...inst.m, active: record.active, acked: record.acked, shelvedUntil: record.shelvedUntil };
      inst.raw = record.active;
      inst.since = record.since;
      inst.stateSince = record.stateSince;
      inst.value = record.value;
      inst.unit = record.unit ?? '';
      inst.valueAt = record.valueAt;
      inst.shelveReason = record.shelveReason;
      if (record.shelvedUntil !== null) {
        if (record.shelvedUntil <= now) this.apply(inst, { type: 'shelve-expired' }, { trigger: 'timer', action: 'shelve expired' });
        else this.armShelve(inst, record.shelvedUntil - now);
      }
      this.afterChange(inst);
    }
    this.orphans.clear();
  }

  // ---------------------------------------------------------------------------------------------
  // Hot path

  onMessage(connectionId: string, topic: string, json: unknown, text: string | undefined, now: number): void {
    const payload = json !== undefined ? json : text;
    if (this.probes.length) this.feedProbes(connectionId, topic, payload, now);
    if (this.suppressByTopic.size) {
      const sup = this.suppressByTopic.get(topic);
      if (sup) this.feedSuppression(sup, connectionId, payload);
    }
    let entry = this.cache.get(topic);
    if (entry === undefined) entry = this.fillCache(topic);
    if (entry === NO_MATCH) return;
    const { rules, insts } = entry;
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i];
      if (rule.connection !== undefined && rule.connection !== connectionId) continue;
      let inst = insts[i];
      if (inst === undefined) {
        inst = this.instances.get(instanceKey(rule.id, topic));
        if (inst === undefined) {
          if (this.instances.size >= MAX_INSTANCES) {
            this.droppedInstances++;
            this.summaryDirty = true;
            continue;
          }
          inst = this.createInstance(rule, topic, connectionId, now);
        }
        insts[i] = inst;
      }
      this.feed(inst, connectionId, payload, now);
    }
  }

  private fillCache(topic: string): TopicEntry {
    const rules = this.index.match(topic);
    if (rules.length === 0) {
      if (++this.negatives > MAX_NEGATIVE_CACHE) {
        this.cache.clear();
        this.negatives = 0;
      }
      this.cache.set(topic, NO_MATCH);
      return NO_MATCH;
    }
    const entry: TopicEntry = { rules, insts: rules.map(() => undefined) };
    this.cache.set(topic, entry);
    return entry;
  }

  private feed(inst: AlarmInstance, connectionId: string, payload: unknown, now: number): void {
    const rule = inst.rule;
    inst.connectionId = connectionId;
    inst.lastAt = now;
    inst.lastPayload = payload;
    const raw = rule.path.length === 0 ? payload : resolvePath(payload, rule.path);
    const shown = scalarValue(raw);
    if (shown !== undefined) {
      inst.value = shown;
      inst.valueAt = now;
      const unit = rule.path.length === 1 && payload !== null && typeof payload === 'object' ? (payload as { unit?: unknown }).unit : undefined;
      if (typeof unit === 'string' && unit.length <= 16) inst.unit = unit;
      if (inst.sent) this.valueDirty.add(inst);
    }
    if (rule.condition === 'stale') {
      if (inst.staleTimer === null) this.armStale(inst);
      this.setRaw(inst, false);
      return;
    }
    let input: unknown = raw;
    if (rule.condition === 'rate-above' || rule.condition === 'rate-below') {
      const n = toNumber(raw);
      if (n === undefined || now <= inst.prevAt) return;
      input = inst.prevAt < 0 ? undefined : ((n - inst.prevNum) * 1000) / (now - inst.prevAt);
      inst.prevNum = n;
      inst.prevAt = now;
    }
    const c = evaluateCondition(rule, input, inst.raw);
    if (c !== undefined) this.setRaw(inst, c);
  }

  /**
   * The raw condition changed (or was confirmed). ISA-18.2 delays: the on-delay requires the
   * condition to hold continuously before activating; the off-delay likewise before clearing.
   * The timers run on the Clock, between messages.
   */
  private setRaw(inst: AlarmInstance, raw: boolean): void {
    if (raw === inst.raw) return;
    inst.raw = raw;
    if (inst.delayTimer !== null) {
      this.clock.clearTimer(inst.delayTimer);
      inst.delayTimer = null;
    }
    if (inst.m.active === raw) return;
    const delay = raw ? inst.rule.onDelayMs : inst.rule.offDelayMs;
    const event: AlarmEvent = raw ? { type: 'activate' } : { type: 'clear' };
    if (delay <= 0) {
      this.apply(inst, event, { trigger: 'process', action: event.type });
      return;
    }
    inst.delayTimer = this.clock.setTimer(() => {
      inst.delayTimer = null;
      if (inst.raw === raw && inst.m.active !== raw && this.instances.get(inst.key) === inst) {
        this.apply(inst, event, { trigger: 'timer', action: `${event.type} after ${raw ? 'on' : 'off'}-delay` });
      }
    }, delay);
  }

  private armStale(inst: AlarmInstance): void {
    const after = inst.rule.staleAfterMs;
    const due = inst.lastAt + after - this.clock.now();
    inst.staleTimer = this.clock.setTimer(() => {
      inst.staleTimer = null;
      if (this.instances.get(inst.key) !== inst || inst.rule.condition !== 'stale') return;
      const now = this.clock.now();
      // Messages only move lastAt; the timer re-arms lazily for the remaining time.
      if (now - inst.lastAt >= inst.rule.staleAfterMs) this.setRaw(inst, true);
      else this.armStale(inst);
    }, Math.max(0, due));
  }

  private armShelve(inst: AlarmInstance, ms: number): void {
    if (inst.shelveTimer !== null) this.clock.clearTimer(inst.shelveTimer);
    inst.shelveTimer = this.clock.setTimer(() => {
      inst.shelveTimer = null;
      if (this.instances.get(inst.key) !== inst) return;
      this.apply(inst, { type: 'shelve-expired' }, { trigger: 'timer', action: 'shelve expired' });
    }, ms);
  }

  private feedSuppression(rules: readonly CompiledRule[], connectionId: string, payload: unknown): void {
    for (const rule of rules) {
      const s = rule.suppress!;
      if (s.connection !== undefined && s.connection !== connectionId) continue;
      const holds = suppressionHolds(s, s.path.length === 0 ? payload : resolvePath(payload, s.path));
      if (holds === undefined || (this.suppressed.get(rule.id) ?? false) === holds) continue;
      this.suppressed.set(rule.id, holds);
      this.rulesDirty = true;
      for (const inst of this.byRule.get(rule.id) ?? []) {
        this.apply(inst, { type: holds ? 'suppress' : 'unsuppress' }, { trigger: 'process', action: holds ? 'suppressed by design' : 'suppression ended' });
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Transitions

  private createInstance(rule: CompiledRule, topic: string, connectionId: string, now: number): AlarmInstance {
    const inst = newInstance(rule, topic, connectionId, now);
    if (this.outOfService.has(rule.id)) inst.m = { ...inst.m, outOfService: true };
    if (this.suppressed.get(rule.id)) inst.m = { ...inst.m, suppressed: true };
    this.instances.set(inst.key, inst);
    let set = this.byRule.get(rule.id);
    if (!set) this.byRule.set(rule.id, (set = new Set()));
    set.add(inst);
    if (rule.condition === 'stale') this.armStale(inst);
    this.rulesDirty = true;
    if (stateOf(inst.m) !== 'normal') this.afterChange(inst);
    return inst;
  }

  private dropInstance(inst: AlarmInstance): void {
    for (const t of [inst.delayTimer, inst.staleTimer, inst.shelveTimer]) if (t !== null) this.clock.clearTimer(t);
    this.instances.delete(inst.key);
    this.byRule.get(inst.rule.id)?.delete(inst);
    this.visible.delete(inst);
    this.dirty.delete(inst);
    this.valueDirty.delete(inst);
    this.chattering.delete(inst);
    if (inst.sent) this.removed.add(inst.key);
    this.listener.persist(inst.key, null);
    this.summaryDirty = true;
    this.rulesDirty = true;
  }

  private apply(inst: AlarmInstance, event: AlarmEvent, meta: ActionMeta): boolean {
    const now = this.clock.now();
    const before = inst.m;
    const from = stateOf(before);
    const after = transition(before, event);
    const to = stateOf(after);
    const activeChanged = before.active !== after.active;
    inst.m = after;
    if (activeChanged && after.active) {
      inst.since = now;
      this.noteActivation(inst, now);
    }
    if (from !== to) inst.stateSince = now;
    if (from !== to || activeChanged || meta.always) {
      this.listener.journal({
        at: now,
        kind: meta.trigger === 'operator' || meta.trigger === 'remote' ? 'action' : 'transition',
        ruleId: inst.rule.id,
        ruleName: inst.rule.name,
        priority: inst.rule.priority,
        connectionId: inst.connectionId,
        topic: inst.topic,
        value: valueText(inst.value),
        from,
        to,
        action: meta.action + (meta.always && from === to && !activeChanged ? ' (no change)' : ''),
        trigger: meta.trigger,
        reason: meta.reason ?? '',
        station: meta.station ?? this.station,
      });
    }
    if (to === 'unacknowledged' && from !== 'unacknowledged') this.annunciate(now);
    if (before !== after) this.afterChange(inst);
    return from !== to;
  }

  private afterChange(inst: AlarmInstance): void {
    const state = stateOf(inst.m);
    if (state === 'normal') this.visible.delete(inst);
    else this.visible.add(inst);
    this.markDirty(inst);
    this.listener.persist(inst.key, needsPersisting(inst) ? persistedOf(inst) : null);
  }

  private markDirty(inst: AlarmInstance): void {
    this.dirty.add(inst);
    this.summaryDirty = true;
    this.listener.wake();
  }

  private annunciate(now: number): void {
    this.annunciationSeq++;
    if (this.flood.record(now) === 'start') this.systemEntry(now, 'alarm flood started', `more than 10 alarms in 10 minutes`);
  }

  private noteActivation(inst: AlarmInstance, now: number): void {
    const a = inst.activations;
    a.push(now);
    if (a.length > CHATTER_COUNT) a.shift();
    if (!inst.chattering && a.length === CHATTER_COUNT && now - a[0] <= CHATTER_WINDOW_MS) {
      inst.chattering = true;
      this.chattering.add(inst);
      this.listener.journal({
        at: now, kind: 'system', ruleId: inst.rule.id, ruleName: inst.rule.name, priority: inst.rule.priority, connectionId: inst.connectionId,
        topic: inst.topic, value: valueText(inst.value), from: '', to: '', action: 'chattering', trigger: 'system',
        reason: `${CHATTER_COUNT} activations within ${CHATTER_WINDOW_MS / 1000} s`, station: this.station,
      });
    }
  }

  private systemEntry(now: number, action: string, reason: string): void {
    this.listener.journal({
      at: now, kind: 'system', ruleId: '', ruleName: '', priority: '', connectionId: '', topic: '', value: '', from: '', to: '',
      action, trigger: 'system', reason, station: this.station,
    });
    this.summaryDirty = true;
    this.listener.wake();
  }

  // ---------------------------------------------------------------------------------------------
  // Operator actions

  /** Acknowledges; returns the keys that were unacknowledged (for sharing with other screens). */
  acknowledge(keys: readonly string[], trigger: 'operator' | 'remote' = 'operator', station = this.station): string[] {
    const done: string[] = [];
    for (const key of keys) {
      const inst = this.instances.get(key);
      if (!inst) continue;
      const wasUnacked = !inst.m.acked;
      this.apply(inst, { type: 'acknowledge' }, { trigger, action: 'acknowledge', station, always: trigger === 'operator' });
      if (wasUnacked && inst.m.acked) done.push(key);
    }
    return done;
  }

  shelve(keys: readonly string[], durationMs: number, reason: string): void {
    const ms = Math.max(1000, Math.min(durationMs, this.maxShelveMs));
    const until = this.clock.now() + ms;
    for (const key of keys) {
      const inst = this.instances.get(key);
      if (!inst || inst.m.outOfService) continue;
      inst.shelveReason = reason;
      this.apply(inst, { type: 'shelve', until }, { trigger: 'operator', action: `shelve for ${formatDuration(ms)}`, reason, always: true });
      this.armShelve(inst, ms);
    }
  }

  unshelve(keys: readonly string[]): void {
    for (const key of keys) {
      const inst = this.instances.get(key);
      if (!inst || inst.m.shelvedUntil === null) continue;
      if (inst.shelveTimer !== null) this.clock.clearTimer(inst.shelveTimer);
      inst.shelveTimer = null;
      inst.shelveReason = '';
      this.apply(inst, { type: 'unshelve' }, { trigger: 'operator', action: 'unshelve', always: true });
    }
  }

  /** Out of service is per rule (maintenance): every instance, present and future. */
  setService(ruleId: string, inService: boolean, reason: string): void {
    if (!this.rules.has(ruleId) || this.outOfService.has(ruleId) === !inService) return;
    if (inService) this.outOfService.delete(ruleId);
    else this.outOfService.set(ruleId, reason);
    this.listener.persistService(ruleId, inService ? null : reason);
    const rule = this.rules.get(ruleId)!;
    const event: AlarmEvent = inService ? { type: 'return-to-service' } : { type: 'remove-from-service' };
    const insts = this.byRule.get(ruleId) ?? new Set();
    for (const inst of insts) this.apply(inst, event, { trigger: 'operator', action: event.type, reason, always: true });
    if (insts.size === 0) {
      this.listener.journal({
        at: this.clock.now(), kind: 'action', ruleId, ruleName: rule.name, priority: rule.priority, connectionId: rule.connection ?? '', topic: rule.topic,
        value: '', from: '', to: '', action: event.type, trigger: 'operator', reason, station: this.station,
      });
    }
    this.rulesDirty = true;
    this.listener.wake();
  }

  // ---------------------------------------------------------------------------------------------
  // Time and tests

  tick(now: number): void {
    for (const inst of this.chattering) {
      const a = inst.activations;
      if (a.length < CHATTER_COUNT || now - a[a.length - CHATTER_COUNT] > CHATTER_WINDOW_MS) {
        inst.chattering = false;
        this.chattering.delete(inst);
        this.markDirty(inst);
      }
    }
    const before = this.flood.count;
    if (this.flood.tick(now) === 'end') this.systemEntry(now, 'alarm flood ended', 'fewer than 5 alarms in 10 minutes');
    if (before !== this.flood.count) this.summaryDirty = true;
    if (this.probes.length) {
      const expired = this.probes.filter((p) => p.expiresAt <= now);
      if (expired.length) {
        this.probes = this.probes.filter((p) => p.expiresAt > now);
        for (const p of expired) this.testResults.push({ reqId: p.reqId, outcome: 'timeout', text: 'No message arrived on a matching topic within 30 s.' });
        this.listener.wake();
      }
    }
  }

  /** "Test against the last value": the rule (as edited) against the newest payload seen for it. */
  test(reqId: number, config: unknown): void {
    const result = testRule(reqId, config, this.instances.values(), this.clock.now());
    if ('probe' in result) {
      this.probes = [...this.probes.slice(-4), result.probe];
      this.testResults.push(result.waiting);
    } else this.testResults.push(result);
    this.listener.wake();
  }

  private feedProbes(connectionId: string, topic: string, payload: unknown, now: number): void {
    const done = this.probes.filter((p) => p.matches(connectionId, topic));
    if (!done.length) return;
    this.probes = this.probes.filter((p) => !done.includes(p));
    for (const p of done) this.testResults.push(p.evaluate(topic, payload, now));
    this.listener.wake();
  }

  // ---------------------------------------------------------------------------------------------
  // Delta parts

  /** Instances to upsert and keys to remove since the last call. Values refresh only when `withValues`. */
  takeChanges(withValues: boolean): { upsert: AlarmView[]; remove: string[] } {
    const upsert: AlarmView[] = [];
    const remove = [...this.removed];
    this.removed.clear();
    const emit = (inst: AlarmInstance) => {
      if (this.visible.has(inst)) {
        upsert.push(viewOf(inst));
        inst.sent = true;
      } else if (inst.sent) {
        remove.push(inst.key);
        inst.sent = false;
      }
    };
    for (const inst of this.dirty) emit(inst);
    if (withValues) {
      for (const inst of this.valueDirty) if (!this.dirty.has(inst)) emit(inst);
      this.valueDirty.clear();
    }
    this.dirty.clear();
    return { upsert, remove };
  }

  hasValueChanges(): boolean {
    return this.valueDirty.size > 0;
  }

  /** Every visible instance again (the UI starts over). */
  resend(): AlarmView[] {
    this.dirty.clear();
    this.valueDirty.clear();
    this.removed.clear();
    for (const inst of this.instances.values()) inst.sent = false;
    return [...this.visible].map((inst) => {
      inst.sent = true;
      return viewOf(inst);
    });
  }

  takeSummary(): AlarmSummary | undefined {
    if (!this.summaryDirty) return undefined;
    this.summaryDirty = false;
    const zero = (): Record<Priority, number> => ({ critical: 0, high: 0, medium: 0, low: 0 });
    const unacknowledged = zero();
    const active = zero();
    const counts: Partial<Record<AlarmState, number>> = {};
    let chattering = 0;
    for (const inst of this.visible) {
      const state = stateOf(inst.m);
      counts[state] = (counts[state] ?? 0) + 1;
      if (state === 'unacknowledged' || state === 'returned-unacknowledged') unacknowledged[inst.rule.priority]++;
      if (state === 'unacknowledged' || state === 'acknowledged') active[inst.rule.priority]++;
      if (inst.chattering) chattering++;
    }
    return {
      unacknowledged,
      active,
      shelved: counts.shelved ?? 0,
      suppressed: counts.suppressed ?? 0,
      outOfService: counts['out-of-service'] ?? 0,
      chattering,
      flood: this.flood.flood,
      recentAnnunciations: this.flood.count,
      annunciationSeq: this.annunciationSeq,
      droppedInstances: this.droppedInstances,
    };
  }

  get rulesPending(): boolean {
    return this.rulesDirty;
  }

  takeRuleStatuses(): RuleStatus[] | undefined {
    if (!this.rulesDirty) return undefined;
    this.rulesDirty = false;
    return [...this.rules.values()].map((r) => ({
      ruleId: r.id,
      instances: this.byRule.get(r.id)?.size ?? 0,
      outOfService: this.outOfService.has(r.id),
      suppressed: this.suppressed.get(r.id) ?? false,
    }));
  }

  takeTestResults(): RuleTestResult[] | undefined {
    if (!this.testResults.length) return undefined;
    const out = this.testResults;
    this.testResults = [];
    return out;
  }

  /** For tests and diagnostics. */
  viewOf(key: string): AlarmView | undefined {
    const inst = this.instances.get(key);
    return inst && viewOf(inst);
  }
}

export function formatDuration(ms: number): string {
  if (ms % 3600_000 === 0) return `${ms / 3600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${Math.round(ms / 1000)} s`;
}

/** "setpoint 80 → 85, priority high → critical" from two rule documents. */
function describeChange(oldText: string, newText: string): string {
  const a = JSON.parse(oldText) as Record<string, unknown>;
  const b = JSON.parse(newText) as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const parts: string[] = [];
  for (const k of keys) {
    const x = JSON.stringify(a[k]);
    const y = JSON.stringify(b[k]);
    if (x !== y) parts.push(`${k} ${x ?? '(none)'} → ${y ?? '(none)'}`);
  }
  return parts.join(', ');
}
