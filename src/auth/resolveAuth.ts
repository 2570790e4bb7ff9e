/**
 * Credentials computed before each connect (in the worker, with WebCrypto): a SigV4-presigned
 * URL for AWS IoT, a SAS token for Azure IoT Hub. The user's secret travels in the connection's
 * password slot (so "Remember password", its encryption and "Include passwords" cover it too).
 */
import { awsIotPresignedUrl, type AwsCredentials } from './sigv4';
import { azureDeviceToken } from './azureSas';

import type { AuthSpec } from './types';

export type { AuthSpec };

export const DEFAULT_SAS_TTL_S = 24 * 3600;

/** The `auth` field of a stored connection (a loose, user-editable document) or undefined. */
export function parseAuthSpec(raw: unknown): AuthSpec | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  if (r.kind === 'aws-sigv4') return { kind: 'aws-sigv4', region: str(r.region) || undefined };
  if (r.kind === 'azure-sas') {
    const ttl = typeof r.ttlS === 'number' && Number.isFinite(r.ttlS) && r.ttlS >= 60 ? r.ttlS : DEFAULT_SAS_TTL_S;
    return { kind: 'azure-sas', hub: str(r.hub), deviceId: str(r.deviceId), ttlS: ttl };
  }
  return undefined;
}

/** AWS temporary credentials kept together in the password slot. */
export function packAwsCredentials(c: AwsCredentials): string {
  return JSON.stringify({ accessKeyId: c.accessKeyId.trim(), secretAccessKey: c.secretAccessKey.trim(), sessionToken: c.sessionToken?.trim() || undefined });
}

export function unpackAwsCredentials(packed: string | undefined): AwsCredentials {
  try {
    const v = JSON.parse(packed ?? '') as Partial<AwsCredentials>;
    if (typeof v === 'object' && v !== null) {
      return { accessKeyId: String(v.accessKeyId ?? ''), secretAccessKey: String(v.secretAccessKey ?? ''), sessionToken: v.sessionToken ? String(v.sessionToken) : undefined };
    }
  } catch {
    // Not packed yet (e.g. typed before choosing the preset).
  }
  return { accessKeyId: '', secretAccessKey: '', sessionToken: undefined };
}

export interface ResolvedAuth {
  /** The URL to open (a presigned one for AWS). */
  readonly url: string;
  readonly password?: string;
  /** When these credentials stop working (ms); refreshed before a reconnect after that. */
  readonly expiresAt?: number;
}

/** Presigned URLs are computed for this long; a reconnect later computes a new one. */
const AWS_URL_VALID_S = 3600;

export async function resolveAuth(auth: AuthSpec, url: string, password: string | undefined, nowMs: number): Promise<ResolvedAuth> {
  switch (auth.kind) {
    case 'aws-sigv4': {
      const signed = await awsIotPresignedUrl({ endpoint: url, region: auth.region, credentials: unpackAwsCredentials(password), at: new Date(nowMs), expiresS: AWS_URL_VALID_S });
      // AWS IoT takes no MQTT password with SigV4: the signature is the authentication.
      return { url: signed, password: undefined, expiresAt: nowMs + AWS_URL_VALID_S * 1000 };
    }
    case 'azure-sas': {
      const t = await azureDeviceToken({ hub: auth.hub, deviceId: auth.deviceId, deviceKey: password ?? '', ttlS: auth.ttlS, nowMs });
      return { url, password: t.password, expiresAt: t.expiresAt };
    }
  }
}
