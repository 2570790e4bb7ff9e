import type { TimerId } from '../engine/clock';
import type { EngineFeature, EngineHost, MessageContext } from '../engine/EngineFeature';
import type { FeatureCommand } from '../engine/protocol';
import { OutageTracker, type ConnectionStatus } from '../mqtt';
import { AlarmEngine } from './AlarmEngine';
import { instanceKey, type PersistedInstance } from './AlarmInstance';
import type { AlarmPersistence } from './alarmPersistence';
import type { AlarmsDelta, AlarmSettings, JournalEntry, JournalMeta } from './types';

/** Messages held while persisted states load (start-up only); beyond this they are dropped and counted. */
const MAX_STARTUP_QUEUE = 5000;
/** Journal entries waiting for IndexedDB; beyond this the oldest are dropped and counted. */
const MAX_JOURNAL_QUEUE = 10_000;
export const DEFAULT_JOURNAL_MAX = 20_000;
/** Longest shelving by default: about one shift and a half (iiot-standards.md: ≤ 1 shift, 8–12 h). */
const DEFAULT_MAX_SHELVE_MS = 12 * 3600_000;
/** Latest values of shown alarms refresh at most this often; state changes go out next frame. */
const VALUE_REFRESH_MS = 250;
/** Per-rule status (instance counts) for the rule editor: at most once a second. */
const RULES_REFRESH_MS = 1000;
/** If stored states take longer than this to load (a blocked database), alarms start without them. */
const LOAD_TIMEOUT_MS = 5000;

interface Queued {
  readonly connectionId: string;
  readonly topic: string;
  readonly json: unknown;
  readonly text: string | undefined;
  readonly now: number;
}

const enc = new TextEncoder();

/**
 * The alarm engine as an engine feature: rules are evaluated on every message in the worker,
 * states and the journal are persisted from here (IndexedDB is available in workers), and the
 * UI receives only the alarms that are not normal-and-acknowledged.
 */
export class AlarmsFeature implements EngineFeature<'alarms'> {
  readonly key = 'alarms' as const;
  private readonly engine: AlarmEngine;
  private loaded = false;
  private rulesReceived = false;
  private queue: Queued[] = [];
  private queueDropped = 0;
  private queueDroppedSent = 0;
  private settings: AlarmSettings = {};
  private station = '';
  private saveInstances = new Map<string, PersistedInstance | null>();
  private saveServices = new Map<string, string | null>();
  private journalBuf: JournalEntry[] = [];
  private writeTimer: TimerId | null = null;
  private writing = false;
  private currentWrite: Promise<void> | null = null;
  private readonly loading: Promise<void>;
  private journal: { -readonly [K in keyof JournalMeta]: JournalMeta[K] } = { version: 0, pruned: 0, lastPrunedAt: null, dropped: 0, max: DEFAULT_JOURNAL_MAX };
  private journalDirty = true;
  private reset = true;
  private lastValuesAt = 0;
  private valueTimer: TimerId | null = null;
  private lastRulesAt = -Infinity;
  private rulesTimer: TimerId | null = null;
  private ruleErrors: { ruleId: string; error: string }[] | null = null;
  private pendingRules: readonly unknown[] | null = null;
  private storageError: string | null = null;

  constructor(
    private readonly host: EngineHost,
    private persistence: AlarmPersistence,
    private readonly fallback: () => AlarmPersistence,
  ) {
    this.engine = new AlarmEngine(host.clock, {
      journal: (entry) => this.onJournal(entry),
      persist: (key, record) => {
        this.saveInstances.set(key, record);
        this.scheduleWrite();
      },
      persistService: (ruleId, reason) => {
        this.saveServices.set(ruleId, reason);
        this.scheduleWrite();
      },
      wake: () => host.wake(),
    });
    const giveUp = (why: string) => {
      if (this.loaded) return;
      // Private mode, a broken or blocked database: alarms still work, they just do not survive a reload.
      this.storageError = `Alarm states cannot be stored (${why}); they will not survive a reload.`;
      this.persistence = this.fallback();
      this.onLoaded();
    };
    const timer = host.clock.setTimer(() => giveUp('the browser database did not answer'), LOAD_TIMEOUT_MS);
    this.loading = persistence.load().then(
      (snap) => {
        host.clock.clearTimer(timer);
        if (this.loaded) return;
        this.journal.pruned = snap.journalPruned;
        this.journal.lastPrunedAt = snap.lastPrunedAt;
        this.engine.restore(snap.instances, snap.outOfService);
        this.onLoaded();
      },
      (e: unknown) => {
        host.clock.clearTimer(timer);
        giveUp((e as Error)?.message ?? String(e));
      },
    );
  }

  private get ready(): boolean {
    return this.loaded && this.rulesReceived && this.pendingRules === null;
  }

  private onLoaded(): void {
    this.loaded = true;
    if (this.pendingRules) this.applyRules();
    this.host.wake();
  }

  /** Persisted states are restored before the first rules, so a reload never re-raises an acked alarm as new. */
  private applyRules(): void {
    this.ruleErrors = this.engine.setRules(this.pendingRules ?? []);
    this.pendingRules = null;
    const queued = this.queue;
    this.queue = [];
    for (const q of queued) this.engine.onMessage(q.connectionId, q.topic, q.json, q.text, q.now);
    this.host.wake();
  }

  handle(cmd: FeatureCommand): boolean {
    switch (cmd.type) {
      case 'alarms/rules':
        this.settings = cmd.settings ?? {};
        this.station = cmd.station;
        this.engine.station = cmd.station;
        this.engine.maxShelveMs = cmd.settings?.maxShelveMs ?? DEFAULT_MAX_SHELVE_MS;
        this.journal.max = cmd.settings?.journalMax && cmd.settings.journalMax >= 100 ? cmd.settings.journalMax : DEFAULT_JOURNAL_MAX;
        this.pendingRules = cmd.rules;
        this.rulesReceived = true;
        if (this.loaded) this.applyRules();
        return true;
      case 'alarms/acknowledge': {
        const done = this.engine.acknowledge(cmd.keys);
        this.shareAcks(done);
        return true;
      }
      case 'alarms/shelve':
        this.engine.shelve(cmd.keys, cmd.durationMs, cmd.reason);
        return true;
      case 'alarms/unshelve':
        this.engine.unshelve(cmd.keys);
        return true;
      case 'alarms/service':
        this.engine.setService(cmd.ruleId, cmd.inService, cmd.reason);
        return true;
      case 'alarms/test':
        this.engine.test(cmd.reqId, cmd.rule);
        return true;
      case 'alarms/sync':
        this.reset = true;
        this.journalDirty = true;
        this.host.wake();
        return true;
      default:
        return false;
    }
  }

  onMessage(ctx: MessageContext): void {
    const json = ctx.decoded.json;
    if (this.settings.shareAcksTopic && ctx.topic === this.settings.shareAcksTopic) this.receiveSharedAck(json);
    if (!this.ready) {
      if (this.queue.length >= MAX_STARTUP_QUEUE) this.queueDropped++;
      else this.queue.push({ connectionId: ctx.connectionId, topic: ctx.topic, json, text: ctx.decoded.text, now: ctx.now });
      return;
    }
    this.engine.onMessage(ctx.connectionId, ctx.topic, json, ctx.decoded.text, ctx.now);
  }

  /** Connection outages in the journal (issue 7): one "connection lost", one "connection restored". */
  private readonly outages = new OutageTracker();

  onConnectionStatus(status: ConnectionStatus): void {
    const ev = this.outages.observe(status, this.host.clock.now());
    if (!ev) return;
    this.onJournal({
      at: ev.at, kind: 'system', ruleId: '', ruleName: '', priority: '', connectionId: ev.connectionId, topic: '', value: '', from: '', to: '',
      action: `connection ${ev.kind}`, trigger: 'system', reason: `connection ${ev.connectionId}: ${ev.reason}`, station: this.station,
    });
    this.host.wake();
  }

  onTick(now: number): void {
    this.engine.tick(now);
  }

  // ---------------------------------------------------------------------------------------------
  // Shared acknowledgements and published transitions (both off unless a topic is configured)

  private shareAcks(keys: readonly string[]): void {
    const topic = this.settings.shareAcksTopic;
    if (!topic || !keys.length) return;
    const alarms = keys.map((k) => {
      const [ruleId, t] = k.split('\u001f');
      return { ruleId, topic: t };
    });
    const body = JSON.stringify({ type: 'acknowledge', station: this.station, at: this.host.clock.now(), alarms });
    this.publishEverywhere(topic, body, alarms.map((a) => this.engine.viewOf(instanceKey(a.ruleId, a.topic))?.connectionId ?? ''));
  }

  private receiveSharedAck(json: unknown): void {
    if (typeof json !== 'object' || json === null) return;
    const msg = json as { type?: unknown; station?: unknown; alarms?: unknown };
    if (msg.type !== 'acknowledge' || msg.station === this.station || !Array.isArray(msg.alarms)) return;
    const keys: string[] = [];
    for (const a of msg.alarms.slice(0, 10_000)) {
      if (typeof a?.ruleId === 'string' && typeof a?.topic === 'string') keys.push(instanceKey(a.ruleId, a.topic));
    }
    this.engine.acknowledge(keys, 'remote', typeof msg.station === 'string' ? msg.station.slice(0, 100) : 'remote');
  }

  private publishTransition(entry: JournalEntry): void {
    const topic = this.settings.publishTopic;
    if (!topic || entry.from === entry.to) return;
    const body = JSON.stringify({
      type: 'alarm-transition', at: entry.at, ruleId: entry.ruleId, name: entry.ruleName, priority: entry.priority, topic: entry.topic,
      connection: entry.connectionId, value: entry.value, from: entry.from, to: entry.to, action: entry.action, trigger: entry.trigger,
      reason: entry.reason, station: entry.station,
    });
    this.publishEverywhere(topic, body, [entry.connectionId]);
  }

  /** Publishes on the configured connection, or on each connection the alarms came from. */
  private publishEverywhere(topic: string, body: string, connections: readonly string[]): void {
    const targets = this.settings.connection ? [this.settings.connection] : [...new Set(connections.filter(Boolean))];
    const payload = enc.encode(body);
    for (const c of targets) this.host.publish(c, topic, payload, { qos: 1, retain: false });
  }

  // ---------------------------------------------------------------------------------------------
  // Persistence: batched, off the hot path; bounded queue with a visible dropped count

  private onJournal(entry: JournalEntry): void {
    if (this.journalBuf.length >= MAX_JOURNAL_QUEUE) {
      const drop = Math.ceil(MAX_JOURNAL_QUEUE / 10);
      this.journalBuf.splice(0, drop);
      this.journal.dropped += drop;
      this.journalDirty = true;
    }
    this.journalBuf.push(entry);
    this.publishTransition(entry);
    this.scheduleWrite();
  }

  private scheduleWrite(): void {
    if (this.writeTimer !== null || this.writing) return;
    // Next task, not next frame: a reload right after an alarm should find it stored.
    this.writeTimer = this.host.clock.setTimer(() => {
      this.writeTimer = null;
      this.startWrite();
    }, 0);
  }

  private startWrite(): void {
    const p: Promise<void> = this.write().finally(() => {
      if (this.currentWrite === p) this.currentWrite = null;
    });
    this.currentWrite = p;
  }

  private async write(): Promise<void> {
    if (!this.saveInstances.size && !this.saveServices.size && !this.journalBuf.length) return;
    this.writing = true;
    const instances = this.saveInstances;
    const services = this.saveServices;
    const entries = this.journalBuf;
    this.saveInstances = new Map();
    this.saveServices = new Map();
    this.journalBuf = [];
    try {
      if (instances.size || services.size) await this.persistence.save(instances, services);
      if (entries.length) {
        const pruned = await this.persistence.appendJournal(entries, this.journal.max);
        if (pruned) {
          this.journal.pruned += pruned;
          this.journal.lastPrunedAt = this.host.clock.now();
        }
        this.journal.version++;
        this.journalDirty = true;
        this.host.wake();
      }
    } catch (e) {
      this.journal.dropped += entries.length;
      this.journalDirty = true;
      this.storageError = `Alarm storage failed (${(e as Error)?.message ?? e}).`;
      this.host.wake();
    } finally {
      this.writing = false;
    }
    if (this.saveInstances.size || this.saveServices.size || this.journalBuf.length) this.scheduleWrite();
  }

  /** Resolves when everything queued so far is stored (tests, benchmarks). */
  async settled(): Promise<void> {
    if (!this.loaded) await this.loading;
    for (let i = 0; i < 100; i++) {
      if (this.writeTimer !== null) {
        this.host.clock.clearTimer(this.writeTimer);
        this.writeTimer = null;
        this.startWrite();
      }
      if (!this.currentWrite) return;
      await this.currentWrite;
    }
  }

  // ---------------------------------------------------------------------------------------------

  flush(now: number): AlarmsDelta | undefined {
    if (!this.ready) return undefined;
    const delta: { -readonly [K in keyof AlarmsDelta]: AlarmsDelta[K] } = {};
    if (this.reset) {
      this.reset = false;
      delta.reset = true;
      delta.ready = true;
      delta.upsert = this.engine.resend();
      this.lastValuesAt = now;
    } else {
      const withValues = now - this.lastValuesAt >= VALUE_REFRESH_MS;
      const { upsert, remove } = this.engine.takeChanges(withValues);
      if (withValues) this.lastValuesAt = now;
      if (upsert.length) delta.upsert = upsert;
      if (remove.length) delta.remove = remove;
    }
    if (this.engine.hasValueChanges() && this.valueTimer === null) {
      this.valueTimer = this.host.clock.setTimer(() => {
        this.valueTimer = null;
        this.host.wake();
      }, Math.max(0, VALUE_REFRESH_MS - (now - this.lastValuesAt)));
    }
    delta.summary = this.engine.takeSummary();
    if (delta.reset || now - this.lastRulesAt >= RULES_REFRESH_MS) {
      delta.rules = this.engine.takeRuleStatuses();
      if (delta.rules) this.lastRulesAt = now;
    } else if (this.engine.rulesPending && this.rulesTimer === null) {
      this.rulesTimer = this.host.clock.setTimer(() => {
        this.rulesTimer = null;
        this.host.wake();
      }, RULES_REFRESH_MS - (now - this.lastRulesAt));
    }
    delta.tests = this.engine.takeTestResults();
    if (this.ruleErrors) {
      delta.ruleErrors = this.ruleErrors;
      this.ruleErrors = null;
    }
    if (this.queueDropped !== this.queueDroppedSent) delta.droppedAtStart = this.queueDroppedSent = this.queueDropped;
    if (this.journalDirty) {
      delta.journal = { ...this.journal };
      this.journalDirty = false;
    }
    if (this.storageError) {
      delta.storageError = this.storageError;
      this.storageError = null;
    }
    for (const k of Object.keys(delta) as (keyof AlarmsDelta)[]) if (delta[k] === undefined) delete delta[k];
    return Object.keys(delta).length ? delta : undefined;
  }
}
