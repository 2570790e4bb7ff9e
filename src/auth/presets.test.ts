import { describe, expect, it } from 'vitest';
import { customAuthorizerOf, customAuthorizerUsername, PRESETS, presetById } from './presets';
import { packAwsCredentials, parseAuthSpec, resolveAuth, unpackAwsCredentials } from './resolveAuth';

describe('presets', () => {
  it('each has a ws(s) URL template and help text', () => {
    for (const p of PRESETS) {
      expect(p.url).toMatch(/^wss?:\/\//);
      expect(p.help.length).toBeGreaterThan(20);
    }
    expect(presetById('nope').id).toBe('custom');
    expect(presetById('azure-iot-hub').protocolVersion).toBe(4);
  });

  it('puts the custom authorizer name into the user name and reads it back', () => {
    expect(customAuthorizerUsername('plant', 'MyAuth')).toBe('plant?x-amz-customauthorizer-name=MyAuth');
    expect(customAuthorizerUsername('plant?x-amz-customauthorizer-name=Old&a=1', 'New')).toBe('plant?x-amz-customauthorizer-name=New&a=1');
    expect(customAuthorizerUsername('plant?x-amz-customauthorizer-name=Old', '')).toBe('plant');
    expect(customAuthorizerOf('plant?x-amz-customauthorizer-name=MyAuth')).toBe('MyAuth');
    expect(customAuthorizerOf('plant')).toBe('');
  });

  it('parses the stored auth field defensively', () => {
    expect(parseAuthSpec({ kind: 'aws-sigv4', region: 'eu-west-1' })).toEqual({ kind: 'aws-sigv4', region: 'eu-west-1' });
    expect(parseAuthSpec({ kind: 'azure-sas', hub: 'h', deviceId: 'd', ttlS: 'x' })).toEqual({ kind: 'azure-sas', hub: 'h', deviceId: 'd', ttlS: 86400 });
    expect(parseAuthSpec({ kind: 'eval' })).toBeUndefined();
    expect(parseAuthSpec('aws-sigv4')).toBeUndefined();
  });

  it('packs AWS credentials into one secret and back', () => {
    const c = { accessKeyId: ' AKIA ', secretAccessKey: 'sec', sessionToken: 'tok' };
    expect(unpackAwsCredentials(packAwsCredentials(c))).toEqual({ accessKeyId: 'AKIA', secretAccessKey: 'sec', sessionToken: 'tok' });
    expect(unpackAwsCredentials('typed-before')).toEqual({ accessKeyId: '', secretAccessKey: '', sessionToken: undefined });
  });

  it('resolves computed credentials before connecting', async () => {
    const now = Date.UTC(2024, 0, 2, 3, 4, 5);
    const aws = await resolveAuth({ kind: 'aws-sigv4' }, 'wss://abc-ats.iot.eu-west-1.amazonaws.com/mqtt', packAwsCredentials({ accessKeyId: 'AKIA', secretAccessKey: 's', sessionToken: 't' }), now);
    expect(aws.url).toMatch(/^wss:\/\/abc-ats\.iot\.eu-west-1\.amazonaws\.com\/mqtt\?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20240102%2Feu-west-1%2Fiotdevicegateway%2Faws4_request&X-Amz-Date=20240102T030405Z/);
    expect(aws.password).toBeUndefined();
    expect(aws.expiresAt).toBeGreaterThan(now);
    const azure = await resolveAuth({ kind: 'azure-sas', hub: 'h', deviceId: 'd', ttlS: 600 }, 'wss://h.azure-devices.net/$iothub/websocket', btoa('k'), now);
    expect(azure.url).toBe('wss://h.azure-devices.net/$iothub/websocket');
    expect(azure.password).toMatch(/^SharedAccessSignature sr=h\.azure-devices\.net%2Fdevices%2Fd&sig=/);
    expect(azure.expiresAt).toBe(Math.floor(now / 1000) * 1000 + 600_000);
  });
});
