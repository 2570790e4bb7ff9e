import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, isEncryptedSecret } from './secretBox';

// Few iterations keep the test fast; the format records them.
const FAST = 1000;

describe('passphrase-encrypted secrets', () => {
  it('round-trips, and every encryption differs (fresh salt and IV)', async () => {
    const a = await encryptSecret('s3cr3t ✓', 'correct horse', FAST);
    const b = await encryptSecret('s3cr3t ✓', 'correct horse', FAST);
    expect(isEncryptedSecret(a)).toBe(true);
    expect(a).not.toBe(b);
    expect(a).not.toContain('s3cr3t');
    expect(await decryptSecret(a, 'correct horse')).toBe('s3cr3t ✓');
  });

  it('refuses a wrong passphrase and damaged data', async () => {
    const a = await encryptSecret('s3cr3t', 'right', FAST);
    await expect(decryptSecret(a, 'wrong')).rejects.toThrow('wrong passphrase');
    await expect(decryptSecret(a.slice(0, -6) + 'AAAAAA', 'right')).rejects.toThrow('wrong passphrase');
    await expect(decryptSecret('sg-enc1:xx', 'right')).rejects.toThrow('damaged');
  });

  it('uses 600 000 PBKDF2 iterations by default', async () => {
    const a = await encryptSecret('x', 'p');
    expect(a).toMatch(/^sg-enc1:[A-Za-z0-9+/=]+:/);
    expect(await decryptSecret(a, 'p')).toBe('x');
  }, 20_000);

  it('tells plain from encrypted', () => {
    expect(isEncryptedSecret('hunter2')).toBe(false);
    expect(isEncryptedSecret(undefined)).toBe(false);
  });
});
