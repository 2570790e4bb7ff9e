/**
 * The full last payload of topics whose payload was cut for display (> 256 KiB), for "Show all"
 * and "Download" in the Message region. Kept for every topic, not only the selected one, so a
 * big retained payload that arrived before the user clicked its topic can still be shown whole;
 * bounded by a byte budget, least recently stored first out, and counted when evicted.
 */
export interface FullPayload {
  readonly bytes: Uint8Array;
  readonly receivedAt: number;
}

const DEFAULT_FULL_PAYLOAD_BYTES = 64 * 1024 * 1024;

export class FullPayloadCache {
  private readonly entries = new Map<number, FullPayload>();
  private total = 0;
  /** Payloads dropped to stay within the budget (or bigger than the whole budget). */
  evicted = 0;

  constructor(readonly maxBytes = DEFAULT_FULL_PAYLOAD_BYTES) {}

  get bytes(): number {
    return this.total;
  }

  /** Keeps a copy (mqtt.js payloads may be views into socket buffers). */
  keep(id: number, payload: Uint8Array, receivedAt: number): void {
    this.forget(id);
    if (payload.length > this.maxBytes) {
      this.evicted++;
      return;
    }
    this.entries.set(id, { bytes: Uint8Array.prototype.slice.call(payload) as Uint8Array, receivedAt });
    this.total += payload.length;
    for (const [oldId, old] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(oldId);
      this.total -= old.bytes.length;
      this.evicted++;
    }
  }

  /** The topic's latest payload was small (shown whole): the old big one is no longer its last. */
  forget(id: number): void {
    const old = this.entries.get(id);
    if (!old) return;
    this.entries.delete(id);
    this.total -= old.bytes.length;
  }

  get(id: number): FullPayload | undefined {
    return this.entries.get(id);
  }
}
