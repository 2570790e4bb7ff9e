import { useEffect, useId, useState } from 'react';
import { PRESETS, presetById, type PresetId } from '../../src/auth';
import type { ConnectionConfig } from '../../src/config';
import { connect, disconnect } from '../config/siteActions';
import { applyPreset } from '../connections/applyPreset';
import { passwordHint, PresetFields } from '../connections/PresetFields';
import { findLockedSecrets, rememberSecret, setPassphrase, useVault } from '../connections/secretVault';
import { UnlockSecrets } from '../connections/UnlockSecrets';
import { useConnectionStatus } from '../hooks/useEngine';
import { selectConnection, useSelectedConnection, useSite } from '../hooks/useSite';
import { formatSubscriptions, parseSubscriptions } from '../lib/subscriptionsText';
import { removeConnection, upsertConnection } from '../state/siteStore';
import { engine } from '../engine/engineClient';

const field = 'w-full rounded border border-hmi-border bg-hmi-raised px-2 py-1';

const blank = (): ConnectionConfig => ({
  id: `conn-${Math.random().toString(36).slice(2, 8)}`,
  name: '',
  url: 'ws://127.0.0.1:9001',
  protocolVersion: 5,
  subscriptions: [{ topic: '#', qos: 0 }],
  autoConnect: false,
});

/** Connection form and status (contract names: Broker URL, MQTT version, Client ID, …, Connection status). */
export function ConnectionPanel() {
  const connections = useSite((s) => s.config.connections);
  const selected = useSelectedConnection();
  const passwords = useSite((s) => s.passwords);
  const loaded = useSite((s) => s.loaded);
  const hasPassphrase = useVault((v) => v.hasPassphrase);
  const [passphrase, setPassphraseText] = useState('');
  const helpId = useId();
  const [draft, setDraft] = useState<ConnectionConfig>(() => selected ?? blank());
  const [subsText, setSubsText] = useState(formatSubscriptions(draft.subscriptions));
  const [password, setPasswordText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const status = useConnectionStatus(draft.id);

  // Switching connection loads its settings into the form.
  useEffect(() => {
    if (selected && selected.id !== draft.id) {
      setDraft(selected);
      setSubsText(formatSubscriptions(selected.subscriptions));
      setError(null);
    }
  }, [selected, draft.id]);
  useEffect(() => setPasswordText(passwords[draft.id] ?? ''), [draft.id, passwords]);
  // A preset may set the subscriptions (Azure allows only the device's own topics).
  useEffect(() => setSubsText(formatSubscriptions(draft.subscriptions)), [draft.subscriptions]);
  useEffect(() => {
    if (loaded) void findLockedSecrets();
  }, [loaded]);

  const set = <K extends keyof ConnectionConfig>(key: K, value: ConnectionConfig[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const save = (): ConnectionConfig | null => {
    const subs = parseSubscriptions(subsText);
    if (!subs.ok) {
      setError(`Subscriptions: ${subs.error}`);
      return null;
    }
    if (!/^wss?:\/\/\S+$/i.test(draft.url.trim())) {
      setError('Broker URL must start with ws:// or wss://');
      return null;
    }
    if (/<[^>]*>/.test(draft.url)) {
      setError('Broker URL: replace the <…> parts of the preset with your broker');
      return null;
    }
    const encrypt = !!draft.rememberPassword && !!draft.encryptPassword;
    if (encrypt && !hasPassphrase && !passphrase) {
      setError('Enter a passphrase to encrypt the remembered password');
      return null;
    }
    if (encrypt && passphrase) setPassphrase(passphrase);
    setError(null);
    const conn: ConnectionConfig = { ...draft, url: draft.url.trim(), subscriptions: subs.value as ConnectionConfig['subscriptions'] };
    upsertConnection(conn);
    void rememberSecret(conn.id, password, !!conn.rememberPassword, encrypt).catch((e: Error) => setError(e.message));
    return conn;
  };

  const state = status?.state ?? 'disconnected';
  const statusText = status?.reason ?? 'Disconnected';
  const live = state === 'connected' || state === 'connecting' || state === 'reconnecting';
  const preset = presetById(draft.preset as string | undefined);
  const signed = preset.auth === 'aws-sigv4';
  const hint = passwordHint(draft);

  return (
    <section aria-label="Connection" className="rounded border border-hmi-border bg-hmi-panel">
      <div className="flex items-center gap-2 border-b border-hmi-border px-3 py-1.5">
        <label className="flex min-w-0 flex-1 items-center gap-2">
          <span className="text-xs font-semibold uppercase tracking-wide text-hmi-muted">Connection</span>
          <select
            aria-label="Connection"
            className={`${field} min-w-0 flex-1`}
            value={connections.some((c) => c.id === draft.id) ? draft.id : ''}
            onChange={(e) => selectConnection(e.target.value || null)}
          >
            {!connections.some((c) => c.id === draft.id) && <option value="">(new, not saved)</option>}
            {connections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name || c.id}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="rounded border border-hmi-border bg-hmi-raised px-2 py-1 text-xs"
          onClick={() => {
            const b = blank();
            setDraft(b);
            setSubsText(formatSubscriptions(b.subscriptions));
          }}
        >
          New
        </button>
      </div>
      <UnlockSecrets />
      <div
        role="status"
        aria-label="Connection status"
        className={`px-3 py-1.5 text-[13px] ${state === 'error' || (state === 'reconnecting' && statusText.includes('Error:')) ? 'font-semibold text-alarm-high' : state === 'connected' ? '' : 'text-hmi-muted'}`}
      >
        <span aria-hidden="true" className={`mr-1.5 inline-block h-2.5 w-2.5 rounded-full ${state === 'connected' ? 'bg-hmi-text' : 'border border-hmi-muted'}`} />
        {statusText}
      </div>
      {status?.subscriptions.some((s) => s.error) && (
        <ul aria-label="Subscription problems" className="px-3 pb-1 text-[13px] font-semibold text-alarm-high">
          {status.subscriptions
            .filter((s) => s.error)
            .map((s) => (
              <li key={s.topic}>
                Subscription {s.topic} refused: {s.error}
              </li>
            ))}
        </ul>
      )}
      <form
        className="grid grid-cols-2 gap-2 p-3"
        onSubmit={(e) => {
          e.preventDefault();
          const conn = save();
          if (conn) connect(conn.id);
        }}
      >
        <Field label="Broker preset" wide>
          <select
            aria-label="Broker preset"
            aria-describedby={helpId}
            className={field}
            value={preset.id}
            onChange={(e) => {
              setDraft((d) => applyPreset(d, e.target.value as PresetId));
              if (e.target.value === 'aws-sigv4' || preset.auth === 'aws-sigv4') setPasswordText('');
            }}
          >
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
          <p id={helpId} className="text-xs text-hmi-muted">
            {preset.help}
          </p>
        </Field>
        <Field label="Name">
          <input aria-label="Name" className={field} value={draft.name ?? ''} onChange={(e) => set('name', e.target.value)} placeholder="Plant broker" />
        </Field>
        <Field label="MQTT version">
          <select aria-label="MQTT version" className={field} value={draft.protocolVersion} onChange={(e) => set('protocolVersion', Number(e.target.value) as 4 | 5)}>
            <option value={5}>5.0</option>
            <option value={4}>3.1.1</option>
          </select>
        </Field>
        <Field label="Broker URL" wide>
          <input aria-label="Broker URL" className={`${field} font-mono`} value={draft.url} onChange={(e) => set('url', e.target.value)} placeholder="ws://host:9001 or wss://host:8884/mqtt" />
        </Field>
        <Field label="Client ID">
          <input aria-label="Client ID" className={field} value={draft.clientId ?? ''} onChange={(e) => set('clientId', e.target.value || undefined)} placeholder="generated when empty" />
        </Field>
        {!signed && (
          <>
            <Field label="Username">
              <input aria-label="Username" className={field} autoComplete="username" value={draft.username ?? ''} onChange={(e) => set('username', e.target.value || undefined)} />
            </Field>
            <Field label={hint ? `Password: ${hint}` : 'Password'}>
              <input aria-label="Password" type="password" autoComplete="current-password" className={field} value={password} onChange={(e) => setPasswordText(e.target.value)} />
            </Field>
          </>
        )}
        <PresetFields draft={draft} setDraft={setDraft} password={password} setPassword={setPasswordText} />
        <label className="flex items-end gap-1 pb-1 text-[13px]">
          <input
            type="checkbox"
            checked={!!draft.rememberPassword}
            onChange={(e) => {
              if (e.target.checked && !window.confirm('Remember password stores it in this browser (IndexedDB), readable by anyone using this browser profile. Continue?')) return;
              set('rememberPassword', e.target.checked);
            }}
          />
          Remember password
        </label>
        {draft.rememberPassword && (
          <div className="col-span-2 flex flex-wrap items-center gap-2 text-[13px]">
            <label className="flex items-center gap-1">
              <input type="checkbox" checked={!!draft.encryptPassword} onChange={(e) => set('encryptPassword', e.target.checked)} />
              Encrypt with a passphrase
            </label>
            {!!draft.encryptPassword && !hasPassphrase && (
              <input aria-label="Passphrase" type="password" autoComplete="new-password" className={`${field} w-48`} value={passphrase} placeholder="passphrase" onChange={(e) => setPassphraseText(e.target.value)} />
            )}
            {!!draft.encryptPassword && hasPassphrase && <span className="text-xs text-hmi-muted">encrypted with this session's passphrase</span>}
          </div>
        )}
        <Field label="Subscriptions (filter and QoS per line)" wide>
          <textarea aria-label="Subscriptions" rows={2} className={`${field} font-mono`} value={subsText} onChange={(e) => setSubsText(e.target.value)} />
        </Field>
        <details className="col-span-2">
          <summary className="cursor-pointer text-xs text-hmi-muted">Session options</summary>
          <div className="mt-2 grid grid-cols-3 gap-2">
            <Field label="Keepalive (s)">
              <input aria-label="Keepalive (s)" inputMode="numeric" className={field} value={draft.keepalive ?? ''} placeholder="20" onChange={(e) => set('keepalive', e.target.value ? Number(e.target.value) : undefined)} />
            </Field>
            <Field label="Session expiry (s)">
              <input aria-label="Session expiry (s)" inputMode="numeric" className={field} value={draft.sessionExpiry ?? ''} placeholder="0" onChange={(e) => set('sessionExpiry', e.target.value ? Number(e.target.value) : undefined)} />
            </Field>
            <label className="col-span-3 flex items-center gap-1 text-[13px]">
              <input type="checkbox" checked={draft.clean === false} onChange={(e) => setDraft((d) => persistentSession(d, e.target.checked))} />
              Persistent session (the broker keeps subscriptions and queues QoS 1/2 messages while disconnected)
            </label>
            <label className="col-span-3 flex items-center gap-1 text-[13px]">
              <input type="checkbox" checked={!!draft.autoConnect} onChange={(e) => set('autoConnect', e.target.checked)} /> Connect when Sightglass opens
            </label>
          </div>
        </details>
        {error && (
          <p role="alert" className="col-span-2 font-semibold text-alarm-high">
            {error}
          </p>
        )}
        <div className="col-span-2 flex flex-wrap gap-2">
          <button type="submit" className="rounded border border-hmi-text bg-hmi-raised px-4 py-1 font-semibold">
            Connect
          </button>
          <button type="button" className="rounded border border-hmi-border bg-hmi-raised px-3 py-1" disabled={!live} onClick={() => disconnect(draft.id)}>
            Disconnect
          </button>
          <button type="button" className="rounded border border-hmi-border bg-hmi-raised px-3 py-1" onClick={() => save()}>
            Save
          </button>
          <button
            type="button"
            className="ml-auto rounded border border-hmi-border bg-hmi-raised px-3 py-1"
            disabled={!connections.some((c) => c.id === draft.id)}
            onClick={() => {
              if (!window.confirm(`Delete connection "${draft.name || draft.id}"?`)) return;
              engine.send({ type: 'remove', connectionId: draft.id });
              removeConnection(draft.id);
            }}
          >
            Delete
          </button>
        </div>
      </form>
    </section>
  );
}

/** Clean start off, a fixed client ID (the broker finds the session by it) and, on MQTT 5, an expiry. */
function persistentSession(d: ConnectionConfig, on: boolean): ConnectionConfig {
  if (!on) return { ...d, clean: true };
  return {
    ...d,
    clean: false,
    clientId: d.clientId || `sightglass-${Math.random().toString(36).slice(2, 10)}`,
    sessionExpiry: d.protocolVersion === 5 && !d.sessionExpiry ? 3600 : d.sessionExpiry,
  };
}

function Field({ label, wide, children }: { label: string; wide?: boolean; children: React.ReactNode }) {
  return (
    <div className={`grid gap-0.5 ${wide ? 'col-span-2' : ''}`}>
      <span aria-hidden="true" className="text-xs text-hmi-muted">
        {label}
      </span>
      {children}
    </div>
  );
}
