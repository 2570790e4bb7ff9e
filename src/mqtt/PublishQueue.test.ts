import { createServer, type AddressInfo, type Server } from 'node:net';
import mqtt, { type MqttClient } from 'mqtt';
import mqttPacket from 'mqtt-packet';
import { afterEach, describe, expect, it } from 'vitest';
import { PublishQueue } from './PublishQueue';

/**
 * A broker at the mqtt-packet level that answers every publish with PUBACK, as RabbitMQ 3.10 does
 * for QoS 2 (it downgrades to QoS 1): neither aedes nor Mosquitto can be made to do this.
 */
async function downgradingBroker(): Promise<{ url: string; server: Server }> {
  const server = createServer((socket) => {
    const parser = mqttPacket.parser({ protocolVersion: 4 });
    parser.on('packet', (packet) => {
      if (packet.cmd === 'connect') socket.write(mqttPacket.generate({ cmd: 'connack', returnCode: 0, sessionPresent: false }));
      if (packet.cmd === 'publish' && packet.qos > 0) socket.write(mqttPacket.generate({ cmd: 'puback', messageId: packet.messageId! }));
      if (packet.cmd === 'pingreq') socket.write(mqttPacket.generate({ cmd: 'pingresp' }));
    });
    socket.on('data', (d: Buffer) => parser.parse(d));
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

let client: MqttClient | undefined;
let server: Server | undefined;
afterEach(async () => {
  await client?.endAsync(true);
  await new Promise((resolve) => server?.close(resolve));
});

describe('PublishQueue', () => {
  it('says so when a QoS 2 publish is answered with PUBACK (the broker used QoS 1)', async () => {
    const broker = await downgradingBroker();
    server = broker.server;
    client = await mqtt.connectAsync(broker.url, { protocolVersion: 4, reconnectPeriod: 0 });
    const queue = new PublishQueue();
    const outcome = (qos: 1 | 2) =>
      new Promise<[string | undefined, string | undefined]>((resolve) => queue.send(client!, 'cmd/x', new Uint8Array([1]), { qos }, (e, note) => resolve([e, note])));
    expect(await outcome(2)).toEqual([undefined, 'broker used QoS 1']);
    expect(await outcome(1)).toEqual([undefined, undefined]);
  });
});
