import { brokerHost } from '../../src/config';
import { customAuthorizerOf, customAuthorizerUsername, DEFAULT_SAS_TTL_S, packAwsCredentials, presetById, regionFromIotEndpoint, unpackAwsCredentials } from '../../src/auth';
import type { ConnectionConfig } from '../../src/config';
import { msg } from '../i18n/i18n';
import { useT } from '../i18n/useT';
import { authOf, withAzure } from './applyPreset';
import { fieldClass, FormField as Labelled } from './FormField';

const field = fieldClass;

interface Props {
  draft: ConnectionConfig;
  setDraft(update: (d: ConnectionConfig) => ConnectionConfig): void;
  password: string;
  setPassword(p: string): void;
}

/** The fields a preset needs beyond URL, user name and password (AWS and Azure credentials). */
export function PresetFields({ draft, setDraft, password, setPassword }: Props) {
  const t = useT();
  const preset = presetById(draft.preset as string | undefined);
  const auth = authOf(draft);
  switch (preset.auth) {
    case 'aws-custom-authorizer':
      return (
        <Labelled label={t('Authorizer name')} wide>
          <input aria-label={t('Authorizer name')} className={field} value={customAuthorizerOf(draft.username)} placeholder="MyAuthorizer"
            onChange={(e) => setDraft((d) => ({ ...d, username: customAuthorizerUsername(d.username ?? '', e.target.value.trim()) || undefined }))} />
        </Labelled>
      );
    case 'aws-sigv4': {
      const creds = unpackAwsCredentials(password);
      const set = (k: 'accessKeyId' | 'secretAccessKey' | 'sessionToken', v: string) => setPassword(packAwsCredentials({ ...creds, [k]: v }));
      const host = brokerHost(draft.url);
      const region = auth?.kind === 'aws-sigv4' ? (auth.region ?? '') : '';
      return (
        <>
          <Labelled label={t('Access key ID')}>
            <input aria-label={t('Access key ID')} className={`${field} font-mono`} autoComplete="off" value={creds.accessKeyId} onChange={(e) => set('accessKeyId', e.target.value)} />
          </Labelled>
          <Labelled label={t('AWS region')}>
            <input aria-label={t('AWS region')} className={field} value={region} placeholder={regionFromIotEndpoint(host) ?? 'eu-west-1'}
              onChange={(e) => setDraft((d) => ({ ...d, auth: { kind: 'aws-sigv4', region: e.target.value.trim() || undefined } }))} />
          </Labelled>
          <Labelled label={t('Secret access key')}>
            <input aria-label={t('Secret access key')} type="password" autoComplete="off" className={field} value={creds.secretAccessKey} onChange={(e) => set('secretAccessKey', e.target.value)} />
          </Labelled>
          <Labelled label={t('Session token')}>
            <input aria-label={t('Session token')} type="password" autoComplete="off" className={field} value={creds.sessionToken ?? ''} onChange={(e) => set('sessionToken', e.target.value)} />
          </Labelled>
        </>
      );
    }
    case 'azure-sas': {
      const a = auth?.kind === 'azure-sas' ? auth : { hub: '', deviceId: '', ttlS: DEFAULT_SAS_TTL_S };
      return (
        <>
          <Labelled label={t('IoT hub host name')}>
            <input aria-label={t('IoT hub host name')} className={field} value={a.hub} placeholder="myhub.azure-devices.net" onChange={(e) => setDraft((d) => withAzure(d, e.target.value.trim(), a.deviceId, a.ttlS))} />
          </Labelled>
          <Labelled label={t('Device ID')}>
            <input aria-label={t('Device ID')} className={field} value={a.deviceId} onChange={(e) => setDraft((d) => withAzure(d, a.hub, e.target.value.trim(), a.ttlS))} />
          </Labelled>
          <Labelled label={t('SAS token lifetime (h)')}>
            <input aria-label={t('SAS token lifetime (h)')} inputMode="numeric" className={field} value={Math.round(a.ttlS / 3600)}
              onChange={(e) => setDraft((d) => withAzure(d, a.hub, a.deviceId, Math.max(1, Number(e.target.value) || 1) * 3600))} />
          </Labelled>
        </>
      );
    }
    default:
      return null;
  }
}

/** What goes into the Password field for this preset (English id: show it with `t()`). */
export function passwordHint(draft: ConnectionConfig): string | undefined {
  switch (presetById(draft.preset as string | undefined).auth) {
    case 'token':
      return msg('password or token (e.g. a JWT)');
    case 'aws-custom-authorizer':
      return msg('the token your authorizer checks');
    case 'azure-sas':
      return msg("the device's primary key (base64): a SAS token is computed from it");
    default:
      return undefined;
  }
}
