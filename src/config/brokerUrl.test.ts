import { describe, expect, it } from 'vitest';
import { BROKER_URL_PATTERN, brokerHost, brokerHostname, brokerScheme } from './brokerUrl';

describe('broker URLs', () => {
  it.each([
    ['ws://localhost:9001', true],
    ['wss://broker.example/mqtt', true],
    ['WSS://BROKER', true],
    ['mqtt://broker:1883', false],
    ['https://broker', false],
    ['ws://', false],
    ['ws://bro ker', false],
    ['', false],
  ])('BROKER_URL_PATTERN accepts %j: %s', (url, ok) => {
    expect(BROKER_URL_PATTERN.test(url)).toBe(ok);
  });

  it.each([
    ['wss://a-ats.iot.eu-west-1.amazonaws.com/mqtt', 'a-ats.iot.eu-west-1.amazonaws.com', 'a-ats.iot.eu-west-1.amazonaws.com', 'wss'],
    ['ws://localhost:9001/mqtt', 'localhost:9001', 'localhost', 'ws'],
    ['  WSS://hub.azure-devices.net:443/$iothub/websocket ', 'hub.azure-devices.net:443', 'hub.azure-devices.net', 'wss'],
    ['myhub', 'myhub', 'myhub', undefined],
    ['myhub.example/path', 'myhub.example', 'myhub.example', undefined],
  ])('%j → host %j, hostname %j, scheme %j', (url, host, hostname, scheme) => {
    expect(brokerHost(url)).toBe(host);
    expect(brokerHostname(url)).toBe(hostname);
    expect(brokerScheme(url)).toBe(scheme);
  });
});
