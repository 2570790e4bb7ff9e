import { useVault } from './vaultStore';

/** Connection ids whose remembered password is encrypted and still locked in this page. */
export const useLockedSecrets = (): string[] => useVault((v) => v.locked);

/** Whether the passphrase was typed in this page, so new remembered passwords can be encrypted. */
export const useHasPassphrase = (): boolean => useVault((v) => v.hasPassphrase);
