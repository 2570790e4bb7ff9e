import type { ConnectionConfig } from '../../src/config';
import { persistentSession } from './connectionDraft';
import { useT } from '../i18n/useT';
import { fieldClass, FormField } from './FormField';

interface Props {
  readonly draft: ConnectionConfig;
  setDraft(update: (d: ConnectionConfig) => ConnectionConfig): void;
}

/** Keepalive, persistent session (MQTT clean start off) and auto-connect, folded away by default. */
export function SessionOptions({ draft, setDraft }: Props) {
  const t = useT();
  const set = <K extends keyof ConnectionConfig>(key: K, value: ConnectionConfig[K]) => setDraft((d) => ({ ...d, [key]: value }));
  return (
    <details className="col-span-2">
      <summary className="cursor-pointer text-xs text-hmi-muted">{t('Session options')}</summary>
      <div className="mt-2 grid grid-cols-3 gap-2">
        <FormField label={t('Keepalive (s)')}>
          <input aria-label={t('Keepalive (s)')} inputMode="numeric" className={fieldClass} value={draft.keepalive ?? ''} placeholder="20" onChange={(e) => set('keepalive', e.target.value ? Number(e.target.value) : undefined)} />
        </FormField>
        <FormField label={t('Session expiry (s)')}>
          <input aria-label={t('Session expiry (s)')} inputMode="numeric" className={fieldClass} value={draft.sessionExpiry ?? ''} placeholder="0" onChange={(e) => set('sessionExpiry', e.target.value ? Number(e.target.value) : undefined)} />
        </FormField>
        <label className="col-span-3 flex items-center gap-1 text-[13px]">
          <input type="checkbox" checked={draft.clean === false} onChange={(e) => setDraft((d) => persistentSession(d, e.target.checked))} />
          {t('Persistent session (the broker keeps subscriptions and queues QoS 1/2 messages while disconnected)')}
        </label>
        <label className="col-span-3 flex items-center gap-1 text-[13px]">
          <input type="checkbox" checked={!!draft.autoConnect} onChange={(e) => set('autoConnect', e.target.checked)} /> {t('Connect when Sightglass opens')}
        </label>
      </div>
    </details>
  );
}
