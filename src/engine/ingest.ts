import { decodePayload, previewPayload, type DecodedPayload, type PayloadDescriber, type PayloadKind } from '../payload';
import type { MessageProperties, QoS } from '../mqtt';
import type { StoredMessage } from '../topics';
import { fromSmall, toSmall } from '../topics';

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
  const stored = new KeptMessage(
    asText ? (decoded.text as string) : (Uint8Array.prototype.slice.call(payload, 0, maxStored) as Uint8Array),
    payload.length,
    decoded,
    qos,
    retain,
    receivedAt,
    properties && Object.keys(properties).length ? cloneProperties(properties) : undefined,
  );
  return { stored, decoded, truncated };
}

const utf8 = new TextEncoder();

/** Payload kinds by number, so kind, QoS and retain share one small-integer field. */
const KINDS: readonly PayloadKind[] = ['empty', 'json', 'text', 'binary', 'sparkplug'];

/**
 * A StoredMessage that keeps text as text; `payload` and `preview` are made when first read. Kept
 * once per topic and per history entry, so it is small (issue 17): kind, QoS and retain packed in
 * one field, the time kept small (topics/smallTime.ts), rare parts (properties, a decoder) in one.
 */
class KeptMessage implements StoredMessage {
  private body: string | Uint8Array;
  private previewText: string | undefined;
  /** kind index << 3 | retain << 2 | qos. */
  private readonly bits: number;
  private readonly at: number;
  private readonly rare: { readonly describer?: PayloadDescriber; readonly properties?: MessageProperties } | undefined;

  constructor(
    body: string | Uint8Array,
    readonly size: number,
    decoded: DecodedPayload,
    qos: QoS,
    retain: boolean,
    receivedAt: number,
    properties: MessageProperties | undefined,
  ) {
    this.body = body;
    this.bits = (KINDS.indexOf(decoded.kind) << 3) | (retain ? 4 : 0) | qos;
    this.at = toSmall(receivedAt);
    this.rare = decoded.describer || properties ? { describer: decoded.describer, properties } : undefined;
  }

  get kind(): PayloadKind {
    return KINDS[this.bits >> 3];
  }

  get qos(): QoS {
    return (this.bits & 3) as QoS;
  }

  get retain(): boolean {
    return (this.bits & 4) !== 0;
  }

  get receivedAt(): number {
    return fromSmall(this.at);
  }

  get properties(): MessageProperties | undefined {
    return this.rare?.properties;
  }

  private get describer(): PayloadDescriber | undefined {
    return this.rare?.describer;
  }

  /** Sparkplug B: the payload decoded with metric names (only when someone looks at it). */
  get decodedText(): string | undefined {
    return this.describer && typeof this.body !== 'string' ? this.describer.describe(this.body) : undefined;
  }

  get payload(): Uint8Array {
    return typeof this.body === 'string' ? utf8.encode(this.body) : this.body;
  }

  get preview(): string {
    if (this.previewText === undefined && this.describer && typeof this.body !== 'string') this.previewText = this.describer.summary(this.body);
    if (this.previewText === undefined) {
      const text = typeof this.body === 'string' ? this.body : undefined;
      const bytes = typeof this.body === 'string' ? new Uint8Array(0) : this.body;
      // Binary previews only need the first bytes; text previews only the text.
      this.previewText = previewPayload(bytes, this.kind === 'binary' || this.kind === 'empty' ? { kind: this.kind } : { kind: this.kind, text: text ?? lenient.decode(bytes.subarray(0, 2048)) });
    }
    return this.previewText;
  }

  /** Bytes this message holds (for the history budget) without re-encoding text. */
  get heldBytes(): number {
    return typeof this.body === 'string' ? this.body.length : this.body.length;
  }
}

const lenient = new TextDecoder('utf-8');

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
