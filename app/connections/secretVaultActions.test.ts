import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { encryptSecret } from '../../src/auth';
import { readSecret, writeSecret } from '../persistence';
import { useSiteStore } from '../state/siteStore';
import { findLockedSecrets, rememberSecret, setPassphrase, unlockSecrets } from './secretVaultActions';
import { useVault } from './vaultStore';

const connected = vi.hoisted(() => [] as string[]);
vi.mock('../config/siteActions', () => ({ connect: (id: string) => void connected.push(id) }));

const connection = (id: string, autoConnect: boolean) => ({ id, name: id, rememberPassword: true, autoConnect }) as never;

beforeEach(() => {
  connected.length = 0;
  setPassphrase('');
  useVault.setState({ locked: [] });
  useSiteStore.setState((s) => ({ passwords: {}, config: { ...s.config, connections: [connection('plant', true), connection('lab', false)] } }));
});

describe('secret vault actions', () => {
  it('remembers a plain secret for the session and in storage', async () => {
    await rememberSecret('plant', 'hunter2', true, false);
    expect(useSiteStore.getState().passwords.plant).toBe('hunter2');
    expect(await readSecret('plant')).toBe('hunter2');
  });

  it('keeps a secret for the session only when not remembered', async () => {
    await writeSecret('lab', 'old');
    await rememberSecret('lab', 'new', false, false);
    expect(useSiteStore.getState().passwords.lab).toBe('new');
    expect(await readSecret('lab')).toBeUndefined();
  });

  it('refuses to encrypt without a passphrase, and publishes whether one was typed', async () => {
    await expect(rememberSecret('plant', 'hunter2', true, true)).rejects.toThrow(/passphrase/);
    setPassphrase('open sesame');
    expect(useVault.getState().hasPassphrase).toBe(true);
    setPassphrase('');
    expect(useVault.getState().hasPassphrase).toBe(false);
  });

  it('finds encrypted secrets, unlocks them and connects those set to auto-connect', async () => {
    // Few PBKDF2 iterations keep the test fast; decryptSecret reads the count from the stored text.
    await writeSecret('plant', await encryptSecret('p-secret', 'pass', 1000));
    await writeSecret('lab', await encryptSecret('l-secret', 'pass', 1000));
    await findLockedSecrets();
    expect(useVault.getState().locked).toEqual(['plant', 'lab']);

    await expect(unlockSecrets('wrong')).rejects.toThrow();
    expect(useVault.getState().locked).toEqual(['plant', 'lab']);

    await unlockSecrets('pass');
    expect(useVault.getState()).toEqual({ locked: [], hasPassphrase: true });
    expect(useSiteStore.getState().passwords).toEqual({ plant: 'p-secret', lab: 'l-secret' });
    expect(connected).toEqual(['plant']);
  });

  it('unlocks a connection by typing its password again', async () => {
    useVault.setState({ locked: ['plant', 'lab'] });
    await rememberSecret('plant', 'typed', false, false);
    expect(useVault.getState().locked).toEqual(['lab']);
  });
});
