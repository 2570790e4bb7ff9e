import { useId } from 'react';
import { PRESETS, presetById, type PresetId } from '../../src/auth';
import type { ConnectionConfig } from '../../src/config';
import { applyPreset } from './applyPreset';
import { useT } from '../i18n/useT';
import { fieldClass, FormField } from './FormField';
import { passwordHint, PresetFields } from './PresetFields';

interface Props {
  readonly draft: ConnectionConfig;
  setDraft(update: (d: ConnectionConfig) => ConnectionConfig): void;
  readonly password: string;
  setPassword(password: string): void;
}

/** Where the broker is and who we are: preset, name, MQTT version, Broker URL, Client ID, credentials. */
export function BrokerFields({ draft, setDraft, password, setPassword }: Props) {
  const t = useT();
  const helpId = useId();
  const preset = presetById(draft.preset as string | undefined);
  const signed = preset.auth === 'aws-sigv4';
  const hint = passwordHint(draft);
  const set = <K extends keyof ConnectionConfig>(key: K, value: ConnectionConfig[K]) => setDraft((d) => ({ ...d, [key]: value }));
  return (
    <>
      <FormField label={t('Broker preset')} wide>
        <select
          aria-label={t('Broker preset')}
          aria-describedby={helpId}
          className={fieldClass}
          value={preset.id}
          onChange={(e) => {
            setDraft((d) => applyPreset(d, e.target.value as PresetId));
            // SigV4 keeps AWS credentials in the password field: never carry one over to the other.
            if (e.target.value === 'aws-sigv4' || signed) setPassword('');
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
      </FormField>
      <FormField label={t('Name')}>
        <input aria-label={t('Name')} className={fieldClass} value={draft.name ?? ''} onChange={(e) => set('name', e.target.value)} placeholder={t('Plant broker')} />
      </FormField>
      <FormField label={t('MQTT version')}>
        <select aria-label={t('MQTT version')} className={fieldClass} value={draft.protocolVersion} onChange={(e) => set('protocolVersion', Number(e.target.value) as 4 | 5)}>
          <option value={5}>5.0</option>
          <option value={4}>3.1.1</option>
        </select>
      </FormField>
      <FormField label={t('Broker URL')} wide>
        <input aria-label={t('Broker URL')} className={`${fieldClass} font-mono`} value={draft.url} onChange={(e) => set('url', e.target.value)} placeholder={t('ws://host:9001 or wss://host:8884/mqtt')} />
      </FormField>
      <FormField label={t('Client ID')}>
        <input aria-label={t('Client ID')} className={fieldClass} value={draft.clientId ?? ''} onChange={(e) => set('clientId', e.target.value || undefined)} placeholder={t('generated when empty')} />
      </FormField>
      {!signed && (
        <>
          <FormField label={t('Username')}>
            <input aria-label={t('Username')} className={fieldClass} autoComplete="username" value={draft.username ?? ''} onChange={(e) => set('username', e.target.value || undefined)} />
          </FormField>
          <FormField label={hint ? t('Password: {hint}', { hint: t(hint) }) : t('Password')}>
            <input aria-label={t('Password')} type="password" autoComplete="current-password" className={fieldClass} value={password} onChange={(e) => setPassword(e.target.value)} />
          </FormField>
        </>
      )}
      <PresetFields draft={draft} setDraft={setDraft} password={password} setPassword={setPassword} />
    </>
  );
}
