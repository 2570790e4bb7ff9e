import type { MqttClient } from 'mqtt';
import { describeSubackCode } from './reasonCodes';
import type { ProtocolVersion, QoS, SubscriptionStatus } from './types';

/**
 * Subscribes each filter on its own, so each gets its own SUBACK result (granted QoS or the
 * broker's refusal in words); `onResult` gets the index and the updated status.
 */
export function subscribePerFilter(client: MqttClient, subs: readonly SubscriptionStatus[], version: ProtocolVersion, onResult: (index: number, status: SubscriptionStatus) => void): void {
  subs.forEach((sub, i) => {
    client.subscribe(sub.topic, { qos: sub.qos }, (err, granted) => {
      // On a refusal mqtt.js 5 passes the error (its `code` is the SUBACK reason code) and the
      // *requested* subscriptions as `granted`: their qos is not what the broker said.
      const e = err as (Error & { code?: number; packet?: { granted?: number[] } }) | null;
      const reason = e?.packet?.granted?.[0] ?? e?.code;
      const code = err ? (typeof reason === 'number' && reason >= 0x80 ? reason : undefined) : (granted?.[0]?.qos ?? 0);
      const error = code === undefined ? (err?.message ?? 'Refused') : describeSubackCode(code, version);
      onResult(i, { ...sub, granted: error ? undefined : (code as QoS), error });
    });
  });
}
