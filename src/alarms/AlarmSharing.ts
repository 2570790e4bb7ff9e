import type { EngineHost } from '../engine';
import type { AlarmEngine } from './AlarmEngine';
import { instanceKey } from './AlarmInstance';
import type { AlarmSettings, JournalEntry } from './types';

const enc = new TextEncoder();
/** Most alarms taken from one shared acknowledgement (a malformed or hostile message is bounded). */
const MAX_SHARED_KEYS = 10_000;

/**
 * Alarms over MQTT, both off unless a topic is configured (`alarmSettings`): acknowledgements
 * shared between screens (`shareAcksTopic`), and each transition published as JSON (`publishTopic`).
 */
export class AlarmSharing {
  private settings: AlarmSettings = {};
  private station = '';

  constructor(
    private readonly host: EngineHost,
    private readonly engine: AlarmEngine,
  ) {}

  configure(settings: AlarmSettings, station: string): void {
    this.settings = settings;
    this.station = station;
  }

  /** Tells the other screens which alarms this one acknowledged. */
  shareAcks(keys: readonly string[]): void {
    const topic = this.settings.shareAcksTopic;
    if (!topic || !keys.length) return;
    const alarms = keys.map((k) => {
      const [ruleId, t] = k.split('\u001f');
      return { ruleId, topic: t };
    });
    const body = JSON.stringify({ type: 'acknowledge', station: this.station, at: this.host.clock.now(), alarms });
    this.publishEverywhere(topic, body, alarms.map((a) => this.engine.viewOf(instanceKey(a.ruleId, a.topic))?.connectionId ?? ''));
  }

  /** A message: if it is another screen's acknowledgement, acknowledge here too. */
  receive(topic: string, json: unknown): void {
    if (!this.settings.shareAcksTopic || topic !== this.settings.shareAcksTopic) return;
    if (typeof json !== 'object' || json === null) return;
    const msg = json as { type?: unknown; station?: unknown; alarms?: unknown };
    if (msg.type !== 'acknowledge' || msg.station === this.station || !Array.isArray(msg.alarms)) return;
    const keys: string[] = [];
    for (const a of msg.alarms.slice(0, MAX_SHARED_KEYS)) {
      if (typeof a?.ruleId === 'string' && typeof a?.topic === 'string') keys.push(instanceKey(a.ruleId, a.topic));
    }
    this.engine.acknowledge(keys, 'remote', typeof msg.station === 'string' ? msg.station.slice(0, 100) : 'remote');
  }

  publishTransition(entry: JournalEntry): void {
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
}
