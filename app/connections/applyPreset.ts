import { azureConnectionFields, DEFAULT_SAS_TTL_S, parseAuthSpec, presetById, type AuthSpec, type PresetId } from '../../src/auth';
import type { ConnectionConfig } from '../../src/config';

/** The connection form after choosing a preset: URL template, MQTT version and auth style filled in. */
export function applyPreset(draft: ConnectionConfig, id: PresetId): ConnectionConfig {
  const p = presetById(id);
  const { auth, ...rest } = draft;
  const next: ConnectionConfig = { ...rest, preset: p.id };
  // Leaving Azure: its device identity and device-only subscription make no sense elsewhere.
  if (parseAuthSpec(auth)?.kind === 'azure-sas' && p.auth !== 'azure-sas') {
    Object.assign(next, { clientId: undefined, username: undefined, subscriptions: [{ topic: '#', qos: 0 }] });
  }
  if (p.id === 'custom') return next;
  next.url = p.url;
  next.protocolVersion = p.protocolVersion;
  if (p.auth === 'aws-sigv4') return { ...next, auth: { kind: 'aws-sigv4' } satisfies AuthSpec, username: undefined };
  if (p.auth === 'azure-sas') return withAzure(next, '', '', DEFAULT_SAS_TTL_S);
  return next;
}

/** Azure IoT Hub: hub and device decide URL, user name, client id and the allowed subscription. */
export function withAzure(draft: ConnectionConfig, hub: string, deviceId: string, ttlS: number): ConnectionConfig {
  const auth: AuthSpec = { kind: 'azure-sas', hub, deviceId, ttlS };
  if (!hub || !deviceId) return { ...draft, auth, protocolVersion: 4 };
  return { ...draft, ...azureConnectionFields({ hub, deviceId }), auth, protocolVersion: 4 };
}

export const authOf = (c: ConnectionConfig) => parseAuthSpec(c.auth);
