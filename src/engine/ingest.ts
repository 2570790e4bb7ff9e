import { decodePayload, previewPayload, type DecodedPayload } from '../payload';
import type { MessageProperties, QoS } from '../mqtt/types';
import type { StoredMessage } from '../topics';

export interface Ingested {
  readonly stored: StoredMessage;
  readonly decoded: DecodedPayload;
  readonly truncated: boolean;
}

/**
 * Turns a raw MQTT message into what the engine keeps. The payload is copied (mqtt.js hands out
 * views into large socket buffers that must not be retained) and cut to `maxStored` bytes.
 */
export function ingestMessage(
  payload: Uint8Array,
  qos: QoS,
  retain: boolean,
  properties: MessageProperties | undefined,
  receivedAt: number,
  maxStored: number,
): Ingested {
  const decoded = decodePayload(payload);
  const truncated = payload.length > maxStored;
  const kept = Uint8Array.prototype.slice.call(payload, 0, maxStored) as Uint8Array;
  const stored: StoredMessage = {
    payload: kept,
    size: payload.length,
    kind: decoded.kind,
    preview: previewPayload(payload, decoded),
    qos,
    retain,
    receivedAt,
    properties: properties && Object.keys(properties).length ? cloneProperties(properties) : undefined,
  };
  return { stored, decoded, truncated };
}

/** Properties from mqtt.js may hold Buffers; keep plain, clone-safe values. */
function cloneProperties(p: MessageProperties): MessageProperties {
  const out: MessageProperties = { ...p };
  if (p.correlationData) out.correlationData = Uint8Array.prototype.slice.call(p.correlationData) as Uint8Array;
  return out;
}

/** A payload's own timestamp (`ts` or `timestamp`, ms or ISO) if plausible, for the data-age figure. */
export function payloadTimestamp(json: unknown, now: number): number | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const raw = (json as Record<string, unknown>).ts ?? (json as Record<string, unknown>).timestamp;
  const t = typeof raw === 'number' ? raw : typeof raw === 'string' ? Date.parse(raw) : NaN;
  // Only timestamps within a day back and a minute ahead are taken as clock-aligned.
  return Number.isFinite(t) && t > now - 86_400_000 && t < now + 60_000 ? t : undefined;
}
