import { decodePayload, previewPayload } from '../payload';
import type { StoredMessage } from '../topics';
import type { QoS } from '../mqtt/types';

/** Builds a StoredMessage the way the engine does, for tests. */
export function makeMessage(payload: string | Uint8Array, opts: { qos?: QoS; retain?: boolean; at?: number } = {}): StoredMessage {
  const bytes = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
  const decoded = decodePayload(bytes);
  return {
    payload: bytes,
    size: bytes.length,
    kind: decoded.kind,
    preview: previewPayload(bytes, decoded),
    qos: opts.qos ?? 0,
    retain: opts.retain ?? false,
    receivedAt: opts.at ?? 1000,
  };
}
