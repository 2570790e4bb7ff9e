/**
 * Small WebCrypto helpers (browser, worker and Node 20 all have `crypto.subtle`). Everything is
 * async because SubtleCrypto is; nothing here keeps keys around.
 */
const enc = new TextEncoder();

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  // Only secure contexts (https, localhost) have SubtleCrypto; say so instead of a TypeError.
  if (!s) throw new Error('WebCrypto is not available here (the page must be served over https or from localhost)');
  return s;
}

export type KeyBytes = Uint8Array | string;

const bytes = (k: KeyBytes): Uint8Array<ArrayBuffer> => (typeof k === 'string' ? enc.encode(k) : new Uint8Array(k));

export async function hmacSha256(key: KeyBytes, data: KeyBytes): Promise<Uint8Array<ArrayBuffer>> {
  const cryptoKey = await subtle().importKey('raw', bytes(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await subtle().sign('HMAC', cryptoKey, bytes(data)));
}

export async function sha256Hex(data: KeyBytes): Promise<string> {
  return toHex(new Uint8Array(await subtle().digest('SHA-256', bytes(data))));
}

export function toHex(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i++) out += (b[i] < 16 ? '0' : '') + b[i].toString(16);
  return out;
}

export function toBase64(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return btoa(s);
}

/** Decodes standard base64 (as Azure shows device keys); throws a plain message when it is not base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const clean = text.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) throw new Error('the key is not valid base64');
  const s = atob(clean);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export { subtle };
