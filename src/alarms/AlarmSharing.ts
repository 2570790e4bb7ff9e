import type { EngineHost } from '../engine';
import type { AlarmEngine } from './AlarmEngine';
import { instanceKey } from './AlarmInstance';
import { connectionSubject, journalEntry } from './journalEntry';
import type { ShelveDone } from './operatorActions';
import { decodeShared, encodeShared, MAX_SNAPSHOT_ACKS, MAX_SNAPSHOT_RESETS, MAX_SNAPSHOT_SHELVES, type SharedMessage } from './sharedAlarmMessage';
import { seenOf, snapshotIsBehind, type SeenSnapshot, type SnapshotContent } from './snapshotCoverage';
import type { TimerId } from '../engine';
import type { AlarmSettings, JournalEntry } from './types';

const enc = new TextEncoder();
/** Ignored (malformed) shared messages are journalled at most this often; the others are counted. */
const NOTE_INTERVAL_MS = 60_000;
/**
 * Correcting the retained snapshot (see `checkSnapshotSoon`): the screen that wrote it waits this
 * long, the others longer and each a different time, so one screen corrects it and the rest see
 * that and stand down. A correction is sent at most this often.
 */
const CHECK_WRITER_MS = 1000;
const CHECK_OTHERS_MS = 3000;
const CHECK_SPREAD_MS = 4000;
const MIN_CORRECTION_INTERVAL_MS = 10_000;

/**
 * Alarms over MQTT, both off unless a topic is configured (`alarmSettings`): acknowledgements,
 * shelves, unshelves and latch resets shared between screens (`shareAcksTopic`, formats in
 * sharedAlarmMessage.ts), and each transition published as JSON (`publishTopic`).
 *
 * Events go out as they happen (QoS 1, not retained). After each action the acting screen also
 * publishes a retained snapshot of the shelves it knows, the latest resets and acknowledgements:
 * a screen that connects later learns them from the broker. A snapshot only adds (shelves not
 * already here, resets of latches and acks of activations older than the action), so a stale one
 * can never undo what a screen saw happen; shelves expire by their absolute time on every screen
 * alike. An ack whose alarm activated again since is left out of the snapshots this screen writes.
 *
 * The broker keeps the last snapshot only: when two screens act in the same instant it may keep
 * one that misses the other's action, and one written before an acknowledged alarm activated again
 * would have a late joiner take that ack for the new activation. So every screen compares the
 * retained snapshot with what it knows, after any shared event, snapshot or re-activation, and one
 * of them publishes a corrected one (bounded: one timer per screen, one correction per 10 s).
 */
export class AlarmSharing {
  private settings: AlarmSettings = {};
  private station = '';
  /** The latest resets (local and remote), for the snapshot: key → time. */
  private readonly resets = new Map<string, number>();
  /** The latest acknowledgements (local and remote), for the snapshot: key → time. */
  private readonly acks = new Map<string, number>();
  /** The snapshot the broker keeps, as last seen on the topic (this screen's own included). */
  private seen: SeenSnapshot | null = null;
  private seenStation = '';
  private checkTimer: TimerId | null = null;
  private lastCorrectionAt = -Infinity;
  private lastNoteAt = -Infinity;
  private unnoted = 0;

  constructor(
    private readonly host: EngineHost,
    private readonly engine: AlarmEngine,
    private readonly journal: (entry: JournalEntry) => void,
  ) {}

  configure(settings: AlarmSettings, station: string): void {
    this.settings = settings;
    this.station = station;
  }

  /** Tells the other screens which alarms this one acknowledged. */
  shareAcks(keys: readonly string[]): void {
    const at = this.host.clock.now();
    for (const k of keys) remember(this.acks, k, at, MAX_SNAPSHOT_ACKS);
    this.send({ type: 'acknowledge', station: this.station, at, keys });
    if (keys.length) this.sendSnapshot(keys);
  }

  /** One operator action shelves with one expiry and reason. */
  shareShelves(done: readonly ShelveDone[]): void {
    if (!done.length) return;
    const { until, reason } = done[0];
    const keys = done.map((d) => d.key);
    this.send({ type: 'shelve', station: this.station, at: this.host.clock.now(), until, reason, keys });
    this.sendSnapshot(keys);
  }

  shareUnshelves(keys: readonly string[]): void {
    this.send({ type: 'unshelve', station: this.station, at: this.host.clock.now(), keys });
    if (keys.length) this.sendSnapshot(keys);
  }

  shareResets(keys: readonly string[]): void {
    const at = this.host.clock.now();
    for (const k of keys) this.rememberReset(k, at);
    this.send({ type: 'reset', station: this.station, at, keys });
    if (keys.length) this.sendSnapshot(keys);
  }

  /** A message from any connection: another screen's action on the shared topic is applied here. */
  receive(connectionId: string, topic: string, json: unknown): void {
    if (!this.settings.shareAcksTopic || topic !== this.settings.shareAcksTopic) return;
    const decoded = decodeShared(json);
    if (!decoded.ok) return this.noteIgnored(connectionId, topic, decoded.error);
    const msg = decoded.msg;
    if (msg.type === 'snapshot') {
      this.seen = seenOf(msg);
      this.seenStation = msg.station;
    }
    if (msg.station === this.station) return;
    this.checkSnapshotSoon();
    switch (msg.type) {
      case 'acknowledge': {
        // Applied to the activation standing here now; remembered at this screen's time (not the
        // sender's, which may run a little behind), so this screen's snapshots keep it.
        const now = Math.max(msg.at, this.host.clock.now());
        for (const k of msg.keys) remember(this.acks, k, now, MAX_SNAPSHOT_ACKS);
        this.engine.acknowledge(msg.keys, 'remote', msg.station);
        return;
      }
      case 'shelve':
        for (const key of msg.keys) this.engine.remoteShelve(key, msg.until, msg.reason, msg.station);
        return;
      case 'unshelve':
        this.engine.unshelve(msg.keys, 'remote', msg.station);
        return;
      case 'reset':
        for (const key of msg.keys) {
          this.rememberReset(key, msg.at);
          // A live event is about the latch standing now: no time comparison across two clocks.
          this.engine.remoteReset(key, Infinity, msg.station);
        }
        return;
      case 'snapshot':
        for (const r of msg.resets) {
          this.rememberReset(r.key, r.at);
          this.engine.remoteReset(r.key, r.at, msg.station);
        }
        for (const s of msg.shelves) this.engine.remoteShelve(s.key, s.until, s.reason, msg.station, true);
        // Oldest first, so the newest stay when the map is full.
        for (let i = msg.acks.length - 1; i >= 0; i--) {
          const { key, at } = msg.acks[i];
          if ((this.acks.get(key) ?? -1) < at) remember(this.acks, key, at, MAX_SNAPSHOT_ACKS);
          this.engine.remoteAcknowledge(key, at, msg.station);
        }
        return;
    }
  }

  /** Every journal entry: an alarm the retained snapshot holds an ack for may have activated again. */
  observe(entry: JournalEntry): void {
    if (entry.kind === 'transition' && this.seen?.acks.size && this.seen.acks.has(instanceKey(entry.ruleId, entry.topic))) this.checkSnapshotSoon();
    this.publishTransition(entry);
  }

  publishTransition(entry: JournalEntry): void {
    const topic = this.settings.publishTopic;
    if (!topic || entry.from === entry.to) return;
    const body = JSON.stringify({
      type: 'alarm-transition', at: entry.at, ruleId: entry.ruleId, name: entry.ruleName, priority: entry.priority, topic: entry.topic,
      connection: entry.connectionId, value: entry.value, from: entry.from, to: entry.to, action: entry.action, trigger: entry.trigger,
      reason: entry.reason, station: entry.station,
    });
    this.publishEverywhere(topic, body, [entry.connectionId], false);
  }

  private rememberReset(key: string, at: number): void {
    remember(this.resets, key, at, MAX_SNAPSHOT_RESETS);
  }

  private send(msg: SharedMessage & { keys: readonly string[] }): void {
    const topic = this.settings.shareAcksTopic;
    if (!topic || !msg.keys.length) return;
    this.publishEverywhere(topic, encodeShared(msg), this.connectionsOf(msg.keys), false);
  }

  /** What this screen would publish as the snapshot now. */
  private snapshotContent(): SnapshotContent {
    const shelves = this.engine.shelves(MAX_SNAPSHOT_SHELVES);
    const resets = [...this.resets].reverse().map(([key, at]) => ({ key, at }));
    const acks = [...this.acks].reverse().filter(([key, at]) => this.engine.ackStands(key, at)).slice(0, MAX_SNAPSHOT_ACKS).map(([key, at]) => ({ key, at }));
    return { shelves, resets, acks };
  }

  /** The retained state for late joiners, on the connections of the alarms just acted on and of every entry. */
  private sendSnapshot(actedOn: readonly string[]): void {
    const topic = this.settings.shareAcksTopic;
    if (!topic) return;
    const content = this.snapshotContent();
    const body = encodeShared({ type: 'snapshot', station: this.station, at: this.host.clock.now(), ...content });
    const keys = [...actedOn, ...content.shelves.map((s) => s.key), ...content.acks.map((a) => a.key), ...content.resets.map((r) => r.key)];
    this.publishEverywhere(topic, body, this.connectionsOf(keys), true);
    this.seen = seenOf(content);
    this.seenStation = this.station;
  }

  /** Looks again after a wait (see the class comment); a screen that corrects it publishes the merged snapshot. */
  private checkSnapshotSoon(): void {
    if (this.checkTimer !== null || !this.settings.shareAcksTopic) return;
    const wait = this.seenStation === this.station ? CHECK_WRITER_MS : CHECK_OTHERS_MS + (hash(this.station) % CHECK_SPREAD_MS);
    this.checkTimer = this.host.clock.setTimer(() => {
      this.checkTimer = null;
      if (!snapshotIsBehind(this.seen, this.snapshotContent(), (key, at) => this.engine.ackStands(key, at))) return;
      const now = this.host.clock.now();
      if (now - this.lastCorrectionAt < MIN_CORRECTION_INTERVAL_MS) return this.checkSnapshotSoon();
      this.lastCorrectionAt = now;
      // On the connections of the acks it drops too (the snapshot may now be empty).
      this.sendSnapshot([...(this.seen?.acks.keys() ?? [])]);
    }, wait);
  }

  /** Publishes on the configured connection, or on each connection the alarms came from. */
  private publishEverywhere(topic: string, body: string, connections: readonly string[], retain: boolean): void {
    const targets = this.settings.connection ? [this.settings.connection] : [...new Set(connections.filter(Boolean))];
    const payload = enc.encode(body);
    for (const c of targets) this.host.publish(c, topic, payload, { qos: 1, retain });
  }

  private connectionsOf(keys: readonly string[]): string[] {
    return keys.map((k) => this.engine.viewOf(k)?.connectionId ?? '');
  }

  /** Untrusted input is dropped whole; the journal says so, at most once a minute (a flood stays one line). */
  private noteIgnored(connectionId: string, topic: string, why: string): void {
    const now = this.host.clock.now();
    if (now - this.lastNoteAt < NOTE_INTERVAL_MS) {
      this.unnoted++;
      return;
    }
    const more = this.unnoted ? ` (and ${this.unnoted} more since the last note)` : '';
    this.lastNoteAt = now;
    this.unnoted = 0;
    this.journal(
      journalEntry(
        { ...connectionSubject(connectionId), topic },
        { at: now, kind: 'system', action: 'shared alarm message ignored', trigger: 'system', reason: `${why}${more}`, station: this.station },
      ),
    );
  }
}

/** A station name's own small number, so screens wait different times. */
function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
  return h;
}

/** Newest last; beyond `max` the oldest goes. */
function remember(map: Map<string, number>, key: string, at: number, max: number): void {
  map.delete(key);
  map.set(key, at);
  if (map.size > max) map.delete(map.keys().next().value as string);
}
