import { decodePayload, type DecodedPayload } from '../payload';
import type { MessageProperties, QoS } from '../mqtt';
import type { StoredMessage } from '../topics';
import { KeptMessage, KINDS, toSmall } from '../topics';

export interface Ingested {
  readonly stored: StoredMessage;
  readonly decoded: DecodedPayload;
  readonly truncated: boolean;
}

/**
 * Turns a raw MQTT message into what the engine keeps. mqtt.js hands out views into large socket
 * buffers that must not be retained, so the payload is copied and cut to `maxStored` bytes — except
 * for UTF-8 text and JSON, the common case: there the decoded text (needed anyway) is kept and the
 * bytes are re-encoded only when someone looks at them. That saves an ArrayBuffer and a preview
 * string per message, which under a flood was most of the engine's garbage (issue 9 profile).
 * `predecoded` is a feature's own decode of its topics (Sparkplug B under `spBv1.0/`, decoded
 * once by the connection's host with aliases resolved); the generic decoder is then skipped.
 */
export function ingestMessage(
  payload: Uint8Array,
  qos: QoS,
  retain: boolean,
  properties: MessageProperties | undefined,
  receivedAt: number,
  maxStored: number,
  predecoded?: DecodedPayload,
): Ingested {
  const decoded = predecoded ?? decodePayload(payload);
  const truncated = payload.length > maxStored;
  // A byte-order mark is dropped by the decoder, so such text would not re-encode to the same bytes.
  const asText = !truncated && decoded.text !== undefined && (decoded.kind === 'json' || decoded.kind === 'text') && !hasBom(payload);
  const props = properties && Object.keys(properties).length ? cloneProperties(properties) : undefined;
  const stored = new KeptMessage(
    asText ? (decoded.text as string) : (Uint8Array.prototype.slice.call(payload, 0, maxStored) as Uint8Array),
    payload.length,
    // kind index << 3 | retain << 2 | qos: see KeptMessage.
    (KINDS.indexOf(decoded.kind) << 3) | (retain ? 4 : 0) | qos,
    toSmall(receivedAt),
    decoded.describer || props ? { describer: decoded.describer, properties: props } : undefined,
  );
  return { stored, decoded, truncated };
}

function hasBom(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
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
