/**
 * The one hex and base64 codec, for payload views, the payload editor and the auth signers
 * (SigV4 hex digests, Azure SAS keys, the secret box). Pure; `btoa`/`atob` exist in windows,
 * workers and Node 20.
 */

/** A parse result that says why the text was refused (shown to the operator as typed). */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const HEX_PAIRS = Array.from({ length: 256 }, (_, i) => (i < 16 ? '0' : '') + i.toString(16));

export interface HexOptions {
  /** Between bytes on a line; ' ' unless given ('' for digests). */
  readonly separator?: string;
  /** Start a new line after this many bytes; one line unless given. */
  readonly bytesPerLine?: number;
}

/** "0a ff 10"; with `bytesPerLine` the lines are joined by \n. */
export function toHex(bytes: Uint8Array, { separator = ' ', bytesPerLine = 0 }: HexOptions = {}): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    if (i > 0) out += bytesPerLine > 0 && i % bytesPerLine === 0 ? '\n' : separator;
    out += HEX_PAIRS[bytes[i]];
  }
  return out;
}

/** Accepts "0aff", "0a ff", "0x0a 0xff", with any whitespace, colons or commas between bytes. */
export function fromHex(text: string): Parsed<Uint8Array<ArrayBuffer>> {
  const digits = text.replace(/0x/gi, '').replace(/[\s:,]/g, '');
  const bad = digits.search(/[^0-9a-f]/i);
  if (bad >= 0) return { ok: false, error: `"${digits[bad]}" is not a hex digit` };
  if (digits.length % 2) return { ok: false, error: 'odd number of hex digits (each byte needs two)' };
  const out = new Uint8Array(digits.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(digits.slice(i * 2, i * 2 + 2), 16);
  return { ok: true, value: out };
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked: String.fromCharCode(...big) overflows the argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Standard or URL-safe base64; whitespace ignored; padding optional. */
export function fromBase64(text: string): Parsed<Uint8Array<ArrayBuffer>> {
  let s = text.replace(/\s/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return { ok: false, error: 'only A–Z, a–z, 0–9, +, / and = padding are allowed' };
  s = s.replace(/=+$/, '');
  if (s.length % 4 === 1) return { ok: false, error: 'length is not valid for base64' };
  s += '='.repeat((4 - (s.length % 4)) % 4);
  const binary = atob(s);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return { ok: true, value: out };
}
