import { BROKER_URL_PATTERN, type ConnectionConfig } from '../../src/config';
import { parseSubscriptions } from '../lib/subscriptionsText';
import { t } from '../i18n/i18n';

/** An empty connection form: the local demo broker, everything subscribed. */
export const blankConnection = (): ConnectionConfig => ({
  id: `conn-${Math.random().toString(36).slice(2, 8)}`,
  name: '',
  url: 'ws://127.0.0.1:9001',
  protocolVersion: 5,
  subscriptions: [{ topic: '#', qos: 0 }],
  autoConnect: false,
});

/** Clean start off, a fixed client ID (the broker finds the session by it) and, on MQTT 5, an expiry. */
export function persistentSession(d: ConnectionConfig, on: boolean): ConnectionConfig {
  if (!on) return { ...d, clean: true };
  return {
    ...d,
    clean: false,
    clientId: d.clientId || `sightglass-${Math.random().toString(36).slice(2, 10)}`,
    sessionExpiry: d.protocolVersion === 5 && !d.sessionExpiry ? 3600 : d.sessionExpiry,
  };
}

interface DraftChecks {
  readonly subscriptionsText: string;
  /** A passphrase is already set for this session. */
  readonly hasPassphrase: boolean;
  /** The passphrase typed in the form ('' when none). */
  readonly passphrase: string;
}

type CheckedDraft =
  | { readonly ok: true; readonly connection: ConnectionConfig; /** Remember the password encrypted with the passphrase. */ readonly encrypt: boolean }
  | { readonly ok: false; readonly error: string };

/** The connection the form describes, or the first thing the user must fix (shown as an alert). */
export function checkConnectionDraft(draft: ConnectionConfig, checks: DraftChecks): CheckedDraft {
  const subs = parseSubscriptions(checks.subscriptionsText);
  if (!subs.ok) return { ok: false, error: t('Subscriptions: {problem}', { problem: subs.error }) };
  if (!BROKER_URL_PATTERN.test(draft.url.trim())) return { ok: false, error: t('Broker URL must start with ws:// or wss://') };
  if (/<[^>]*>/.test(draft.url)) return { ok: false, error: t('Broker URL: replace the <…> parts of the preset with your broker') };
  const encrypt = !!draft.rememberPassword && !!draft.encryptPassword;
  if (encrypt && !checks.hasPassphrase && !checks.passphrase) return { ok: false, error: t('Enter a passphrase to encrypt the remembered password') };
  const connection: ConnectionConfig = { ...draft, url: draft.url.trim(), subscriptions: subs.value as ConnectionConfig['subscriptions'] };
  return { ok: true, connection, encrypt };
}
