/**
 * Passphrase encryption for remembered passwords: PBKDF2-SHA-256 (600 000 iterations, OWASP
 * 2023) derives an AES-256-GCM key; a fresh salt and IV per secret. The stored text is
 * `sg-enc1:<base64 salt>:<base64 iv>:<base64 ciphertext>`; without the passphrase it is useless.
 */
import { toBase64 } from '../payload';
import { keyFromBase64, subtle } from './webCrypto';

const PREFIX = 'sg-enc1:';
export const PBKDF2_ITERATIONS = 600_000;

export function isEncryptedSecret(stored: string | undefined): stored is string {
  return typeof stored === 'string' && stored.startsWith(PREFIX);
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const base = await subtle().importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function encryptSecret(plain: string, passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  if (!passphrase) throw new Error('a passphrase is needed');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(passphrase, salt, iterations);
  const data = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(plain)));
  return `${PREFIX}${iterations === PBKDF2_ITERATIONS ? '' : `${iterations}$`}${toBase64(salt)}:${toBase64(iv)}:${toBase64(data)}`;
}

/** The secret, or an error saying the passphrase is wrong (AES-GCM authenticates the data). */
export async function decryptSecret(stored: string, passphrase: string): Promise<string> {
  if (!isEncryptedSecret(stored)) throw new Error('not an encrypted secret');
  const body = stored.slice(PREFIX.length);
  const iterMatch = /^(\d+)\$/.exec(body);
  const iterations = iterMatch ? Number(iterMatch[1]) : PBKDF2_ITERATIONS;
  const [salt, iv, data] = body.slice(iterMatch ? iterMatch[0].length : 0).split(':');
  if (!salt || !iv || !data) throw new Error('the stored secret is damaged');
  const key = await deriveKey(passphrase, keyFromBase64(salt), iterations);
  try {
    return new TextDecoder().decode(await subtle().decrypt({ name: 'AES-GCM', iv: keyFromBase64(iv) }, key, keyFromBase64(data)));
  } catch {
    throw new Error('wrong passphrase');
  }
}
