import type { IClientOptions } from 'mqtt';
import type { ResolvedAuth } from '../auth';
import { primaryHostWill } from './primaryHost';
import type { ConnectionSettings } from './types';

/**
 * Keepalive: a PINGREQ after 20 s of silence; mqtt.js declares the link dead after 1.5 × keepalive
 * (30 s) without anything from the broker. Short enough to notice a half-open connection (a
 * pulled cable, a NAT or firewall that forgot us: many drop idle flows after 60 s or more),
 * cheap enough (one tiny packet each way per 20 s). The browser's offline event is faster still.
 */
const DEFAULT_KEEPALIVE_S = 20;
/** A persistent session (clean start off) on MQTT 5 without an expiry of its own keeps this long. */
const DEFAULT_SESSION_EXPIRY_S = 3600;

/**
 * mqtt.js's own reconnect interval, set so long that it never fires first: the session retries
 * with its own backoff on the injected Clock (RetryTimer) and calls `client.reconnect()`.
 * Not 0: with reconnectPeriod 0 mqtt.js stops remembering subscriptions for `resubscribe`
 * (client.js `subscribe`) and fails queued QoS 1/2 publishes on a keepalive timeout or a refused
 * CONNACK (client.js `_cleanUp` → `_flush`), where they should go out after the reconnect.
 * Under 2^31 ms, which timers would clamp to 1 ms.
 */
const MQTTJS_RETRY_NEVER_MS = 24 * 3600_000;

/**
 * mqtt.js options for one connection; `currentCreds` is read on every (re)connect. `now` stamps
 * a Sparkplug primary host's STATE Will (see primaryHost.ts).
 */
export function clientOptions(s: ConnectionSettings, clientId: string, creds: ResolvedAuth | null, currentCreds: () => ResolvedAuth | null, now = 0): IClientOptions {
  const hostId = s.sparkplug?.hostId;
  // Sparkplug 3.0 host: Clean Start and Session Expiry 0, whatever the connection says otherwise.
  const persistent = s.clean === false && !hostId;
  const sessionExpiry = hostId ? 0 : (s.sessionExpiry ?? (persistent ? DEFAULT_SESSION_EXPIRY_S : undefined));
  return {
    protocolVersion: s.protocolVersion,
    clientId,
    username: s.username || undefined,
    // With computed credentials the typed secret is the input (a device key…), never sent as such.
    password: (s.auth ? creds?.password : s.password) || undefined,
    keepalive: s.keepalive ?? DEFAULT_KEEPALIVE_S,
    // Persistent session: the broker keeps subscriptions and queues QoS 1/2 messages while we are away.
    clean: !persistent,
    connectTimeout: 10_000,
    reconnectPeriod: MQTTJS_RETRY_NEVER_MS,
    // An operator command must never fire minutes later by surprise: QoS 0 is refused while offline.
    queueQoSZero: false,
    resubscribe: true,
    properties: s.protocolVersion === 5 && sessionExpiry !== undefined ? { sessionExpiryInterval: sessionExpiry } : undefined,
    // Called for every (re)connect, so a renewed presigned URL is used from then on.
    transformWsUrl: creds ? () => currentCreds()?.url ?? creds.url : undefined,
    will: hostId ? primaryHostWill(hostId, now) : undefined,
  };
}
