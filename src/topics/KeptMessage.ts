import { previewPayload, type PayloadDescriber, type PayloadKind } from '../payload';
import type { MessageProperties, QoS } from '../mqtt';
import { fromSmall } from './smallTime';
import type { StoredMessage } from './types';

/** Payload kinds by number, so kind, QoS and retain share one small-integer field. */
export const KINDS: readonly PayloadKind[] = ['empty', 'json', 'text', 'binary', 'sparkplug'];

/** What few messages carry (MQTT 5 properties, a Sparkplug decoder): one field, mostly undefined. */
export type RareParts = { readonly describer?: PayloadDescriber; readonly properties?: MessageProperties };

const utf8 = new TextEncoder();
const lenient = new TextDecoder('utf-8');

/**
 * A StoredMessage that keeps text as text; `payload` and `preview` are made when first read. Small
 * (issue 17): kind, QoS and retain packed in `bits` (kind << 3 | retain << 2 | qos), the time kept
 * small (smallTime.ts), rare parts in one field. A topic's last message is not kept as one of these:
 * the trie node holds its parts (TrieNode) and makes one when someone reads it.
 */
export class KeptMessage implements StoredMessage {
  private previewText: string | undefined;

  constructor(
    readonly body: string | Uint8Array,
    readonly size: number,
    readonly bits: number,
    readonly at: number,
    readonly rare: RareParts | undefined,
  ) {}

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

  /** Sparkplug B: the payload decoded with metric names (only when someone looks at it). */
  get decodedText(): string | undefined {
    const describer = this.rare?.describer;
    return describer && typeof this.body !== 'string' ? describer.describe(this.body) : undefined;
  }

  get payload(): Uint8Array {
    return typeof this.body === 'string' ? utf8.encode(this.body) : this.body;
  }

  get preview(): string {
    if (this.previewText === undefined) this.previewText = previewOf(this.body, this.kind, this.rare?.describer);
    return this.previewText;
  }

  /** Bytes this message holds (for the history budget) without re-encoding text. */
  get heldBytes(): number {
    return this.body.length;
  }
}

function previewOf(body: string | Uint8Array, kind: PayloadKind, describer: PayloadDescriber | undefined): string {
  if (describer && typeof body !== 'string') return describer.summary(body);
  // Binary previews only need the first bytes; text previews only the text.
  if (kind === 'binary' || kind === 'empty') return previewPayload(typeof body === 'string' ? utf8.encode(body) : body, { kind });
  return previewPayload(new Uint8Array(0), { kind, text: typeof body === 'string' ? body : lenient.decode(body.subarray(0, 2048)) });
}
