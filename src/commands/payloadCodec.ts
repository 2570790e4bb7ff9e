/**
 * The payload editor's modes: the operator types text, JSON, hex or base64; the broker gets bytes.
 * Pure functions so the editor's conversions are unit-tested (issue 6 "Payload editor").
 */
import { fromBase64, fromHex, toBase64, toHex, type Parsed } from '../payload';

export type PayloadEncoding = 'text' | 'json' | 'hex' | 'base64';

export const PAYLOAD_ENCODINGS: readonly PayloadEncoding[] = ['text', 'json', 'hex', 'base64'];

export type Converted<T> = Parsed<T>;

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** JSON.parse's message already says where ("… at position 12 (line 2 column 3)"). */
export function checkJson(text: string): Converted<unknown> {
  if (text.trim() === '') return { ok: false, error: 'empty (JSON needs a value, e.g. {} or 0)' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

export function formatJson(text: string): Converted<string> {
  const parsed = checkJson(text);
  return parsed.ok ? { ok: true, value: JSON.stringify(parsed.value, null, 2) } : parsed;
}

/** The bytes to publish for what the operator typed in a mode. */
export function encodePayload(text: string, encoding: PayloadEncoding): Converted<Uint8Array> {
  switch (encoding) {
    case 'text':
      return { ok: true, value: utf8.encode(text) };
    case 'json': {
      const parsed = checkJson(text);
      return parsed.ok ? { ok: true, value: utf8.encode(text) } : { ok: false, error: `not valid JSON: ${parsed.error}` };
    }
    case 'hex': {
      const r = fromHex(text);
      return r.ok ? r : { ok: false, error: `not valid hex: ${r.error}` };
    }
    case 'base64': {
      const r = fromBase64(text);
      return r.ok ? r : { ok: false, error: `not valid base64: ${r.error}` };
    }
  }
}

/** How the given bytes read in a mode (for switching modes without losing a byte). */
export function decodePayload(bytes: Uint8Array, encoding: PayloadEncoding): Converted<string> {
  switch (encoding) {
    case 'text':
    case 'json': {
      if (!isValidUtf8(bytes)) return { ok: false, error: 'the payload is not valid UTF-8 text; keep it as hex or base64' };
      const text = strictUtf8.decode(bytes);
      if (encoding === 'text') return { ok: true, value: text };
      const formatted = formatJson(text);
      // Text that is not JSON stays as it is: the editor then shows why it is invalid.
      return { ok: true, value: formatted.ok ? formatted.value : text };
    }
    case 'hex':
      return { ok: true, value: toHex(bytes, { bytesPerLine: 16 }) };
    case 'base64':
      return { ok: true, value: toBase64(bytes) };
  }
}

/** Re-expresses the editor's content when the operator switches mode; the bytes stay the same. */
export function convertPayloadText(text: string, from: PayloadEncoding, to: PayloadEncoding): Converted<string> {
  if (from === to) return { ok: true, value: text };
  // Text ↔ JSON is the same bytes; keep the operator's layout unless asked to format.
  if ((from === 'text' || from === 'json') && (to === 'text' || to === 'json')) return { ok: true, value: text };
  const bytes = from === 'json' ? { ok: true as const, value: utf8.encode(text) } : encodePayload(text, from);
  if (!bytes.ok) return bytes;
  return decodePayload(bytes.value, to);
}

/** A short, safe one-line summary for lists and the audit: text when it is text, else hex. */
export function summarizePayload(bytes: Uint8Array, max = 200): string {
  if (bytes.length === 0) return '(empty)';
  if (isValidUtf8(bytes)) {
    const text = strictUtf8.decode(bytes).replace(/\s+/g, ' ').trim();
    return text.length > max ? `${text.slice(0, max)}…` : text;
  }
  const shown = bytes.subarray(0, Math.floor(max / 3));
  return `hex ${toHex(shown)}${shown.length < bytes.length ? ' …' : ''}`;
}
