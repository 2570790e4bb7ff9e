import type { DecodedPayload } from './types';

export type { DecodedPayload, PayloadDescriber, PayloadKind, SparkplugMetricValue } from './types';

/** Bigger payloads are classified from their text but not parsed: parsing 16 MiB per message would stall ingest. */
const MAX_JSON_PARSE_BYTES = 1 << 20;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function looksLikeJson(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    // { [ " - digits t f n
    return c === 123 || c === 91 || c === 34 || c === 45 || (c >= 48 && c <= 57) || c === 116 || c === 102 || c === 110;
  }
  return false;
}

export function decodePayload(bytes: Uint8Array): DecodedPayload {
  if (bytes.length === 0) return { kind: 'empty', text: '' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { kind: 'binary' };
  }
  if (hasControlBytes(text)) return { kind: 'binary' };
  if (bytes.length <= MAX_JSON_PARSE_BYTES && looksLikeJson(text)) {
    try {
      return { kind: 'json', text, json: JSON.parse(text) };
    } catch {
      // Malformed JSON is still text: shown as-is, never dropped.
    }
  }
  return { kind: 'text', text };
}

/** NUL and other C0 controls (except tab/newline/CR) mean the bytes are not meant as text. */
function hasControlBytes(text: string): boolean {
  const n = Math.min(text.length, 4096);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) return true;
  }
  return false;
}

import { toHex } from './hexBase64';

const PREVIEW_CHARS = 80;

/** A one-line preview for the tree: compact text, or hex for binary. */
export function previewPayload(bytes: Uint8Array, decoded: DecodedPayload): string {
  if (decoded.kind === 'empty') return '';
  if (decoded.kind === 'binary') return toHex(bytes.subarray(0, 24)) + (bytes.length > 24 ? ' …' : '');
  const text = decoded.text ?? '';
  const slice = text.length > PREVIEW_CHARS * 4 ? text.slice(0, PREVIEW_CHARS * 4) : text;
  const oneLine = slice.replace(/\s+/g, ' ').trim();
  return oneLine.length > PREVIEW_CHARS ? oneLine.slice(0, PREVIEW_CHARS - 1) + '…' : oneLine;
}
