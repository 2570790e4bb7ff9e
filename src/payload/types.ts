// Type-only (no runtime code): part of the worker⇄UI contract (src/engine/protocol.ts).

/** What a payload looks like, decided once per message in the worker. */
export type PayloadKind = 'empty' | 'json' | 'text' | 'binary';

export interface DecodedPayload {
  readonly kind: PayloadKind;
  /** UTF-8 text when the payload is valid UTF-8 (possibly truncated for big payloads). */
  readonly text?: string;
  /** Parsed JSON value when kind is 'json'. */
  readonly json?: unknown;
}
