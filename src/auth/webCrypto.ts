/**
 * Small WebCrypto helpers (browser, worker and Node 20 all have `crypto.subtle`). Everything is
 * async because SubtleCrypto is; nothing here keeps keys around.
 */
import { fromBase64, toHex } from '../payload';

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
  return toHex(new Uint8Array(await subtle().digest('SHA-256', bytes(data))), { separator: '' });
}

/** Decodes base64 (as Azure shows device keys); throws a plain message when it is not base64. */
export function keyFromBase64(text: string): Uint8Array<ArrayBuffer> {
  const r = fromBase64(text);
  if (!r.ok) throw new Error('the key is not valid base64');
  return r.value;
}

export { subtle };
