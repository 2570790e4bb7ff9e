/**
 * Node-side MQTT helpers (mqtt.js) for publishing to and observing the test broker,
 * normally over its plain TCP listener (`broker.tcpUrl`).
 */
import mqtt, {
  type IClientOptions,
  type IClientPublishOptions,
  type IClientSubscribeOptions,
  type IPublishPacket,
  type MqttClient,
  type Packet,
} from 'mqtt';

export type { MqttClient };

export interface ConnectOptions extends IClientOptions {
  /** Reject if not connected within this time (default 5000 ms). */
  timeoutMs?: number;
}

/**
 * Connects and resolves on CONNACK. Defaults: MQTT 5, random client id, no automatic
 * reconnect (so a refused login rejects instead of looping). Rejects with the broker's
 * error (e.g. `code` 134/135 for bad credentials on MQTT 5, 4/5 on 3.1.1).
 */
export function connectClient(url: string, opts: ConnectOptions = {}): Promise<MqttClient> {
  const { timeoutMs = 5_000, ...clientOpts } = opts;
  return new Promise<MqttClient>((resolve, reject) => {
    const client = mqtt.connect(url, {
      protocolVersion: 5,
      clientId: `e2e-${Math.random().toString(16).slice(2, 10)}`,
      reconnectPeriod: 0,
      connectTimeout: timeoutMs,
      ...clientOpts,
    });
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      client.removeListener('connect', onConnect);
      client.end(true);
      reject(err);
    };
    const onConnect = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      client.removeListener('error', fail);
      client.removeListener('close', onClose);
      // Keep an error listener so a late error does not become an unhandled 'error' event.
      client.on('error', () => {});
      resolve(client);
    };
    const onClose = () => fail(new Error(`MQTT connection to ${url} closed before CONNACK`));
    const timer = setTimeout(() => fail(new Error(`MQTT connect to ${url} timed out after ${timeoutMs} ms`)), timeoutMs);
    client.once('connect', onConnect);
    client.once('error', fail);
    client.once('close', onClose);
  });
}

/** Closes a client (force by default, so a dead broker cannot hang teardown). */
export function endClient(client: MqttClient, force = true): Promise<void> {
  return new Promise<void>((resolve) => {
    if (client.disconnected && !client.connected && !client.reconnecting) {
      client.end(true, {}, () => resolve());
      return;
    }
    client.end(force, {}, () => resolve());
  });
}

/**
 * Publishes and resolves once the broker has acknowledged (QoS 1/2) or the packet was
 * written (QoS 0). Resolves with the ack packet when there is one.
 */
export async function publish(
  client: MqttClient,
  topic: string,
  payload: string | Buffer | object,
  opts: IClientPublishOptions = {},
): Promise<Packet | undefined> {
  const body = typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload);
  return client.publishAsync(topic, body, { qos: 0, ...opts });
}

export interface ReceivedMessage {
  topic: string;
  /** UTF-8 decoded payload. */
  payload: string;
  payloadBuffer: Buffer;
  qos: 0 | 1 | 2;
  retain: boolean;
  properties?: IPublishPacket['properties'];
  receivedAt: number;
}

export interface Collector {
  /** All messages received so far that match the filter, oldest first. */
  readonly messages: ReceivedMessage[];
  /**
   * Resolves with the first message (already received or future) that satisfies the
   * predicate; rejects after timeoutMs (default 5000) listing what did arrive.
   */
  waitFor(predicate?: (m: ReceivedMessage) => boolean, timeoutMs?: number): Promise<ReceivedMessage>;
  /** Unsubscribes and stops recording. */
  stop(): Promise<void>;
}

/** True if an MQTT topic matches a subscription filter with + and # wildcards. */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  // Filters starting with a wildcard do not match $-topics ($SYS/...).
  if (topic.startsWith('$') && (f[0] === '+' || f[0] === '#')) return false;
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length) return false;
    if (f[i] !== '+' && f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}

/**
 * Subscribes to `filter` (QoS 2 by default) and records every matching message.
 * Resolves after SUBACK, so anything published afterwards is captured.
 */
export async function collect(
  client: MqttClient,
  filter: string,
  opts: Partial<IClientSubscribeOptions> = {},
): Promise<Collector> {
  const messages: ReceivedMessage[] = [];
  const waiters = new Set<{ predicate: (m: ReceivedMessage) => boolean; resolve: (m: ReceivedMessage) => void }>();

  const onMessage = (topic: string, payload: Buffer, packet: IPublishPacket) => {
    if (!topicMatches(filter, topic)) return;
    const message: ReceivedMessage = {
      topic,
      payload: payload.toString('utf8'),
      payloadBuffer: payload,
      qos: packet.qos,
      retain: !!packet.retain,
      properties: packet.properties,
      receivedAt: Date.now(),
    };
    messages.push(message);
    for (const w of [...waiters]) {
      if (w.predicate(message)) {
        waiters.delete(w);
        w.resolve(message);
      }
    }
  };
  client.on('message', onMessage);

  const granted = await client.subscribeAsync(filter, { qos: 2, ...opts } as IClientSubscribeOptions);
  // mqtt.js reports a refused subscription's reason code (0x80 and up) in `qos`.
  const refused = granted.find((g) => Number(g.qos) >= 0x80);
  if (refused) {
    client.removeListener('message', onMessage);
    throw new Error(`subscription to ${filter} refused (reason 0x${Number(refused.qos).toString(16)})`);
  }

  return {
    messages,
    waitFor(predicate = () => true, timeoutMs = 5_000) {
      const existing = messages.find(predicate);
      if (existing) return Promise.resolve(existing);
      return new Promise<ReceivedMessage>((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (m: ReceivedMessage) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const seen = messages.map((m) => `${m.topic} q${m.qos}${m.retain ? ' retained' : ''}: ${m.payload.slice(0, 80)}`);
          reject(
            new Error(
              `no matching message on ${filter} within ${timeoutMs} ms; received ${messages.length}` +
                (seen.length ? `:\n  ${seen.join('\n  ')}` : ''),
            ),
          );
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    async stop() {
      client.removeListener('message', onMessage);
      if (client.connected) await client.unsubscribeAsync(filter).catch(() => undefined);
    },
  };
}
