import { useEffect, useId, useState } from 'react';
import type { ConnectionConfig } from '../../src/config';
import { useConfirm } from './dialog';
import { connect, deleteConnection, disconnect, saveConnection, selectConnection } from '../config/siteActions';
import { BrokerFields } from '../connections/BrokerFields';
import { checkConnectionDraft } from '../connections/connectionDraft';
import { markConnectPressed, toggleConnectionEditing } from '../connections/connectionFoldActions';
import { ConnectionStatusLine } from '../connections/ConnectionStatusLine';
import { fieldClass, FormField } from '../connections/FormField';
import { PasswordMemory } from '../connections/PasswordMemory';
import { findLockedSecrets, rememberSecret, setPassphrase } from '../connections/secretVaultActions';
import { useHasPassphrase } from '../connections/useVaultStatus';
import { SessionOptions } from '../connections/SessionOptions';
import { UnlockSecrets } from '../connections/UnlockSecrets';
import { useConnectionFold } from '../connections/useConnectionFold';
import { useConnectionDraft } from '../connections/useConnectionDraft';
import { useConnectionStatus } from '../hooks/useEngine';
import { useSite } from '../hooks/useSite';
import { useT } from '../i18n/useT';
import { ConnectionSelect } from './ConnectionSelect';

const button = 'rounded border border-hmi-border bg-hmi-raised px-3 py-1';

/** Connection form and status (contract names: Broker URL, MQTT version, Client ID, …, Connection status). */
export function ConnectionPanel() {
  const t = useT();
  const connections = useSite((s) => s.config.connections);
  const loaded = useSite((s) => s.loaded);
  const hasPassphrase = useHasPassphrase();
  const [passphrase, setPassphraseText] = useState('');
  const form = useConnectionDraft();
  const { draft, setDraft } = form;
  const status = useConnectionStatus(draft.id);
  const [confirmDialog, confirm] = useConfirm();
  const saved = connections.some((c) => c.id === draft.id);
  const state = status?.state ?? 'disconnected';
  const live = state === 'connected' || state === 'connecting' || state === 'reconnecting';
  // Once connected the form folds to one line: name, status, Edit, Connect/Disconnect (issue 16, tablets).
  const { folded, foldable } = useConnectionFold(draft.id, saved, state);
  const formId = useId();

  useEffect(() => {
    if (loaded) void findLockedSecrets();
  }, [loaded]);

  const save = (): ConnectionConfig | null => {
    const checked = checkConnectionDraft(draft, { subscriptionsText: form.subsText, hasPassphrase, passphrase });
    if (!checked.ok) {
      form.setError(checked.error);
      return null;
    }
    const { connection, encrypt } = checked;
    if (encrypt && passphrase) setPassphrase(passphrase);
    form.setError(null);
    saveConnection(connection);
    void rememberSecret(connection.id, form.password, !!connection.rememberPassword, encrypt).catch((e: Error) => form.setError(e.message));
    return connection;
  };

  const remove = async () => {
    const ok = await confirm({ title: t('Delete connection'), message: t('Delete connection "{name}"?', { name: draft.name || draft.id }), confirmLabel: t('Delete connection') });
    if (ok) deleteConnection(draft.id);
  };

  return (
    <section aria-label={t('Connection')} className="rounded border border-hmi-border bg-hmi-panel">
      <div className={`flex items-center gap-x-2 gap-y-1 px-3 py-1.5 ${folded ? 'max-sm:flex-wrap' : 'flex-wrap border-b border-hmi-border'}`}>
        <label className={`flex min-w-0 items-center gap-2 ${folded ? 'min-w-[6rem] flex-[1_1_8rem]' : 'flex-1'}`}>
          <span className={`text-xs font-semibold uppercase tracking-wide text-hmi-muted ${folded ? 'max-xl:sr-only' : ''}`}>{t('Connection')}</span>
          <ConnectionSelect
            aria-label={t('Connection')}
            className={`${fieldClass} min-w-0 flex-1`}
            connections={connections}
            value={saved ? draft.id : ''}
            emptyOption={saved ? undefined : t('(new, not saved)')}
            onChange={(id) => selectConnection(id || null)}
          />
        </label>
        {folded && (
          <>
            <ConnectionStatusLine status={status} inline />
            <button type="button" className={`shrink-0 ${button}`} onClick={() => (live ? disconnect(draft.id) : connect(draft.id))}>
              {live ? t('Disconnect') : t('Connect')}
            </button>
          </>
        )}
        {foldable && (
          // Named "Edit connection"; it shows "Edit" so the line fits a tablet's half screen.
          <button
            type="button"
            className={`shrink-0 ${button}`}
            aria-label={t('Edit connection')}
            aria-expanded={!folded}
            aria-controls={folded ? undefined : formId}
            onClick={() => toggleConnectionEditing(draft.id)}
          >
            {t('Edit')} <span aria-hidden="true">{folded ? '▾' : '▴'}</span>
          </button>
        )}
        <button
          type="button"
          aria-label={t('New connection')}
          className="shrink-0 rounded border border-hmi-border bg-hmi-raised px-2 py-1 text-xs"
          onClick={() => {
            // Deselect first: the form follows the selected connection and would load it back.
            selectConnection(null);
            form.startNew();
          }}
        >
          {t('New')}
        </button>
      </div>
      <UnlockSecrets />
      {!folded && <ConnectionStatusLine status={status} />}
      {folded && <ConnectionStatusLine status={status} problemsOnly />}
      {!folded && (
        <form
          id={formId}
          aria-label={t('Connection settings')}
          className="grid grid-cols-2 gap-2 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            const conn = save();
            if (!conn) return;
            markConnectPressed(conn.id);
            connect(conn.id);
          }}
        >
          <BrokerFields draft={draft} setDraft={setDraft} password={form.password} setPassword={form.setPassword} />
          <PasswordMemory draft={draft} setDraft={setDraft} hasPassphrase={hasPassphrase} passphrase={passphrase} setPassphrase={setPassphraseText} confirm={confirm} />
          <FormField label={t('Subscriptions (filter and QoS per line)')} wide>
            <textarea aria-label={t('Subscriptions')} rows={2} className={`${fieldClass} font-mono`} value={form.subsText} onChange={(e) => form.setSubsText(e.target.value)} />
          </FormField>
          <SessionOptions draft={draft} setDraft={setDraft} />
          {form.error && (
            <p role="alert" className="col-span-2 font-semibold text-alarm-high">
              {form.error}
            </p>
          )}
          <div className="col-span-2 flex flex-wrap gap-2">
            <button type="submit" className="rounded border border-hmi-text bg-hmi-raised px-4 py-1 font-semibold">
              {t('Connect')}
            </button>
            <button type="button" className={button} disabled={!live} onClick={() => disconnect(draft.id)}>
              {t('Disconnect')}
            </button>
            <button type="button" className={button} onClick={() => save()}>
              {t('Save')}
            </button>
            <button type="button" className={`ml-auto ${button}`} disabled={!saved} onClick={() => void remove()}>
              {t('Delete')}
            </button>
          </div>
        </form>
      )}
      {confirmDialog}
    </section>
  );
}
