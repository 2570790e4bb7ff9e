/**
 * Azure IoT Hub over MQTT: a device connects with client id = device id, user name
 * `<hub>.azure-devices.net/<deviceId>/?api-version=2021-04-12` and a SAS token as password
 * (https://learn.microsoft.com/azure/iot/iot-mqtt-connect-to-iot-hub). The token is computed
 * here with WebCrypto from the device key, so the key itself never leaves the browser.
 */
import { brokerHostname } from '../config';
import { toBase64 } from '../payload';
import { hmacSha256, keyFromBase64 } from './webCrypto';

export const AZURE_API_VERSION = '2021-04-12';

/**
 * `SharedAccessSignature sr=<url-encoded resource>&sig=<url-encoded base64 HMAC>&se=<expiry>`;
 * the HMAC-SHA256 (keyed with the base64-decoded key) signs `<url-encoded resource>\n<expiry>`.
 * `resourceUri` is given already URL-encoded, as the token carries it.
 */
export async function sasToken(o: { resourceUri: string; key: string; expiry: number; keyName?: string }): Promise<string> {
  const sig = toBase64(await hmacSha256(keyFromBase64(o.key), `${o.resourceUri}\n${o.expiry}`));
  // Field order and encoding as Microsoft's SDKs write them (skn before se; RFC 3986 escapes).
  const skn = o.keyName ? `&skn=${encodeURIComponent(o.keyName).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}` : '';
  return `SharedAccessSignature sr=${o.resourceUri}&sig=${encodeURIComponent(sig)}${skn}&se=${o.expiry}`;
}

export interface AzureDevice {
  /** `myhub.azure-devices.net` (a bare hub name gets the suffix). */
  readonly hub: string;
  readonly deviceId: string;
}

export function azureHubHost(hub: string): string {
  const h = brokerHostname(hub);
  return h.includes('.') ? h : `${h}.azure-devices.net`;
}

/** What the connection form fills in for a device (everything but the password). */
export function azureConnectionFields(d: AzureDevice): { url: string; username: string; clientId: string; subscriptions: { topic: string; qos: 0 | 1 }[] } {
  const host = azureHubHost(d.hub);
  return {
    url: `wss://${host}/$iothub/websocket`,
    username: `${host}/${d.deviceId}/?api-version=${AZURE_API_VERSION}`,
    clientId: d.deviceId,
    // IoT Hub refuses wildcards outside these device topics.
    subscriptions: [{ topic: `devices/${d.deviceId}/messages/devicebound/#`, qos: 1 }],
  };
}

/** A device SAS token valid for `ttlS` seconds from `nowMs`; returns it with its expiry (ms). */
export async function azureDeviceToken(d: AzureDevice & { deviceKey: string; ttlS: number; nowMs: number }): Promise<{ password: string; expiresAt: number }> {
  if (!d.deviceId) throw new Error('the Azure device ID is missing');
  if (!d.deviceKey) throw new Error('the Azure device key is missing');
  const expiry = Math.floor(d.nowMs / 1000) + Math.max(60, Math.floor(d.ttlS));
  const resourceUri = encodeURIComponent(`${azureHubHost(d.hub)}/devices/${d.deviceId}`);
  return { password: await sasToken({ resourceUri, key: d.deviceKey, expiry }), expiresAt: expiry * 1000 };
}
