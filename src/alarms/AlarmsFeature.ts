import type { TimerId } from '../engine';
import type { EngineFeature, EngineHost, MessageContext, QualityChange } from '../engine';
import { assertNever } from '../engine';
import { OutageTracker, type ConnectionStatus } from '../mqtt';
import { AlarmEngine } from './AlarmEngine';
import type { AlarmPersistence } from './alarmPersistence';
import { AlarmSharing } from './AlarmSharing';
import { AlarmWriter, DEFAULT_JOURNAL_MAX } from './AlarmWriter';
import { ListPacer } from './deltaOutput';
import { connectionSubject, journalEntry } from './journalEntry';
import { StartupQueue } from './StartupQueue';
import type { AlarmCommand, AlarmsDelta, JournalEntry, JournalFilter, JournalQueryResult } from './types';

/** Longest shelving by default: about one shift and a half (iiot-standards.md: ≤ 1 shift, 8–12 h). */
const DEFAULT_MAX_SHELVE_MS = 12 * 3600_000;
/** Latest values of shown alarms refresh at most this often; state changes go out next frame. */
const VALUE_REFRESH_MS = 250;
/** Per-rule status (instance counts) for the rule editor: at most once a second. */
const RULES_REFRESH_MS = 1000;
/** If stored states take longer than this to load (a blocked database), alarms start without them. */
const LOAD_TIMEOUT_MS = 5000;

/**
 * The alarm engine as an engine feature: rules are evaluated on every message in the worker,
 * states and the journal are persisted from here (AlarmWriter; IndexedDB is available in
 * workers), the journal is read from here (`alarms/journalQuery`), and the UI receives only
 * the alarms that are not normal-and-acknowledged.
 */
export class AlarmsFeature implements EngineFeature<'alarms'> {
  readonly key = 'alarms' as const;
  private readonly engine: AlarmEngine;
  private readonly writer: AlarmWriter;
  private readonly sharing: AlarmSharing;
  private readonly queue = new StartupQueue();
  private loaded = false;
  private rulesReceived = false;
  private station = '';
  private readonly loading: Promise<void>;
  private markLoaded!: () => void;
  private readonly whenLoaded = new Promise<void>((resolve) => (this.markLoaded = resolve));
  private journalResults: JournalQueryResult[] = [];
  private reset = true;
  private lastValuesAt = 0;
  private valueTimer: TimerId | null = null;
  private readonly listPacer = new ListPacer();
  private listTimer: TimerId | null = null;
  private lastRulesAt = -Infinity;
  private rulesTimer: TimerId | null = null;
  private ruleErrors: { ruleId: string; error: string }[] | null = null;
  private pendingRules: readonly unknown[] | null = null;

  constructor(
    private readonly host: EngineHost,
    persistence: AlarmPersistence,
    private readonly fallback: () => AlarmPersistence,
  ) {
    this.writer = new AlarmWriter(host.clock, persistence, () => host.wake());
    this.engine = new AlarmEngine(host.clock, {
      journal: (entry) => this.onJournal(entry),
      persist: (key, record) => this.writer.persist(key, record),
      persistService: (ruleId, reason) => this.writer.persistService(ruleId, reason),
      wake: () => host.wake(),
    });
    this.sharing = new AlarmSharing(host, this.engine, (entry) => this.onJournal(entry));
    const giveUp = (why: string) => {
      if (this.loaded) return;
      // Private mode, a broken or blocked database: alarms still work, they just do not survive a reload.
      this.writer.fail(`Alarm states cannot be stored (${why}); they will not survive a reload.`);
      this.writer.persistence = this.fallback();
      this.onLoaded();
    };
    const timer = host.clock.setTimer(() => giveUp('the browser database did not answer'), LOAD_TIMEOUT_MS);
    this.loading = persistence.load().then(
      (snap) => {
        host.clock.clearTimer(timer);
        if (this.loaded) return;
        this.writer.restoreMeta(snap.journalPruned, snap.lastPrunedAt);
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
    this.markLoaded();
    if (this.pendingRules) this.applyRules();
    this.host.wake();
  }

  /** Persisted states are restored before the first rules, so a reload never re-raises an acked alarm as new. */
  private applyRules(): void {
    this.ruleErrors = this.engine.setRules(this.pendingRules ?? []);
    this.pendingRules = null;
    this.queue.drain((q) => {
      this.sharing.receive(q.connectionId, q.topic, q.json);
      this.engine.onMessage(q.connectionId, q.topic, q.json, q.text, q.now);
    });
    this.host.wake();
  }

  handle(cmd: AlarmCommand): boolean {
    switch (cmd.type) {
      case 'alarms/rules':
        this.station = cmd.station;
        this.sharing.configure(cmd.settings ?? {}, cmd.station);
        this.engine.station = cmd.station;
        this.engine.maxShelveMs = cmd.settings?.maxShelveMs ?? DEFAULT_MAX_SHELVE_MS;
        this.writer.journalMax = cmd.settings?.journalMax && cmd.settings.journalMax >= 100 ? cmd.settings.journalMax : DEFAULT_JOURNAL_MAX;
        this.pendingRules = cmd.rules;
        this.rulesReceived = true;
        if (this.loaded) this.applyRules();
        return true;
      case 'alarms/acknowledge':
        this.sharing.shareAcks(this.engine.acknowledge(cmd.keys));
        return true;
      case 'alarms/shelve':
        this.sharing.shareShelves(this.engine.shelve(cmd.keys, cmd.durationMs, cmd.reason));
        return true;
      case 'alarms/unshelve':
        this.sharing.shareUnshelves(this.engine.unshelve(cmd.keys));
        return true;
      case 'alarms/reset':
        this.sharing.shareResets(this.engine.reset(cmd.keys));
        return true;
      case 'alarms/service':
        this.engine.setService(cmd.ruleId, cmd.inService, cmd.reason);
        return true;
      case 'alarms/test':
        this.engine.test(cmd.reqId, cmd.rule);
        return true;
      case 'alarms/sync':
        this.reset = true;
        this.writer.resendMeta();
        this.host.wake();
        return true;
      case 'alarms/journalQuery':
        void this.answerJournalQuery(cmd.reqId, cmd.filter, cmd.limit);
        return true;
      default:
        return assertNever(cmd, 'alarms command');
    }
  }

  onMessage(ctx: MessageContext): void {
    const json = ctx.decoded.json;
    if (!this.ready) {
      // Shared actions wait too: the shared topic is only known once the settings arrive, and a
      // retained snapshot comes first thing after connecting.
      this.queue.push({ connectionId: ctx.connectionId, topic: ctx.topic, json, text: ctx.decoded.text, now: ctx.now });
      return;
    }
    this.sharing.receive(ctx.connectionId, ctx.topic, json);
    this.engine.onMessage(ctx.connectionId, ctx.topic, json, ctx.decoded.text, ctx.now);
  }

  /** Connection outages in the journal (issue 7): one "connection lost", one "connection restored". */
  private readonly outages = new OutageTracker();

  onConnectionStatus(status: ConnectionStatus): void {
    const ev = this.outages.observe(status, this.host.clock.now());
    if (!ev) return;
    this.onJournal(
      journalEntry(connectionSubject(ev.connectionId), {
        at: ev.at, kind: 'system', action: `connection ${ev.kind}`, trigger: 'system', reason: `connection ${ev.connectionId}: ${ev.reason}`, station: this.station,
        reasonCode: ev.kind === 'restored'
          ? { code: 'connection-restored', connection: ev.connectionId, downMs: ev.downMs ?? 0 }
          : { code: 'connection-lost', connection: ev.connectionId, ...(ev.cause && { cause: ev.cause }) },
      }),
    );
    this.host.wake();
  }

  /**
   * Sparkplug death/stale and birth (the Sparkplug host calls this): bad quality on those topics'
   * alarms and one "Bad quality" diagnostic per source (badQuality.ts, QualityAlarms.ts). Applied
   * at once, also before the rules arrive: instances created later start out flagged.
   */
  onQuality(change: QualityChange): void {
    this.engine.onQuality(change);
    this.host.wake();
  }

  onTick(now: number): void {
    this.engine.tick(now);
  }

  private onJournal(entry: JournalEntry): void {
    this.writer.journal(entry);
    this.sharing.observe(entry);
  }

  /** Read where the worker writes: IndexedDB, or the memory fallback once loading gave up on it. */
  private async answerJournalQuery(reqId: number, filter: JournalFilter, limit: number | undefined): Promise<void> {
    await this.whenLoaded;
    let result: JournalQueryResult;
    try {
      result = { reqId, entries: await this.writer.queryJournal(filter, limit) };
    } catch (e) {
      result = { reqId, entries: [], error: (e as Error)?.message ?? String(e) };
    }
    this.journalResults.push(result);
    this.host.wake();
  }

  /** Resolves when everything queued so far is stored (tests, benchmarks). */
  async settled(): Promise<void> {
    if (!this.loaded) await this.loading;
    await this.writer.settled();
  }

  flush(now: number): AlarmsDelta | undefined {
    if (!this.ready) return undefined;
    const delta: { -readonly [K in keyof AlarmsDelta]: AlarmsDelta[K] } = {};
    let paced = false;
    if (this.reset) {
      this.reset = false;
      delta.reset = true;
      delta.ready = true;
      delta.upsert = this.engine.resend();
      this.lastValuesAt = now;
    } else if (this.listPacer.wait(now) > 0) {
      // An alarm storm: the rows and the summary (a pass over every shown alarm) wait, still dirty
      // in the engine, and go out together at 10 Hz (deltaOutput.ts ListPacer).
      paced = true;
      this.listTimer ??= this.host.clock.setTimer(() => {
        this.listTimer = null;
        this.host.wake();
      }, this.listPacer.wait(now));
    } else {
      const withValues = now - this.lastValuesAt >= VALUE_REFRESH_MS;
      const { upsert, remove } = this.engine.takeChanges(withValues);
      if (withValues) this.lastValuesAt = now;
      if (upsert.length) delta.upsert = upsert;
      if (remove.length) delta.remove = remove;
      this.listPacer.sent(now, upsert.length + remove.length);
    }
    if (this.engine.hasValueChanges() && this.valueTimer === null) {
      this.valueTimer = this.host.clock.setTimer(() => {
        this.valueTimer = null;
        this.host.wake();
      }, Math.max(0, VALUE_REFRESH_MS - (now - this.lastValuesAt)));
    }
    if (!paced) delta.summary = this.engine.takeSummary();
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
    delta.droppedAtStart = this.queue.takeDropped();
    delta.journal = this.writer.takeMeta();
    if (this.journalResults.length) {
      delta.journalResults = this.journalResults;
      this.journalResults = [];
    }
    delta.storageError = this.writer.takeError();
    for (const k of Object.keys(delta) as (keyof AlarmsDelta)[]) if (delta[k] === undefined) delete delta[k];
    return Object.keys(delta).length ? delta : undefined;
  }
}
