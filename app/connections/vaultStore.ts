import { create } from 'zustand';

/**
 * What the page knows about remembered passwords that are encrypted with a passphrase
 * (secretVaultActions.ts). The passphrase itself is not here: it stays in the actions module, so
 * no store subscriber or devtools panel ever sees it.
 */
interface VaultState {
  /** Connection ids whose stored secret is encrypted and not unlocked in this page. */
  locked: string[];
  /** Set once the user typed the passphrase in this page (new secrets are encrypted with it). */
  hasPassphrase: boolean;
}

export const useVault = create<VaultState>(() => ({ locked: [], hasPassphrase: false }));
