import { describe, expect, it } from 'vitest';
import { azureConnectionFields, azureDeviceToken, sasToken } from './azureSas';

// Microsoft's test vectors (Azure/azure-iot-sdk-node common/core/test/_shared_access_signature_test.js):
// key = base64("password"), resource "uri", expiry 12345.
const KEY = btoa('password');

describe('Azure SAS token', () => {
  it("matches Microsoft's SDK example", async () => {
    expect(await sasToken({ resourceUri: 'uri', key: KEY, expiry: 12345 })).toBe('SharedAccessSignature sr=uri&sig=kcWxXAK2OAaAoq2oCkaGzX2NMqDB8nCyNuq2fPYCDhk%3D&se=12345');
    expect(await sasToken({ resourceUri: 'uri', key: KEY, expiry: 12345, keyName: "encode('Me')" })).toBe(
      "SharedAccessSignature sr=uri&sig=kcWxXAK2OAaAoq2oCkaGzX2NMqDB8nCyNuq2fPYCDhk%3D&skn=encode%28%27Me%27%29&se=12345",
    );
  });

  it('makes a device token for <hub>/devices/<id> with the chosen lifetime', async () => {
    const t = await azureDeviceToken({ hub: 'myhub', deviceId: 'press-7', deviceKey: KEY, ttlS: 3600, nowMs: 1_700_000_000_500 });
    expect(t.expiresAt).toBe((1_700_000_000 + 3600) * 1000);
    expect(t.password).toMatch(/^SharedAccessSignature sr=myhub\.azure-devices\.net%2Fdevices%2Fpress-7&sig=[A-Za-z0-9%]+&se=1700003600$/);
    // Same inputs, same token: it is a pure function of key, resource and expiry.
    expect(t.password).toBe(await sasToken({ resourceUri: encodeURIComponent('myhub.azure-devices.net/devices/press-7'), key: KEY, expiry: 1_700_003_600 }));
  });

  it('refuses a key that is not base64, and a missing device', async () => {
    await expect(azureDeviceToken({ hub: 'h', deviceId: 'd', deviceKey: 'not base64!', ttlS: 60, nowMs: 0 })).rejects.toThrow(/base64/);
    await expect(azureDeviceToken({ hub: 'h', deviceId: '', deviceKey: KEY, ttlS: 60, nowMs: 0 })).rejects.toThrow(/device ID/);
  });

  it('fills the IoT Hub connection fields', () => {
    expect(azureConnectionFields({ hub: 'myhub.azure-devices.net', deviceId: 'press-7' })).toEqual({
      url: 'wss://myhub.azure-devices.net/$iothub/websocket',
      username: 'myhub.azure-devices.net/press-7/?api-version=2021-04-12',
      clientId: 'press-7',
      subscriptions: [{ topic: 'devices/press-7/messages/devicebound/#', qos: 1 }],
    });
  });
});
