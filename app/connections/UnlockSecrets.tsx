import { useState } from 'react';
import { useT } from '../i18n/useT';
import { unlockSecrets } from './secretVaultActions';
import { useLockedSecrets } from './useVaultStatus';

/** Shown while remembered passwords are encrypted and not yet unlocked in this page. */
export function UnlockSecrets() {
  const t = useT();
  const locked = useLockedSecrets();
  const [pass, setPass] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!locked.length) return null;
  return (
    <form
      aria-label={t('Unlock saved passwords')}
      className="flex flex-wrap items-center gap-2 border-b border-hmi-border px-3 py-1.5 text-[13px]"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        unlockSecrets(pass).then(
          () => (setPass(''), setError(null), setBusy(false)),
          (err: Error) => (setError(err.message), setBusy(false)),
        );
      }}
    >
      <span>{t('Saved passwords are encrypted ({count}):', { count: locked.length })}</span>
      <input aria-label={t('Passphrase')} type="password" autoComplete="current-password" className="rounded border border-hmi-border bg-hmi-raised px-2 py-0.5" value={pass} onChange={(e) => setPass(e.target.value)} />
      <button type="submit" disabled={busy || !pass} className="rounded border border-hmi-text bg-hmi-raised px-2 py-0.5">
        {t('Unlock')}
      </button>
      {error && <span role="alert" className="font-semibold text-alarm-high">{t('Cannot unlock: {error}', { error })}</span>}
    </form>
  );
}
