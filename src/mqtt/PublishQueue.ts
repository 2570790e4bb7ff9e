import type { IClientPublishOptions, MqttClient } from 'mqtt';
import { describeReasonCode } from './reasonCodes';

/**
 * `error` when the publish failed; otherwise `note` says how it was delivered when that differs
 * from what was asked ("broker used QoS 1": RabbitMQ 3.10 answers QoS 2 with PUBACK).
 */
export type PublishCallback = (error: string | undefined, note?: string) => void;

/** QoS 0 messages the operator agreed to queue while offline; past this the publish is refused. */
const MAX_OFFLINE_QOS0 = 100;

interface Queued {
  readonly topic: string;
  readonly payload: Uint8Array;
  readonly options: IClientPublishOptions;
  readonly id: number;
}

/**
 * Publishes waiting for their outcome. QoS 1/2 go to mqtt.js at once (it keeps them in its outgoing
 * store across reconnects); QoS 0 while offline waits here, only when the operator agreed, and goes
 * out after the next CONNACK. Every callback is called exactly once: with the broker's answer, or
 * with an error when the session ends first, so no command waits forever.
 */
export class PublishQueue {
  private readonly unconfirmed = new Map<number, PublishCallback>();
  private offlineQos0: Queued[] = [];
  private nextId = 1;
  /** Message ids the broker answered with PUBACK; a QoS 2 publish expects PUBREC/PUBCOMP. */
  private readonly pubacked = new Set<number>();
  private readonly watched = new WeakSet<MqttClient>();

  send(client: MqttClient, topic: string, payload: Uint8Array, options: IClientPublishOptions, done: PublishCallback): void {
    const id = this.nextId++;
    this.unconfirmed.set(id, done);
    this.write(client, { topic, payload, options, id });
  }

  /** Keeps a QoS 0 publish for the next connection; refuses it when the queue is full. */
  hold(topic: string, payload: Uint8Array, options: IClientPublishOptions, done: PublishCallback): void {
    if (this.offlineQos0.length >= MAX_OFFLINE_QOS0) return done(`Not connected, and ${MAX_OFFLINE_QOS0} QoS 0 messages are already waiting`);
    const id = this.nextId++;
    this.unconfirmed.set(id, done);
    this.offlineQos0.push({ topic, payload, options, id });
  }

  /** After a CONNACK: sends what was held. */
  release(client: MqttClient): void {
    const held = this.offlineQos0;
    this.offlineQos0 = [];
    for (const m of held) if (this.unconfirmed.has(m.id)) this.write(client, m);
  }

  /** Fails every waiting publish with `reason` (mqtt.js forgets its callbacks on a forced end). */
  failAll(reason: string): void {
    const waiting = [...this.unconfirmed.values()];
    this.unconfirmed.clear();
    this.offlineQos0 = [];
    for (const done of waiting) done(reason);
  }

  private write(client: MqttClient, m: Queued): void {
    // mqtt.js calls back alike for PUBACK and PUBCOMP (with the stored publish, not the ack), so
    // which ack came is read off the packets as they arrive ('packetreceive' precedes handling).
    if (!this.watched.has(client)) {
      this.watched.add(client);
      client.on('packetreceive', (p) => {
        if (p.cmd === 'puback' && p.messageId !== undefined) this.pubacked.add(p.messageId);
      });
    }
    // Buffer is a Uint8Array subclass; mqtt-packet writes any Uint8Array.
    client.publish(m.topic, m.payload as Buffer, m.options, (err, packet) => {
      const messageId = packet?.messageId;
      const pubacked = messageId !== undefined && this.pubacked.delete(messageId);
      const done = this.unconfirmed.get(m.id);
      if (!done) return;
      this.unconfirmed.delete(m.id);
      if (!err) return done(undefined, m.options.qos === 2 && pubacked ? 'broker used QoS 1' : undefined);
      const code = (err as Error & { code?: number }).code;
      done(typeof code === 'number' && code >= 0x80 ? describeReasonCode(code) : err.message);
    });
  }
}
