import { describe, expect, it } from 'vitest';
import type { ConnectionConfig } from '../../src/config';
import { applyPreset, withAzure } from './applyPreset';

const base: ConnectionConfig = { id: 'c', name: 'x', url: 'ws://127.0.0.1:9001', protocolVersion: 5, subscriptions: [{ topic: '#', qos: 0 }], autoConnect: false };

describe('applyPreset', () => {
  it('fills URL and version; plain presets have no computed auth', () => {
    expect(applyPreset(base, 'emqx')).toMatchObject({ preset: 'emqx', url: 'ws://<broker-host>:8083/mqtt', protocolVersion: 5 });
    expect(applyPreset({ ...base, auth: { kind: 'aws-sigv4' } }, 'hivemq-cloud').auth).toBeUndefined();
    expect(applyPreset(base, 'custom')).toMatchObject({ preset: 'custom', url: base.url });
  });

  it('AWS SigV4 signs, so it needs no user name', () => {
    expect(applyPreset({ ...base, username: 'u' }, 'aws-sigv4')).toMatchObject({ auth: { kind: 'aws-sigv4' }, username: undefined, url: 'wss://<prefix>-ats.iot.<region>.amazonaws.com/mqtt' });
  });

  it('leaving Azure drops its device identity and subscription', () => {
    const azure = withAzure(applyPreset(base, 'azure-iot-hub'), 'myhub', 'press-7', 3600);
    expect(applyPreset(azure, 'mosquitto')).toMatchObject({ clientId: undefined, username: undefined, subscriptions: [{ topic: '#', qos: 0 }] });
    expect(applyPreset(azure, 'mosquitto').auth).toBeUndefined();
  });

  it('Azure IoT Hub is MQTT 3.1.1 with the device as client id and user name', () => {
    expect(applyPreset(base, 'azure-iot-hub')).toMatchObject({ protocolVersion: 4, auth: { kind: 'azure-sas', ttlS: 86400 } });
    expect(withAzure(base, 'myhub', 'press-7', 3600)).toMatchObject({
      url: 'wss://myhub.azure-devices.net/$iothub/websocket',
      username: 'myhub.azure-devices.net/press-7/?api-version=2021-04-12',
      clientId: 'press-7',
      protocolVersion: 4,
      subscriptions: [{ topic: 'devices/press-7/messages/devicebound/#', qos: 1 }],
      auth: { kind: 'azure-sas', hub: 'myhub', deviceId: 'press-7', ttlS: 3600 },
    });
  });
});
