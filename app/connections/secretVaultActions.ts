import { decryptSecret, encryptSecret, isEncryptedSecret } from '../../src/auth';
import { readSecret, writeSecret } from '../persistence';
import { connect } from '../config/siteActions';
import { useSiteStore } from '../state/siteStore';
import { useVault } from './vaultStore';
import { t } from '../i18n/i18n';

/**
 * Remembered passwords, optionally encrypted with a passphrase (WebCrypto PBKDF2 + AES-GCM,
 * src/auth/secretBox.ts) in the IndexedDB `secrets` store. The passphrase lives in memory for
 * this page only; after a reload the encrypted secrets stay locked until it is typed again.
 */
// Module state, not the store: the passphrase must never reach a store subscriber.
let passphrase: string | null = null;

export function setPassphrase(next: string): void {
  passphrase = next || null;
  useVault.setState({ hasPassphrase: !!passphrase });
}

/** Keeps the secret for this session and stores it as the user chose: not at all, plain, or encrypted. */
export async function rememberSecret(connectionId: string, secret: string, remember: boolean, encrypt: boolean): Promise<void> {
  useSiteStore.setState((s) => ({ passwords: { ...s.passwords, [connectionId]: secret } }));
  useVault.setState((v) => ({ locked: v.locked.filter((id) => id !== connectionId) }));
  let stored: string | undefined;
  if (remember && secret) {
    if (encrypt && !passphrase) throw new Error(t('Enter a passphrase to encrypt the remembered password'));
    stored = encrypt ? await encryptSecret(secret, passphrase!) : secret;
  }
  await writeSecret(connectionId, stored).catch(() => undefined);
}

/** After start-up: which remembered secrets are encrypted (bootSite leaves those out and does not auto-connect them). */
export async function findLockedSecrets(): Promise<void> {
  const { config, passwords } = useSiteStore.getState();
  const locked: string[] = [];
  for (const c of config.connections) {
    if (!c.rememberPassword || passwords[c.id]) continue;
    if (isEncryptedSecret(await readSecret(c.id))) locked.push(c.id);
  }
  useVault.setState({ locked });
}

/** Decrypts every locked secret with the passphrase; connects those set to auto-connect. */
export async function unlockSecrets(pass: string): Promise<void> {
  const { locked } = useVault.getState();
  const opened: Record<string, string> = {};
  for (const id of locked) {
    const stored = await readSecret(id);
    if (isEncryptedSecret(stored)) opened[id] = await decryptSecret(stored, pass);
  }
  setPassphrase(pass);
  useSiteStore.setState((s) => ({ passwords: { ...s.passwords, ...opened } }));
  useVault.setState({ locked: [] });
  const { config } = useSiteStore.getState();
  for (const c of config.connections) if (c.autoConnect && opened[c.id] !== undefined) connect(c.id);
}
