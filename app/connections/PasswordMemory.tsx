import type { ConnectionConfig } from '../../src/config';
import type { ConfirmRequest } from '../components/dialog';
import { msg } from '../i18n/i18n';
import { useT } from '../i18n/useT';
import { fieldClass } from './FormField';

interface Props {
  readonly draft: ConnectionConfig;
  setDraft(update: (d: ConnectionConfig) => ConnectionConfig): void;
  readonly hasPassphrase: boolean;
  readonly passphrase: string;
  setPassphrase(text: string): void;
  confirm(request: ConfirmRequest): Promise<boolean>;
}

const REMEMBER_WARNING: ConfirmRequest = {
  title: msg('Remember password'),
  message: msg('Remember password stores it in this browser (IndexedDB), readable by anyone using this browser profile. Continue?'),
  confirmLabel: msg('Remember'),
};

/** "Remember password" (after a warning) and, optionally, encryption with a session passphrase. */
export function PasswordMemory({ draft, setDraft, hasPassphrase, passphrase, setPassphrase, confirm }: Props) {
  const t = useT();
  const set = <K extends keyof ConnectionConfig>(key: K, value: ConnectionConfig[K]) => setDraft((d) => ({ ...d, [key]: value }));
  return (
    <>
      <label className="flex items-end gap-1 pb-1 text-[13px]">
        <input
          type="checkbox"
          checked={!!draft.rememberPassword}
          onChange={async (e) => {
            const checked = e.target.checked;
            if (checked && !(await confirm({ title: t(REMEMBER_WARNING.title), message: t(REMEMBER_WARNING.message), confirmLabel: t(REMEMBER_WARNING.confirmLabel!) }))) return;
            set('rememberPassword', checked);
          }}
        />
        {t('Remember password')}
      </label>
      {draft.rememberPassword && (
        <div className="col-span-2 flex flex-wrap items-center gap-2 text-[13px]">
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={!!draft.encryptPassword} onChange={(e) => set('encryptPassword', e.target.checked)} />
            {t('Encrypt with a passphrase')}
          </label>
          {!!draft.encryptPassword && !hasPassphrase && (
            <input aria-label={t('Passphrase')} type="password" autoComplete="new-password" className={`${fieldClass} w-48`} value={passphrase} placeholder={t('passphrase')} onChange={(e) => setPassphrase(e.target.value)} />
          )}
          {!!draft.encryptPassword && hasPassphrase && <span className="text-xs text-hmi-muted">{t("encrypted with this session's passphrase")}</span>}
        </div>
      )}
    </>
  );
}
